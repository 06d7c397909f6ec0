import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Cloud, createCloud } from '../../src/cloud.js';
import { systemContext } from '../../src/context/call-context.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { simulator } from '../../src/testing/simulator/simulator-driver.js';
import { dyingIn } from '../helpers/dying-driver.js';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

describe.each(STORES)('host maintenance ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('stops placing on the host at once, moves every instance off, and returns to service on exit', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: { count: 3 }, latencyMs: 2 } });
    const running = [await f.vm('a'), await f.vm('b')];
    const stopped = await f.vm('c');
    await (await f.cloud.instances.stop(f.admin, stopped.id)).wait();
    const hostId = running[0]?.hostId ?? '';
    expect([running[1]?.hostId, stopped.hostId]).toEqual([hostId, hostId]);

    const handle = await f.cloud.hosts.enterMaintenance(f.admin, hostId);
    expect((await f.cloud.hosts.get(f.admin, hostId)).maintenance).toBe('entering');
    const placedMeanwhile = await f.vm('d');
    expect(placedMeanwhile.hostId).not.toBe(hostId);
    const host = await handle.wait({ timeoutMs: 10_000 });
    expect(host.maintenance).toBe('in_maintenance');
    const after = (await f.cloud.instances.list(f.admin)).items;
    expect(after.filter((vm) => vm.hostId === hostId)).toEqual([]);
    expect(Object.fromEntries(after.map((vm) => [vm.name, vm.state]))).toEqual({
      a: 'running',
      b: 'running',
      c: 'stopped',
      d: 'running',
    });
    expect(f.sim.callCount('migrate')).toBe(3);
    expect((await f.cloud.hosts.get(f.admin, hostId)).allocated).toEqual({
      vcpus: 0,
      memoryMiB: 0,
      storageGiB: 0,
    });

    const back = await f.cloud.hosts.exitMaintenance(f.admin, hostId);
    expect(back.maintenance).toBe('none');
    const types = (await f.cloud.events.list(f.admin, { resourceId: hostId })).items.map((e) => e.type);
    expect(types.slice(-3)).toEqual([
      'host.maintenance_entering',
      'host.maintenance_in_maintenance',
      'host.maintenance_none',
    ]);
  });

  it('stops, moves cold and starts again an instance whose driver cannot migrate live', async () => {
    f = await makeFixture({ store: make(), sim: { capabilities: { liveMigration: false } } });
    const vm = await f.vm('a');
    await (await f.cloud.hosts.enterMaintenance(f.admin, vm.hostId ?? '')).wait({ timeoutMs: 10_000 });
    const moved = await f.cloud.instances.get(f.admin, vm.id);
    expect(moved.hostId).not.toBe(vm.hostId);
    expect(moved.state).toBe('running');
    expect(f.sim.callCount('powerOff')).toBe(1);
    expect(f.sim.callCount('start')).toBe(1);
    expect(f.sim.callCount('migrate')).toBe(1);
  });

  it('fails naming the instances that cannot move, and puts the host back into service', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: { count: 1 } } });
    const vm = await f.vm('a');
    const handle = await f.cloud.hosts.enterMaintenance(f.admin, vm.hostId ?? '');
    const error = await failure(handle.wait({ timeoutMs: 10_000 }));
    expect(error.code).toBe('ILLEGAL_STATE');
    expect(error.details.stuck).toEqual([
      expect.objectContaining({ instanceId: vm.id, code: 'INSUFFICIENT_CAPACITY' }),
    ]);
    expect((await f.cloud.hosts.get(f.admin, vm.hostId ?? '')).maintenance).toBe('none');
    expect((await f.cloud.instances.get(f.admin, vm.id)).state).toBe('running');
  });

  it('a cancelled drain puts the host back into service', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: { count: 2 }, latencyMs: 50 } });
    const vm = await f.vm('a');
    const handle = await f.cloud.hosts.enterMaintenance(f.admin, vm.hostId ?? '');
    await handle.cancel();
    expect((await failure(handle.wait({ timeoutMs: 10_000 }))).code).toBe('CANCELLED');
    expect((await f.cloud.hosts.get(f.admin, vm.hostId ?? '')).maintenance).toBe('none');
  });

  it('keeps half the job slots free of drains, so their migrations can always run', async () => {
    f = await makeFixture({
      store: make(),
      sim: { hosts: { count: 3 }, latencyMs: 30 },
      cloud: { jobConcurrency: 2 },
    });
    const [a, b] = [await f.vm('a'), await f.vm('b', { haPriority: 10 })];
    const first = await f.cloud.hosts.enterMaintenance(f.admin, a.hostId ?? '');
    const other = f.hosts.find((h) => h.id !== a.hostId)?.id ?? '';
    const refused = await failure(f.cloud.hosts.enterMaintenance(f.admin, other));
    expect(refused).toMatchObject({ code: 'ILLEGAL_STATE', details: { draining: 1, limit: 1 } });
    expect((await f.cloud.hosts.get(f.admin, other)).maintenance).toBe('none');
    await first.wait({ timeoutMs: 10_000 });
    expect((await f.cloud.instances.get(f.admin, b.id)).hostId).not.toBe(a.hostId);
    await f.cloud.close();
    f = await makeFixture({ store: make(), cloud: { jobConcurrency: 1 } });
    const single = await failure(f.cloud.hosts.enterMaintenance(f.admin, f.hosts[0]?.id ?? ''));
    expect(single).toMatchObject({ code: 'ILLEGAL_STATE', details: { limit: 0 } });
  });

  it('refuses what makes no sense, and tenants altogether', async () => {
    // Slow enough that the drain is still running when the second calls arrive.
    f = await makeFixture({ store: make(), sim: { latencyMs: 30 } });
    const hostId = (await f.vm('a')).hostId ?? '';
    expect((await failure(f.cloud.hosts.exitMaintenance(f.admin, hostId))).code).toBe('ILLEGAL_STATE');
    const handle = await f.cloud.hosts.enterMaintenance(f.admin, hostId);
    expect((await failure(f.cloud.hosts.enterMaintenance(f.admin, hostId))).code).toBe('ILLEGAL_STATE');
    expect((await failure(f.cloud.hosts.exitMaintenance(f.admin, hostId))).code).toBe('ILLEGAL_STATE');
    await handle.wait({ timeoutMs: 10_000 });
    expect((await failure(f.cloud.hosts.enterMaintenance(f.admin, 'host-nope'))).code).toBe('NOT_FOUND');
    const tenant = await f.caller('role-tenant-admin', undefined, f.tenant.id);
    expect((await failure(f.cloud.hosts.enterMaintenance(tenant, hostId))).code).toBe('PERMISSION_DENIED');
    expect((await failure(f.cloud.hosts.exitMaintenance(tenant, hostId))).code).toBe('PERMISSION_DENIED');
  });
});

