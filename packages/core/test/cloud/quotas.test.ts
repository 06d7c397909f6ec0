import { afterEach, describe, expect, it } from 'vitest';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

/** Hosts with room for far more than any quota here: only the quota can refuse. */
const ROOMY = { hosts: { count: 2 } };

describe.each(STORES)('tenant quotas ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('counts what exists when first asked, and lets a tenant read its own quota only', async () => {
    f = await makeFixture({ store: make(), sim: ROOMY });
    await f.vm('a', { dataDisks: [{ sizeGiB: 5 }] });
    const quota = await f.cloud.quotas.get(f.admin, f.tenant.id);
    expect(quota.used).toMatchObject({ instances: 1, vcpus: 2, memoryMiB: 2048, volumes: 2, storageGiB: 25 });
    expect(quota.limits.instances).toBeNull();
    const own = await f.caller('role-tenant-member', undefined, f.tenant.id);
    expect((await f.cloud.quotas.get(own, f.tenant.id)).used.instances).toBe(1);
    const other = await f.cloud.tenants.create(f.admin, { name: 'other' });
    expect((await failure(f.cloud.quotas.get(own, other.id))).code).toBe('NOT_FOUND');
    expect((await failure(f.cloud.quotas.set(own, f.tenant.id, { instances: 100 }))).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await failure(f.cloud.quotas.set(f.admin, f.tenant.id, { instances: -1 }))).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect((await failure(f.cloud.quotas.set(f.admin, 'tnt-nope', { instances: 1 }))).code).toBe('NOT_FOUND');
  });

  it('lets concurrent creates take exactly what the quota allows', async () => {
    f = await makeFixture({ store: make(), sim: ROOMY });
    await f.cloud.quotas.set(f.admin, f.tenant.id, { instances: 3 });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        f.cloud.instances.create(f.admin, {
          name: `r-${i}`,
          tenantId: f.tenant.id,
          offeringId: f.small.id,
          imageId: f.image.id,
        }),
      ),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    const quota = await f.cloud.quotas.get(f.admin, f.tenant.id);
    expect(quota.used.instances).toBe(3);
    expect((await f.cloud.instances.list(f.admin, {})).items).toHaveLength(3);
  });

  it('refuses what would go over, names it, and reserves nothing', async () => {
    f = await makeFixture({ store: make(), sim: ROOMY });
    const vm = await f.vm('a');
    await f.cloud.quotas.set(f.admin, f.tenant.id, { vcpus: 4, volumes: 2 });
    const large = await failure(
      f.cloud.instances.create(f.admin, {
        name: 'b',
        tenantId: f.tenant.id,
        offeringId: f.large.id,
        imageId: f.image.id,
      }),
    );
    expect(large).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { exceeded: [{ resource: 'vcpus', limit: 4, used: 2, requested: 8 }] },
    });
    const hosts = (await f.cloud.hosts.list(f.admin, {})).items;
    expect(hosts.reduce((sum, h) => sum + h.allocated.vcpus, 0)).toBe(2);
    expect(
      (await failure(f.cloud.instances.resize(f.admin, vm.id, { vcpus: 8, memoryMiB: 2048 }))).code,
    ).toBe('QUOTA_EXCEEDED');
    await (await f.cloud.instances.attachDisk(f.admin, vm.id, { sizeGiB: 5 })).wait();
    expect((await failure(f.cloud.instances.attachDisk(f.admin, vm.id, { sizeGiB: 5 }))).code).toBe(
      'QUOTA_EXCEEDED',
    );
    expect((await f.cloud.quotas.get(f.admin, f.tenant.id)).used).toMatchObject({
      vcpus: 2,
      volumes: 2,
      storageGiB: 25,
    });
  });

  it('gives back what a delete, a detached disk deleted, a failed create and a failed resize took', async () => {
    f = await makeFixture({ store: make(), sim: ROOMY });
    // A limit makes the tenant's usage a ledger kept by every reservation and release.
    await f.cloud.quotas.set(f.admin, f.tenant.id, { instances: 100 });
    const used = async () => (await f.cloud.quotas.get(f.admin, f.tenant.id)).used;
    const vm = await f.vm('a');
    const disk = await (await f.cloud.instances.attachDisk(f.admin, vm.id, { sizeGiB: 7 })).wait();
    await (await f.cloud.instances.detachDisk(f.admin, vm.id, disk.id)).wait();
    await (await f.cloud.volumes.delete(f.admin, disk.id)).wait();
    expect(await used()).toMatchObject({ instances: 1, volumes: 1, storageGiB: 20 });

    f.sim.failNext('createInstance');
    await failure(f.vm('b'));
    f.sim.failNext('resize');
    await failure((await f.cloud.instances.resize(f.admin, vm.id, { offeringId: f.large.id })).wait());
    expect(await used()).toMatchObject({ instances: 1, vcpus: 2, memoryMiB: 2048, volumes: 1 });

    await (await f.cloud.instances.resize(f.admin, vm.id, { offeringId: f.large.id })).wait();
    expect((await used()).vcpus).toBe(8);
    await (await f.cloud.instances.resize(f.admin, vm.id, { offeringId: f.small.id })).wait();
    expect((await used()).vcpus).toBe(2);
    await (await f.cloud.instances.delete(f.admin, vm.id)).wait();
    expect(await used()).toMatchObject({ instances: 0, vcpus: 0, memoryMiB: 0, volumes: 0, storageGiB: 0 });
  });
});
