import { afterEach, describe, expect, it } from 'vitest';
import { type Fixture, failure, makeFixture } from '../helpers/fixture.js';

describe('operations refused before any driver call', () => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('refuses illegal transitions through the API with ILLEGAL_STATE and no job', async () => {
    f = await makeFixture();
    const vm = await f.vm();
    const jobsBefore = (await f.cloud.jobs.list(f.admin)).items.length;
    expect((await failure(f.cloud.instances.start(f.admin, vm.id))).code).toBe('ILLEGAL_STATE');
    expect((await failure(f.cloud.instances.resume(f.admin, vm.id))).code).toBe('ILLEGAL_STATE');
    expect((await failure(f.cloud.instances.revertSnapshot(f.admin, vm.id, 'snap-x'))).code).toBe(
      'ILLEGAL_STATE',
    );
    await (await f.cloud.instances.stop(f.admin, vm.id)).wait();
    for (const op of [
      () => f.cloud.instances.stop(f.admin, vm.id),
      () => f.cloud.instances.reboot(f.admin, vm.id),
      () => f.cloud.instances.suspend(f.admin, vm.id),
      () => f.cloud.instances.migrate(f.admin, vm.id, { live: true }),
    ]) {
      expect((await failure(op())).code).toBe('ILLEGAL_STATE');
    }
    expect((await f.cloud.jobs.list(f.admin)).items.length).toBe(jobsBefore + 1);
    expect(f.sim.callCount('start')).toBe(0);
  });

  it('makes a deleted instance NOT_FOUND for every operation', async () => {
    f = await makeFixture();
    const vm = await f.vm();
    await (await f.cloud.instances.delete(f.admin, vm.id)).wait();
    expect((await failure(f.cloud.instances.start(f.admin, vm.id))).code).toBe('NOT_FOUND');
    expect((await failure(f.cloud.instances.delete(f.admin, vm.id))).code).toBe('NOT_FOUND');
  });

  it('refuses a second operation while a job holds the instance with CONFLICT', async () => {
    f = await makeFixture({ sim: { latencyMs: 100 } });
    const vm = await f.vm();
    const reboot = await f.cloud.instances.reboot(f.admin, vm.id);
    const busy = await failure(f.cloud.instances.stop(f.admin, vm.id));
    expect(busy).toMatchObject({ code: 'CONFLICT', details: { jobId: reboot.id, task: 'reboot' } });
    await reboot.wait();
    expect((await (await f.cloud.instances.stop(f.admin, vm.id)).wait()).state).toBe('stopped');
  });

  it('refuses what the driver does not declare with UNSUPPORTED, without calling it', async () => {
    f = await makeFixture({
      sim: {
        capabilities: {
          liveMigration: false,
          hotResize: false,
          suspend: false,
          clone: false,
          snapshot: false,
          hotplugDisk: false,
        },
      },
    });
    const vm = await f.vm();
    const refused = [
      await failure(f.cloud.instances.migrate(f.admin, vm.id)),
      await failure(f.cloud.instances.resize(f.admin, vm.id, { vcpus: 4 })),
      await failure(f.cloud.instances.suspend(f.admin, vm.id)),
      await failure(f.cloud.instances.clone(f.admin, vm.id, { name: 'c' })),
      await failure(f.cloud.instances.snapshot(f.admin, vm.id, { name: 's' })),
      await failure(f.cloud.instances.attachDisk(f.admin, vm.id, { sizeGiB: 1 })),
    ];
    expect(refused.map((e) => [e.code, e.details.capability])).toEqual([
      ['UNSUPPORTED', 'liveMigration'],
      ['UNSUPPORTED', 'hotResize'],
      ['UNSUPPORTED', 'suspend'],
      ['UNSUPPORTED', 'clone'],
      ['UNSUPPORTED', 'snapshot'],
      ['UNSUPPORTED', 'hotplugDisk'],
    ]);
    for (const method of ['migrate', 'resize', 'suspend', 'clone', 'createSnapshot', 'createDisk'] as const) {
      expect(f.sim.callCount(method)).toBe(0);
    }
    expect((await f.cloud.instances.get(f.admin, vm.id)).jobId).toBeNull();
    await (await f.cloud.instances.stop(f.admin, vm.id)).wait();
    expect((await (await f.cloud.instances.resize(f.admin, vm.id, { vcpus: 4 })).wait()).vcpus).toBe(4);
    expect((await (await f.cloud.instances.migrate(f.admin, vm.id)).wait()).hostId).not.toBe(vm.hostId);
  });

  it('explains a refused placement by filter', async () => {
    f = await makeFixture();
    const other = await f.cloud.tenants.create(f.admin, { name: 'other' });
    for (const host of f.hosts) await f.cloud.hosts.update(f.admin, host.id, { dedicatedTenantId: other.id });
    const error = await failure(f.vm('nowhere'));
    expect(error).toMatchObject({
      code: 'INSUFFICIENT_CAPACITY',
      details: { rejectedBy: { dedication: 2 } },
    });
    const tagged = await f.cloud.offerings.create(f.admin, {
      name: 'gpu',
      vcpus: 1,
      memoryMiB: 512,
      rootDiskGiB: 10,
      tags: ['gpu'],
    });
    await f.cloud.hosts.update(f.admin, f.hosts[0]?.id ?? '', { dedicatedTenantId: null, tags: ['gpu'] });
    const placed = await f.vm('gpu-vm', { offeringId: tagged.id });
    expect(placed.hostId).toBe(f.hosts[0]?.id);
    const otherImage = await f.cloud.images.create(f.admin, {
      name: 'esx-only',
      os: 'linux',
      sizeGiB: 1,
      hypervisors: ['vmware'],
    });
    const wrongKind = await failure(f.vm('vmware-vm', { imageId: otherImage.id }));
    expect(wrongKind.details.rejectedBy).toEqual({ hypervisor: 2 });
  });

  it('refuses an unknown or unseen datacenter or cluster as NOT_FOUND, not as a retryable lack of capacity', async () => {
    f = await makeFixture();
    for (const pin of [{ datacenterId: 'dc-nowhere' }, { clusterId: 'cl-nowhere' }]) {
      const error = await failure(f.vm('pinned', pin));
      expect(error).toMatchObject({ code: 'NOT_FOUND', retryable: false });
    }
    // Clusters are the platform's: a tenant admin may not pin one (403, as reading it would be).
    const admin = await f.caller('role-tenant-admin');
    const create = f.cloud.instances.create(admin, {
      name: 'pinned',
      tenantId: f.tenant.id,
      offeringId: f.small.id,
      imageId: f.image.id,
      clusterId: f.hosts[0]?.clusterId ?? '',
    });
    expect((await failure(create)).code).toBe('PERMISSION_DENIED');
    expect((await f.cloud.instances.list(f.admin, {})).items).toEqual([]);
    const placed = await f.vm('in-dc', {
      datacenterId: f.hosts[0]?.datacenterId,
      clusterId: f.hosts[0]?.clusterId,
    });
    expect(placed.clusterId).toBe(f.hosts[0]?.clusterId);
  });
});
