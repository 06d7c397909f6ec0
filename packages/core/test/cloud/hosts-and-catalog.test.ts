import { afterEach, describe, expect, it } from 'vitest';
import { createCloud } from '../../src/cloud.js';
import { systemContext, tenantContext } from '../../src/context/call-context.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { simulator } from '../../src/testing/simulator/simulator-driver.js';
import { type Fixture, failure, makeFixture } from '../helpers/fixture.js';

describe('hosts and the catalog', () => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('registers hosts from their driver with capacity from the CPU topology', async () => {
    const admin = systemContext();
    const sim = simulator({
      name: 'kvm-a',
      hypervisor: 'kvm',
      hosts: [
        {
          ref: 'h1',
          cpu: { sockets: 2, coresPerSocket: 8, threadsPerCore: 2, mhz: 2600 },
          memoryMiB: 131072,
          storageGiB: 2000,
        },
        { ref: 'h2' },
      ],
    });
    const cloud = await createCloud({ store: createMemoryStore(), drivers: [sim] });
    try {
      const dc = await cloud.datacenters.create(admin, { name: 'dc' });
      const kvm = await cloud.clusters.create(admin, { name: 'kvm', datacenterId: dc.id, hypervisor: 'kvm' });
      const host = await cloud.hosts.register(admin, {
        clusterId: kvm.id,
        driver: 'kvm-a',
        ref: 'h1',
        tags: ['ssd'],
      });
      expect(host).toMatchObject({
        ref: 'h1',
        hypervisor: 'kvm',
        datacenterId: dc.id,
        state: 'up',
        maintenance: 'none',
        tags: ['ssd'],
        capacity: { vcpus: 32, memoryMiB: 131072, storageGiB: 2000 },
        allocated: { vcpus: 0, memoryMiB: 0, storageGiB: 0 },
      });
      expect(
        (await failure(cloud.hosts.register(admin, { clusterId: kvm.id, driver: 'kvm-a', ref: 'h1' }))).code,
      ).toBe('ALREADY_EXISTS');
      expect(
        (await failure(cloud.hosts.register(admin, { clusterId: kvm.id, driver: 'kvm-a', ref: 'nope' })))
          .code,
      ).toBe('NOT_FOUND');
      expect(
        (await failure(cloud.hosts.register(admin, { clusterId: kvm.id, driver: 'other', ref: 'h1' }))).code,
      ).toBe('NOT_FOUND');
      const discovered = await cloud.hosts.discover(admin, { clusterId: kvm.id, driver: 'kvm-a' });
      expect(discovered.map((h) => h.ref)).toEqual(['h2']);
      expect((await cloud.hosts.list(admin, { clusterId: kvm.id })).items).toHaveLength(2);
      const esx = await cloud.clusters.create(admin, {
        name: 'esx',
        datacenterId: dc.id,
        hypervisor: 'vmware',
      });
      const mismatch = await failure(cloud.hosts.discover(admin, { clusterId: esx.id, driver: 'kvm-a' }));
      expect(mismatch).toMatchObject({
        code: 'INVALID_ARGUMENT',
        details: { clusterHypervisor: 'vmware', driverHypervisor: 'kvm' },
      });
      const usage = await cloud.hosts.usage(admin, host.id);
      expect(usage).toMatchObject({ ref: 'h1', state: 'up', instances: 0 });
    } finally {
      await cloud.close();
    }
  });

  it('keeps hosts to the platform and lets tenants read the catalog; a user bound nowhere reads nothing', async () => {
    f = await makeFixture();
    const alice = await f.caller('role-tenant-admin', undefined, f.tenant.id);
    expect((await failure(f.cloud.hosts.get(alice, f.hosts[0]?.id ?? ''))).code).toBe('PERMISSION_DENIED');
    expect(
      (
        await failure(
          f.cloud.offerings.create(alice, { name: 'x', vcpus: 1, memoryMiB: 512, rootDiskGiB: 1 }),
        )
      ).code,
    ).toBe('PERMISSION_DENIED');
    expect((await f.cloud.offerings.list(alice)).items.map((o) => o.name)).toEqual(['small', 'large']);
    expect((await f.cloud.images.get(alice, f.image.id)).name).toBe('linux');
    const nobody = tenantContext(f.tenant.id, 'nobody');
    expect((await failure(f.cloud.offerings.list(nobody))).code).toBe('PERMISSION_DENIED');
    expect((await failure(f.cloud.images.get(nobody, f.image.id))).code).toBe('PERMISSION_DENIED');
  });

  it('refuses a cluster in an unknown datacenter and duplicate names', async () => {
    f = await makeFixture();
    const region = await f.cloud.regions.create(f.admin, { name: 'north' });
    const dc = await f.cloud.datacenters.create(f.admin, {
      name: 'dc-n',
      regionId: region.id,
      classification: 'secret',
    });
    expect(dc).toMatchObject({ regionId: region.id, classification: 'secret' });
    expect(
      (await failure(f.cloud.datacenters.create(f.admin, { name: 'dc-x', regionId: 'rgn-nope' }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          f.cloud.clusters.create(f.admin, { name: 'x', datacenterId: 'dc-nope', hypervisor: 'kvm' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          f.cloud.offerings.create(f.admin, { name: 'small', vcpus: 1, memoryMiB: 512, rootDiskGiB: 1 }),
        )
      ).code,
    ).toBe('ALREADY_EXISTS');
  });

  it('pages every list with a stable cursor', async () => {
    f = await makeFixture({ sim: { hosts: { count: 7 } } });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await f.cloud.hosts.list(f.admin, { limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((h) => h.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect([...seen].sort()).toEqual(seen);
  });

  it('deletes only available volumes and leaves a detached volume when its instance is deleted', async () => {
    f = await makeFixture();
    const vm = await f.vm('v', { dataDisks: [{ sizeGiB: 2 }] });
    const volumes = (await f.cloud.volumes.list(f.admin, { instanceId: vm.id })).items;
    const data = volumes.find((v) => v.role === 'data');
    expect((await failure(f.cloud.volumes.delete(f.admin, data?.id ?? ''))).code).toBe('ILLEGAL_STATE');
    await (await f.cloud.instances.detachDisk(f.admin, vm.id, data?.id ?? '')).wait();
    await (await f.cloud.instances.delete(f.admin, vm.id)).wait();
    const left = (await f.cloud.volumes.list(f.admin)).items;
    expect(left.map((v) => [v.id, v.state])).toEqual([[data?.id, 'available']]);
    expect((await f.cloud.hosts.list(f.admin)).items.reduce((n, h) => n + h.allocated.storageGiB, 0)).toBe(2);
  });
});
