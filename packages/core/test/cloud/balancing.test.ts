import { afterEach, describe, expect, it } from 'vitest';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

describe.each(STORES)('dynamic balancing ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  /** Three hosts of 16 threads and 16 GiB: a small instance (2 vCPUs, 2 GiB) is an eighth of one. */
  const HOSTS = {
    count: 3,
    template: {
      cpu: { sockets: 1, coresPerSocket: 8, threadsPerCore: 2, mhz: 2000 },
      memoryMiB: 16_384,
      storageGiB: 1000,
    },
  };

  /** Six small instances packed onto one of the three hosts by the fill policy. */
  async function packed(): Promise<string> {
    f = await makeFixture({ store: make(), sim: { hosts: HOSTS } });
    const vms = [];
    for (let i = 0; i < 6; i++) vms.push(await f.vm(`vm-${i}`));
    expect(new Set(vms.map((vm) => vm.hostId)).size).toBe(1);
    return vms[0]?.hostId ?? '';
  }

  it('plans live migrations that even out memory use, and executes them', async () => {
    const hot = await packed();
    const plan = await f.cloud.balancer.plan(f.admin, { band: 0.05 });
    expect(plan.moves.length).toBeGreaterThan(0);
    expect(plan.moves.every((m) => m.fromHostId === hot && m.toHostId !== hot)).toBe(true);
    expect(plan.imbalanceAfter).toBeLessThan(plan.imbalanceBefore);
    const outcome = await f.cloud.balancer.execute(f.admin, plan);
    expect(outcome).toEqual({ moved: expect.arrayContaining([...plan.moves]), failed: [] });
    const perHost = (await f.cloud.hosts.list(f.admin)).items.map((h) => h.allocated.memoryMiB);
    expect(perHost.sort()).toEqual([4096, 4096, 4096]);
    expect((await f.cloud.balancer.plan(f.admin, { band: 0.05 })).moves).toEqual([]);
  });

  it('proposes no more than the cap per round', async () => {
    await packed();
    expect((await f.cloud.balancer.plan(f.admin, { band: 0.01, maxMigrations: 1 })).moves).toHaveLength(1);
  });

  it('never plans a move a filter forbids: tags and anti-affinity', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: HOSTS } });
    const [a] = f.hosts;
    await f.cloud.hosts.update(f.admin, a?.id ?? '', { tags: ['ssd'] });
    const ssd = await f.cloud.offerings.create(f.admin, {
      name: 'ssd',
      vcpus: 2,
      memoryMiB: 2048,
      rootDiskGiB: 10,
      tags: ['ssd'],
    });
    for (let i = 0; i < 4; i++) await f.vm(`ssd-${i}`, { offeringId: ssd.id });
    expect((await f.cloud.balancer.plan(f.admin, { band: 0.01 })).moves).toEqual([]);

    const apart = await f.cloud.placementGroups.create(f.admin, {
      name: 'apart',
      tenantId: f.tenant.id,
      policy: 'anti-affinity',
    });
    const m1 = await f.vm('m1', { placementGroupId: apart.id });
    const m2 = await f.vm('m2', { placementGroupId: apart.id });
    const plan = await f.cloud.balancer.plan(f.admin, { band: 0.05, maxMigrations: 50 });
    await f.cloud.balancer.execute(f.admin, plan);
    const hostsOf = await Promise.all(
      [m1, m2].map(async (vm) => (await f.cloud.instances.get(f.admin, vm.id)).hostId),
    );
    expect(new Set(hostsOf).size).toBe(2);
    const ssdHosts = (await f.cloud.instances.list(f.admin)).items
      .filter((vm) => vm.offeringId === ssd.id)
      .map((vm) => vm.hostId);
    expect(new Set(ssdHosts)).toEqual(new Set([a?.id]));
  });

  it('reports the moves of a stale plan that can no longer run, and runs the rest', async () => {
    const hot = await packed();
    const plan = await f.cloud.balancer.plan(f.admin, { band: 0.01 });
    const target = plan.moves[0]?.toHostId ?? '';
    await (await f.cloud.hosts.enterMaintenance(f.admin, target)).wait();
    const outcome = await f.cloud.balancer.execute(f.admin, plan, { concurrency: 1 });
    expect(outcome.failed.length).toBeGreaterThan(0);
    expect(outcome.failed.every((m) => m.toHostId === target && m.code === 'INSUFFICIENT_CAPACITY')).toBe(
      true,
    );
    expect(outcome.moved.length + outcome.failed.length).toBe(plan.moves.length);
    expect(outcome.moved.every((m) => m.fromHostId === hot)).toBe(true);
  });

  it('is for platform callers, and validates what it is given', async () => {
    f = await makeFixture({ store: make() });
    const tenant = await f.caller('role-tenant-admin', undefined, f.tenant.id);
    expect((await failure(f.cloud.balancer.plan(tenant))).code).toBe('PERMISSION_DENIED');
    expect((await failure(f.cloud.balancer.plan(f.admin, { band: 2 }))).code).toBe('INVALID_ARGUMENT');
    const empty = { moves: [], imbalanceBefore: 0, imbalanceAfter: 0 };
    expect((await failure(f.cloud.balancer.execute(tenant, empty))).code).toBe('PERMISSION_DENIED');
    expect((await failure(f.cloud.balancer.execute(f.admin, { moves: [{}] } as never))).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect((await failure(f.cloud.balancer.execute(f.admin, empty, { concurrency: 0 }))).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(await f.cloud.balancer.execute(f.admin, empty)).toEqual({ moved: [], failed: [] });
  });
});
