import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Cloud, createCloud } from '../../src/cloud.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { simulator } from '../../src/testing/simulator/simulator-driver.js';
import { dyingIn, type Method } from '../helpers/dying-driver.js';
import { allocated, type Fixture, makeFixture } from '../helpers/fixture.js';

describe('a restart reconciles jobs left by a crashed process', () => {
  const clouds: Cloud[] = [];
  afterEach(async () => {
    await Promise.all(clouds.splice(0).map((c) => c.close()));
  });

  async function crashAndRestart(method: Method, applied: boolean, before?: (f: Fixture) => Promise<string>) {
    const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-crash-')), 'crash.db');
    const sim = simulator({ name: 'sim', hosts: { count: 2 } });
    const dying = dyingIn(sim, method, applied);
    const first = await makeFixture({
      store: createSqliteStore({ filename }),
      sim: {},
      cloud: { drivers: [dying.driver] },
    });
    const targetId = before ? await before(first) : undefined;
    let jobId: string;
    if (method === 'createInstance') {
      const handle = await first.cloud.instances.create(first.admin, {
        name: 'victim',
        tenantId: first.tenant.id,
        offeringId: first.small.id,
        imageId: first.image.id,
        dataDisks: [{ sizeGiB: 3 }],
      });
      jobId = handle.id;
    } else if (method === 'delete') {
      jobId = (await first.cloud.instances.delete(first.admin, targetId ?? '')).id;
    } else if (method === 'clone') {
      jobId = (await first.cloud.instances.clone(first.admin, targetId ?? '', { name: 'copy' })).id;
    } else {
      jobId = (await first.cloud.instances.attachDisk(first.admin, targetId ?? '', { sizeGiB: 6 })).id;
    }
    await dying.reached;
    // The first process is gone: a second one starts on the same database with the same node id.
    const second = await createCloud({
      store: createSqliteStore({ filename }),
      drivers: [sim],
      nodeId: 'test-node',
    });
    clouds.push(second);
    return { sim, first, second, jobId, targetId };
  }

  it('rolls back a create interrupted after the VM was made: VM deleted, nothing reserved', async () => {
    const { sim, second, jobId } = await crashAndRestart('createInstance', true);
    expect(second.startup).toMatchObject({ rolledBack: 1, errors: [] });
    const job = await second.jobs.get({ principal: { id: 't', type: 'system' } }, jobId);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'INTERRUPTED' } });
    expect(sim.instanceCount).toBe(0);
    expect(sim.wipes.length).toBeGreaterThan(0);
    const admin = { principal: { id: 't', type: 'system' as const } };
    expect((await second.instances.list(admin)).items).toEqual([]);
    expect((await second.volumes.list(admin)).items).toEqual([]);
    const hosts = (await second.hosts.list(admin)).items;
    expect(hosts.every((h) => h.allocated.vcpus === 0 && h.allocated.storageGiB === 0)).toBe(true);
  });

  it('rolls back a create interrupted before the driver acted', async () => {
    const { sim, second } = await crashAndRestart('createInstance', false);
    expect(second.startup.rolledBack).toBe(1);
    expect(sim.instanceCount).toBe(0);
    expect(sim.callCount('delete')).toBe(0);
  });

  it('rolls back an interrupted clone and unlocks its source', async () => {
    const { sim, second, targetId } = await crashAndRestart(
      'clone',
      true,
      async (f) => (await f.vm('src')).id,
    );
    const admin = { principal: { id: 't', type: 'system' as const } };
    expect((await second.instances.list(admin)).items.map((i) => i.id)).toEqual([targetId]);
    expect((await second.instances.get(admin, targetId ?? '')).jobId).toBeNull();
    expect(sim.instanceCount).toBe(1);
  });

  it('rolls back an interrupted disk attach whose disk was made', async () => {
    const { sim, second, targetId } = await crashAndRestart(
      'createDisk',
      true,
      async (f) => (await f.vm('src')).id,
    );
    const admin = { principal: { id: 't', type: 'system' as const } };
    expect((await second.volumes.list(admin, { instanceId: targetId ?? '' })).items).toHaveLength(1);
    expect(sim.wipes).toHaveLength(1);
    const hosts = (await second.hosts.list(admin)).items;
    expect(hosts.reduce((n, h) => n + h.allocated.storageGiB, 0)).toBe(20);
  });

  it('resumes an interrupted delete to its end', async () => {
    const { sim, second, jobId } = await crashAndRestart(
      'delete',
      true,
      async (f) => (await f.vm('gone')).id,
    );
    expect(second.startup.resumed).toBe(1);
    const admin = { principal: { id: 't', type: 'system' as const } };
    const handle = await second.jobs.handle(admin, jobId);
    expect((await handle.wait({ timeoutMs: 5000 })).state).toBe('succeeded');
    expect((await second.instances.list(admin)).items).toEqual([]);
    expect(sim.instanceCount).toBe(0);
    expect(sim.wipes.length).toBeGreaterThan(0);
    const hosts = (await second.hosts.list(admin)).items;
    expect(hosts.every((h) => h.allocated.vcpus === 0)).toBe(true);
  });

  it('runs a job that was still queued when the process died', async () => {
    const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-crash-')), 'queued.db');
    const sim = simulator({ name: 'sim', hosts: { count: 2 } });
    const dying = dyingIn(sim, 'createInstance', true);
    const first = await makeFixture({
      store: createSqliteStore({ filename }),
      cloud: { drivers: [dying.driver], jobConcurrency: 1 },
    });
    const create = (name: string) =>
      first.cloud.instances.create(first.admin, {
        name,
        tenantId: first.tenant.id,
        offeringId: first.small.id,
        imageId: first.image.id,
      });
    await create('running-one');
    const queued = await create('queued-one');
    await dying.reached;
    expect((await queued.get()).state).toBe('queued');
    const second = await createCloud({
      store: createSqliteStore({ filename }),
      drivers: [sim],
      nodeId: 'test-node',
    });
    clouds.push(second);
    expect(second.startup).toMatchObject({ rolledBack: 1, resumed: 1 });
    const admin = { principal: { id: 't', type: 'system' as const } };
    const done = await (await second.jobs.handle(admin, queued.id)).wait({ timeoutMs: 5000 });
    expect(done.state).toBe('succeeded');
    expect((await second.instances.list(admin)).items.map((i) => i.name)).toEqual(['queued-one']);
    expect(sim.instanceCount).toBe(1);
    expect(await allocated({ cloud: second, admin } as unknown as Fixture)).toMatchObject({ vcpus: 2 });
  });
});