describe('host maintenance after a crash', () => {
  const clouds: Cloud[] = [];
  afterEach(async () => {
    await Promise.all(clouds.splice(0).map((c) => c.close()));
  });

  it('resumes draining the host on restart, after the interrupted migration is rolled back', async () => {
    const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-maint-')), 'maint.db');
    const sim = simulator({ name: 'sim', hosts: { count: 2 } });
    const dying = dyingIn(sim, 'migrate', false);
    const first = await makeFixture({
      store: createSqliteStore({ filename }),
      sim: {},
      cloud: { drivers: [dying.driver] },
    });
    const vms = [await first.vm('a'), await first.vm('b')];
    const hostId = vms[0]?.hostId ?? '';
    const job = await first.cloud.hosts.enterMaintenance(first.admin, hostId);
    await dying.reached;
    const second = await createCloud({
      store: createSqliteStore({ filename }),
      drivers: [sim],
      nodeId: 'test-node',
    });
    clouds.push(second);
    // Both migrations of the first pass were in flight: they are rolled back, the drain resumed.
    expect(second.startup).toMatchObject({ resumed: 1, rolledBack: 2 });
    const admin = systemContext('t');
    const done = await (await second.jobs.handle(admin, job.id)).wait({ timeoutMs: 10_000 });
    expect(done.state).toBe('succeeded');
    expect((await second.hosts.get(admin, hostId)).maintenance).toBe('in_maintenance');
    const after = (await second.instances.list(admin)).items;
    expect(after.map((vm) => [vm.hostId === hostId, vm.state, vm.jobId])).toEqual([
      [false, 'running', null],
      [false, 'running', null],
    ]);
  });
});
