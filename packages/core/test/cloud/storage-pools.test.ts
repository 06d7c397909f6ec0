import { afterEach, describe, expect, it } from 'vitest';
import type { Offering } from '../../src/model/offering.js';
import { allocated, type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

/**
 * Two hosts on the shared pool `san-a`, and a third, the largest, on local storage only: fill would
 * open it first, so only the storage filter keeps pooled instances off it.
 */
const POOLED_HOSTS = [
  { name: 'san-1', storagePools: ['san-a'] },
  { name: 'san-2', storagePools: ['san-a', 'nfs-b'] },
  { name: 'local', memoryMiB: 524_288 },
];

async function pooledOffering(f: Fixture, storagePool = 'san-a'): Promise<Offering> {
  return f.cloud.offerings.create(f.admin, {
    name: `on-${storagePool}`,
    vcpus: 2,
    memoryMiB: 2048,
    rootDiskGiB: 40,
    storagePool,
  });
}

describe.each(STORES)('shared storage pools ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('places, migrates and grows instances only on hosts that reach their disks', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: POOLED_HOSTS } });
    const byName = new Map(f.hosts.map((h) => [h.name, h]));
    expect(byName.get('san-2')?.storagePools).toEqual(['san-a', 'nfs-b']);
    expect(byName.get('local')?.storagePools).toEqual([]);
    const offering = await pooledOffering(f);
    expect(offering.storagePool).toBe('san-a');

    const vm = await f.vm('db', { offeringId: offering.id, dataDisks: [{ sizeGiB: 100 }] });
    expect(vm.hostId).toBe(byName.get('san-1')?.id);
    const volumes = await f.cloud.volumes.list(f.admin, { instanceId: vm.id });
    expect(volumes.items.map((v) => v.storagePool)).toEqual(['san-a', 'san-a']);
    // Disks in the pool take nothing of the host's own storage.
    expect(await allocated(f)).toEqual({ vcpus: 2, memoryMiB: 2048, storageGiB: 0 });

    // The local host is the largest and empty, but cannot reach the disks.
    const moved = await (await f.cloud.instances.migrate(f.admin, vm.id)).wait({ timeoutMs: 10_000 });
    expect(moved.hostId).toBe(byName.get('san-2')?.id);
    const refused = await failure(
      f.cloud.instances.migrate(f.admin, vm.id, { hostId: byName.get('local')?.id ?? '' }),
    );
    expect(refused).toMatchObject({ code: 'INSUFFICIENT_CAPACITY', details: { rejectedBy: { storage: 1 } } });

    const disk = await (await f.cloud.instances.attachDisk(f.admin, vm.id, { sizeGiB: 50 })).wait({
      timeoutMs: 10_000,
    });
    expect(disk.storagePool).toBe('san-a');
    expect((await allocated(f)).storageGiB).toBe(0);

    await (await f.cloud.instances.delete(f.admin, vm.id)).wait({ timeoutMs: 10_000 });
    expect(await allocated(f)).toEqual({ vcpus: 0, memoryMiB: 0, storageGiB: 0 });
  });

  it('explains a pool no host reaches, and keeps local disks on local storage', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: POOLED_HOSTS } });
    const nowhere = await pooledOffering(f, 'ceph');
    const input = { name: 'x', tenantId: f.tenant.id, offeringId: nowhere.id, imageId: f.image.id };
    expect(await f.cloud.scheduler.explain(f.admin, input)).toEqual({
      hostId: null,
      rejectedBy: { storage: 3 },
      hosts: 3,
    });
    const refused = await failure(f.cloud.instances.create(f.admin, input));
    expect(refused).toMatchObject({ code: 'INSUFFICIENT_CAPACITY', details: { rejectedBy: { storage: 3 } } });

    const local = await f.vm('web');
    const volumes = await f.cloud.volumes.list(f.admin, { instanceId: local.id });
    expect(volumes.items.map((v) => v.storagePool)).toEqual([null]);
    expect((await allocated(f)).storageGiB).toBe(20);
  });

  it('clones into the same pool', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: POOLED_HOSTS } });
    const offering = await pooledOffering(f);
    const vm = await f.vm('db', { offeringId: offering.id, start: false });
    const clone = await (await f.cloud.instances.clone(f.admin, vm.id, { name: 'db-copy' })).wait({
      timeoutMs: 10_000,
    });
    const local = f.hosts.find((h) => h.name === 'local');
    expect(clone.hostId).not.toBe(local?.id);
    const volumes = await f.cloud.volumes.list(f.admin, { instanceId: clone.id });
    expect(volumes.items.map((v) => v.storagePool)).toEqual(['san-a']);
    expect((await allocated(f)).storageGiB).toBe(0);
  });
});
