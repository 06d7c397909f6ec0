import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Cloud, createCloud } from '../../src/cloud.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

const MANUAL = { ha: { enabled: false } } as const;

describe.each(STORES)('host HA ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  async function ticks(n: number) {
    const reports = [];
    for (let i = 0; i < n; i++) reports.push(await f.cloud.ha.tick(f.admin));
    return reports;
  }

  /** Where the hypervisor has an instance, and whether it runs there. */
  async function onHypervisor(instanceId: string) {
    const found = await f.sim.findInstance(instanceId, {
      signal: AbortSignal.timeout(1000),
      progress: () => {},
    });
    return { hostRef: found?.hostRef, power: found?.power };
  }

  it('fences a crashed host after the missed heartbeats and restarts its HA instances elsewhere, by priority', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: { count: 3 } }, cloud: MANUAL });
    const low = await f.vm('low', { haPriority: 10 });
    const high = await f.vm('high', { haPriority: 90 });
    const unprotected = await f.vm('none', { haPriority: null });
    const failed = f.hosts.find((h) => h.id === low.hostId);
    expect([high.hostId, unprotected.hostId]).toEqual([low.hostId, low.hostId]);
    f.sim.failHost(failed?.ref ?? '');

    const [first, second, third] = await ticks(3);
    expect(first).toMatchObject({ leader: true, suspect: [], fenced: [] });
    expect(second).toMatchObject({ suspect: [], fenced: [] });
    expect(third).toMatchObject({ suspect: [failed?.id], fenced: [failed?.id], fenceFailed: [] });
    expect(third?.restarted).toEqual([high.id, low.id]);
    expect((await f.cloud.hosts.get(f.admin, failed?.id ?? '')).state).toBe('fenced');
    for (const vm of [low, high]) {
      const now = await f.cloud.instances.get(f.admin, vm.id);
      expect(now).toMatchObject({ state: 'running', jobId: null });
      expect(now.hostId).not.toBe(failed?.id);
      const hv = await onHypervisor(vm.id);
      expect(hv.power).toBe('running');
      expect(hv.hostRef).toBe(f.hosts.find((h) => h.id === now.hostId)?.ref);
    }
    expect((await f.cloud.instances.get(f.admin, unprotected.id)).state).toBe('stopped');
    expect((await f.cloud.hosts.get(f.admin, failed?.id ?? '')).allocated.vcpus).toBe(unprotected.vcpus);
    const events = (await f.cloud.events.list(f.admin, { resourceId: failed?.id ?? '' })).items.map(
      (e) => e.type,
    );
    expect(events.slice(-2)).toEqual(['host.down', 'host.fenced']);
  });

  it('fences a partitioned host before anything restarts: the instance never runs twice', async () => {
    f = await makeFixture({ store: make(), cloud: MANUAL });
    const vm = await f.vm('a');
    const failed = f.hosts.find((h) => h.id === vm.hostId);
    f.sim.failHost(failed?.ref ?? '', { mode: 'partition' });
    // Cut off, but still running there: until the fence, nothing may start it anywhere else.
    await ticks(2);
    expect((await f.cloud.instances.get(f.admin, vm.id)).hostId).toBe(failed?.id);
    const [third] = await ticks(1);
    expect(third).toMatchObject({ suspect: [failed?.id], fenced: [failed?.id], restarted: [vm.id] });
    expect(f.sim.callCount('fence')).toBe(1);
    const hv = await onHypervisor(vm.id);
    expect(hv).toEqual({ hostRef: f.hosts.find((h) => h.id !== failed?.id)?.ref, power: 'running' });
    expect(f.sim.instanceCount).toBe(1);
  });

  it('restarts nothing while the fence fails, and everything once it succeeds', async () => {
    f = await makeFixture({ store: make(), cloud: MANUAL });
    const vm = await f.vm('a');
    const failed = f.hosts.find((h) => h.id === vm.hostId);
    f.sim.failHost(failed?.ref ?? '', { mode: 'partition' });
    f.sim.failNext('fence');
    const [, , third] = await ticks(3);
    expect(third).toMatchObject({ fenceFailed: [failed?.id], fenced: [], restarted: [] });
    expect((await f.cloud.instances.get(f.admin, vm.id)).hostId).toBe(failed?.id);
    expect((await f.cloud.hosts.get(f.admin, failed?.id ?? '')).state).toBe('disconnected');
    const [fourth] = await ticks(1);
    expect(fourth).toMatchObject({ fenced: [failed?.id], restarted: [vm.id] });
    const types = (await f.cloud.events.list(f.admin, { resourceId: failed?.id ?? '' })).items.map(
      (e) => e.type,
    );
    expect(types).toContain('host.fence_failed');
  });

  it('leaves a flapping host alone: misses must be consecutive', async () => {
    f = await makeFixture({ store: make(), cloud: MANUAL });
    const vm = await f.vm('a');
    const ref = f.hosts.find((h) => h.id === vm.hostId)?.ref ?? '';
    for (let i = 0; i < 3; i++) {
      f.sim.failHost(ref, { mode: 'partition' });
      await ticks(2);
      f.sim.recoverHost(ref);
      await ticks(1);
    }
    expect(f.sim.callCount('fence')).toBe(0);
    expect((await f.cloud.instances.get(f.admin, vm.id)).hostId).toBe(vm.hostId);
    expect((await f.cloud.hosts.get(f.admin, vm.hostId ?? '')).state).toBe('up');
  });

  it('restarts an instance whose migration its host failed in the middle of, exactly once', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: { count: 3 }, latencyMs: 30 }, cloud: MANUAL });
    const vm = await f.vm('a');
    const failed = f.hosts.find((h) => h.id === vm.hostId);
    const migration = await f.cloud.instances.migrate(f.admin, vm.id, {});
    f.sim.failHost(failed?.ref ?? '');
    const settled = migration.wait().then(
      () => 'moved',
      () => 'failed',
    );
    await ticks(3);
    await settled;
    await ticks(1);
    const now = await f.cloud.instances.get(f.admin, vm.id);
    expect(now).toMatchObject({ state: 'running', jobId: null });
    expect(now.hostId).not.toBe(failed?.id);
    expect(await onHypervisor(vm.id)).toEqual({
      hostRef: f.hosts.find((h) => h.id === now.hostId)?.ref,
      power: 'running',
    });
    expect(f.sim.instanceCount).toBe(1);
  });

  it('marks a host that answers again as up, and keeps its hands off without fencing', async () => {
    f = await makeFixture({ store: make(), sim: { capabilities: { fencing: false } }, cloud: MANUAL });
    const vm = await f.vm('a');
    const failed = f.hosts.find((h) => h.id === vm.hostId);
    f.sim.failHost(failed?.ref ?? '', { mode: 'partition' });
    const [, , third] = await ticks(3);
    expect(third).toMatchObject({ suspect: [failed?.id], fenced: [], restarted: [] });
    expect((await f.cloud.instances.get(f.admin, vm.id)).hostId).toBe(failed?.id);
    f.sim.recoverHost(failed?.ref ?? '');
    const [after] = await ticks(1);
    expect(after?.recovered).toEqual([failed?.id]);
    expect((await f.cloud.hosts.get(f.admin, failed?.id ?? '')).state).toBe('up');
  });

  it('is for platform callers', async () => {
    f = await makeFixture({ store: make(), cloud: MANUAL });
    expect(
      (await failure(f.cloud.ha.tick(await f.caller('role-tenant-admin', undefined, f.tenant.id)))).code,
    ).toBe('PERMISSION_DENIED');
  });
});

describe('the HA lease', () => {
  const clouds: Cloud[] = [];
  afterEach(async () => {
    await Promise.all(clouds.splice(0).map((c) => c.close()));
  });

  it('lets one management process act at a time, and passes on when it closes', async () => {
    const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-lease-')), 'lease.db');
    const first = await makeFixture({
      store: createSqliteStore({ filename }),
      cloud: { ...MANUAL, nodeId: 'node-1' },
    });
    const other = await createCloud({
      store: createSqliteStore({ filename }),
      drivers: [first.sim],
      nodeId: 'node-2',
      ...MANUAL,
    });
    clouds.push(other);
    expect((await first.cloud.ha.tick(first.admin)).leader).toBe(true);
    expect((await other.ha.tick(first.admin)).leader).toBe(false);
    expect((await first.cloud.ha.tick(first.admin)).leader).toBe(true);
    await first.cloud.close();
    expect((await other.ha.tick(first.admin)).leader).toBe(true);
  });
});
