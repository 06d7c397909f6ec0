import { afterEach, describe, expect, it } from 'vitest';
import { createCloud } from '../../src/cloud.js';
import { systemContext } from '../../src/context/call-context.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { simulator } from '../../src/testing/simulator/simulator-driver.js';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

/** Hosts of 8 hardware threads and 16 GiB: a `small` instance (2 vCPUs, 2 GiB) fits four times by CPU. */
const SMALL_HOSTS = {
  count: 2,
  template: {
    cpu: { sockets: 1, coresPerSocket: 4, threadsPerCore: 2, mhz: 2000 },
    memoryMiB: 16_384,
    storageGiB: 1000,
  },
};

async function hostsOf(f: Fixture, ids: readonly string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await f.cloud.instances.get(f.admin, id)).hostId ?? ''));
}

describe.each(STORES)('scheduling policies and limits ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('fill packs instances onto one host; spread puts each on the least used host', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: SMALL_HOSTS } });
    const packed = [await f.vm('a'), await f.vm('b')];
    expect(
      new Set(
        await hostsOf(
          f,
          packed.map((v) => v.id),
        ),
      ).size,
    ).toBe(1);
    expect(await f.cloud.scheduler.setPolicy(f.admin, { placement: 'spread' })).toMatchObject({
      placement: 'spread',
    });
    const spread = [await f.vm('c'), await f.vm('d')];
    const [c, d] = await hostsOf(
      f,
      spread.map((v) => v.id),
    );
    // The packed host is half used: both spread instances go to the empty one first, then alternate.
    expect(c).not.toBe(packed[0]?.hostId);
    expect(new Set([c, d]).size).toBe(1);
    expect(await f.cloud.scheduler.policy(f.admin)).toMatchObject({ placement: 'spread', rankBy: 'memory' });
  });

  it('lets only platform callers set the policy, and validates it', async () => {
    f = await makeFixture({ store: make() });
    const tenant = await f.caller('role-tenant-admin');
    await expect(f.cloud.scheduler.setPolicy(tenant, { placement: 'spread' })).rejects.toThrow(
      expect.objectContaining({ code: 'PERMISSION_DENIED' }),
    );
    await expect(f.cloud.scheduler.setPolicy(f.admin, { placement: 'pack' as never })).rejects.toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    await expect(f.cloud.scheduler.setPolicy(f.admin, { weights: { cpu: 0, memory: 0 } })).rejects.toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    await expect(
      f.cloud.scheduler.setPolicy(f.admin, { placement: 'spread', rankBy: 'shape' }),
    ).rejects.toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', details: expect.anything() }));
    expect(await f.cloud.scheduler.policy(f.admin)).toMatchObject({ placement: 'fill' });
  });

  it('packs by shape: instances share a host while both resources last', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: SMALL_HOSTS } });
    await f.cloud.scheduler.setPolicy(f.admin, { placement: 'fill', rankBy: 'shape' });
    // Four `small` instances (2 vCPUs each) use all 8 threads of one host; the fifth opens the other.
    const vms = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) vms.push(await f.vm(name));
    const hosts = await hostsOf(
      f,
      vms.map((v) => v.id),
    );
    expect(new Set(hosts.slice(0, 4)).size).toBe(1);
    expect(hosts[4]).not.toBe(hosts[0]);
  });

  it('offers hosts times their cluster over-commit, and re-sizes hosts when the ratios change', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: SMALL_HOSTS } });
    const [first] = f.hosts;
    expect(first?.capacity).toMatchObject({ vcpus: 8, memoryMiB: 16_384 });
    await f.vm('a');
    const updated = await f.cloud.scheduler.setClusterLimits(f.admin, first?.clusterId ?? '', {
      overcommit: { cpu: 4, memory: 1.5 },
      disableThreshold: 0.99,
    });
    expect(updated).toMatchObject({ overcommit: { cpu: 4, memory: 1.5 }, disableThreshold: 0.99 });
    const hosts = (await f.cloud.hosts.list(f.admin)).items;
    expect(hosts.map((h) => h.capacity)).toEqual([
      { vcpus: 32, memoryMiB: 24_576, storageGiB: 1000 },
      { vcpus: 32, memoryMiB: 24_576, storageGiB: 1000 },
    ]);
    expect(hosts.reduce((sum, h) => sum + h.allocated.vcpus, 0)).toBe(2);
    // 4 vCPUs and little memory each: 3 fitted in 14 free vCPUs before, 15 fit in 62 now.
    const busy = await f.cloud.offerings.create(f.admin, {
      name: 'busy',
      vcpus: 4,
      memoryMiB: 512,
      rootDiskGiB: 10,
    });
    for (let i = 0; i < 15; i++) await f.vm(`busy-${i}`, { offeringId: busy.id });
    const full = await failure(f.vm('one-too-many', { offeringId: busy.id }));
    expect(full.details.rejectedBy).toEqual({ capacity: 2 });
    const tenant = await f.caller('role-tenant-admin', undefined, f.tenant.id);
    const denied = await failure(f.cloud.scheduler.setClusterLimits(tenant, first?.clusterId ?? '', {}));
    expect(denied.code).toBe('PERMISSION_DENIED');
    const unknown = await failure(f.cloud.scheduler.setClusterLimits(f.admin, 'cl-nope', {}));
    expect(unknown.code).toBe('NOT_FOUND');
    const bad = await failure(
      f.cloud.scheduler.setClusterLimits(f.admin, first?.clusterId ?? '', {
        overcommit: { cpu: 0.5, memory: 1 },
      }),
    );
    expect(bad.code).toBe('INVALID_ARGUMENT');
  });

  it('skips a cluster above its disable threshold, and says so', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: SMALL_HOSTS } });
    await f.cloud.scheduler.setClusterLimits(f.admin, f.hosts[0]?.clusterId ?? '', {
      disableThreshold: 0.25,
    });
    await f.vm('a');
    await f.vm('b');
    const refused = await failure(f.vm('c'));
    expect(refused.code).toBe('INSUFFICIENT_CAPACITY');
    expect(refused.details.rejectedBy).toEqual({ clusterThreshold: 2 });
  });

  it('keeps a tenant to datacenters cleared for its classification level', async () => {
    f = await makeFixture({ store: make() });
    const secretive = await f.cloud.tenants.create(f.admin, {
      name: 'secretive',
      classification: 'confidential',
    });
    const refused = await failure(
      f.cloud.instances.create(f.admin, {
        name: 'x',
        tenantId: secretive.id,
        offeringId: f.small.id,
        imageId: f.image.id,
      }),
    );
    expect(refused.code).toBe('INSUFFICIENT_CAPACITY');
    expect(refused.details.rejectedBy).toEqual({ classification: 2 });
  });

  it('places in the zone asked for, and refuses a zone without hosts', async () => {
    f = await makeFixture({ store: make() });
    const inZone = await f.vm('z', { zone: 'default' });
    expect(inZone.clusterId).toBe(f.hosts[0]?.clusterId);
    const refused = await failure(f.vm('y', { zone: 'az-9' }));
    expect(refused.details.rejectedBy).toEqual({ zone: 2 });
  });

  it('explains where a create would go, and why hosts were passed over, without reserving', async () => {
    f = await makeFixture({ store: make() });
    const input = { name: 'x', tenantId: f.tenant.id, offeringId: f.small.id, imageId: f.image.id };
    const before = (await f.cloud.hosts.list(f.admin)).items.map((h) => h.allocated);
    const explained = await f.cloud.scheduler.explain(f.admin, input);
    expect(explained).toMatchObject({ hosts: 2, rejectedBy: {} });
    expect((await f.cloud.hosts.list(f.admin)).items.map((h) => h.allocated)).toEqual(before);
    expect((await f.vm('x')).hostId).toBe(explained.hostId);

    const tagged = await f.cloud.offerings.create(f.admin, {
      name: 'gpu',
      vcpus: 1,
      memoryMiB: 1024,
      rootDiskGiB: 10,
      tags: ['gpu'],
    });
    expect(await f.cloud.scheduler.explain(f.admin, { ...input, offeringId: tagged.id })).toEqual({
      hostId: null,
      rejectedBy: { tags: 2 },
      hosts: 2,
    });
    const tenant = await f.caller('role-tenant-admin', undefined, f.tenant.id);
    expect((await failure(f.cloud.scheduler.explain(tenant, input))).code).toBe('PERMISSION_DENIED');
    expect((await failure(f.cloud.scheduler.explain(f.admin, { ...input, offeringId: '' }))).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect((await failure(f.cloud.scheduler.explain(f.admin, { ...input, imageId: 'img-nope' }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('never migrates or clones an instance to a host its offering tags rule out', async () => {
    f = await makeFixture({ store: make() });
    const [tagged, plain] = f.hosts;
    await f.cloud.hosts.update(f.admin, tagged?.id ?? '', { tags: ['ssd'] });
    const ssd = await f.cloud.offerings.create(f.admin, {
      name: 'ssd',
      vcpus: 1,
      memoryMiB: 1024,
      rootDiskGiB: 10,
      tags: ['ssd'],
    });
    const vm = await f.vm('fast', { offeringId: ssd.id });
    expect(vm.hostId).toBe(tagged?.id);
    const scheduled = await failure(f.cloud.instances.migrate(f.admin, vm.id, {}));
    expect(scheduled.details.rejectedBy).toMatchObject({ excluded: 1, tags: 1 });
    const chosen = await failure(f.cloud.instances.migrate(f.admin, vm.id, { hostId: plain?.id ?? '' }));
    expect(chosen.details.rejectedBy).toEqual({ tags: 1 });
    const clone = await f.cloud.instances.clone(f.admin, vm.id, { name: 'fast-copy' });
    expect((await clone.wait()).hostId).toBe(tagged?.id);
  });
});

describe('cluster limits after a crash', () => {
  it('finishes re-sizing hosts at start when a process died half-way through', async () => {
    const store = createMemoryStore();
    const sim = simulator({ name: 'sim', hosts: { count: 2 } });
    const admin = systemContext('admin');
    let cloud = await createCloud({ store, drivers: [sim], nodeId: 'n1' });
    const dc = await cloud.datacenters.create(admin, { name: 'dc' });
    const cluster = await cloud.clusters.create(admin, {
      name: 'c',
      datacenterId: dc.id,
      hypervisor: 'simulator',
    });
    const [host] = await cloud.hosts.discover(admin, { clusterId: cluster.id, driver: 'sim' });
    // The first process dies: it is not closed, and its store lives on.
    // What a process that died right after committing the cluster's new ratios leaves behind.
    const stored = await store.get('clusters', cluster.id);
    await store.update('clusters', { ...(stored ?? cluster), overcommit: { cpu: 2, memory: 1 } });
    cloud = await createCloud({
      store,
      drivers: [simulator({ name: 'sim', hosts: { count: 2 } })],
      nodeId: 'n1',
    });
    try {
      const hosts = (await cloud.hosts.list(admin)).items;
      expect(hosts.map((h) => h.capacity.vcpus)).toEqual([
        2 * (host?.capacity.vcpus ?? 0),
        2 * (host?.capacity.vcpus ?? 0),
      ]);
    } finally {
      await cloud.close();
    }
  });
});
