import { type Cloud, createCloud, createMemoryStore, type Instance, systemContext } from '@ecloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kvmDriver } from '../../src/driver/kvm-compute-driver.js';
import { LibvirtClient } from '../../src/libvirt/libvirt-client.js';
import { kvmEnv } from './kvm-env.js';
import { domainNames, dominfo, virsh } from './virsh.js';

// The core's whole compute lifecycle on the KVM driver, through a real libvirtd serving libvirt's test
// hypervisor (R-COMP-1, R-COMP-2). Every state change is checked with virsh, a client we did not write.
// The test hypervisor cannot hot-plug disks or wipe volumes; those run against real QEMU in
// qemu-smoke.test.ts.
const env = kvmEnv();
const uri = env.testUri;
const transport = { kind: 'unix' as const, path: env.socket };
const POOL = 'default-pool';

describe('the compute lifecycle on the KVM driver (libvirt test hypervisor)', () => {
  let cloud: Cloud;
  let admin: LibvirtClient;
  const admins = systemContext('kvm-e2e');
  let tenantId = '';
  let offering = '';
  let large = '';
  let imageId = '';
  const made: string[] = [];

  beforeAll(async () => {
    admin = await LibvirtClient.connect({ transport, uri: 'test:///default' });
    const driver = kvmDriver({
      name: 'kvm',
      domainType: 'test',
      hosts: [{ ref: 'test-host', transport, uri: 'test:///default', storagePool: POOL }],
    });
    cloud = await createCloud({
      store: createMemoryStore(),
      drivers: [driver],
      nodeId: 'kvm-e2e',
      ha: { enabled: false },
    });
    const dc = await cloud.datacenters.create(admins, { name: 'dc-kvm' });
    const cluster = await cloud.clusters.create(admins, {
      name: 'kvm',
      datacenterId: dc.id,
      hypervisor: 'kvm',
    });
    const hosts = await cloud.hosts.discover(admins, { clusterId: cluster.id, driver: 'kvm' });
    expect(hosts.map((h) => h.ref)).toEqual(['test-host']);
    tenantId = (await cloud.tenants.create(admins, { name: 'kvm-tenant' })).id;
    const image = await cloud.images.create(admins, {
      name: 'tiny',
      os: 'linux',
      sizeGiB: 1,
      hypervisors: ['kvm'],
    });
    imageId = image.id;
    // The image as the host holds it: a volume of the pool named by the image id.
    const pool = await admin.lookupPool(POOL);
    await admin.createVolume(
      pool,
      `<volume><name>${imageId}</name><capacity unit='bytes'>1073741824</capacity></volume>`,
    );
    offering = (
      await cloud.offerings.create(admins, { name: 'tiny', vcpus: 1, memoryMiB: 256, rootDiskGiB: 1 })
    ).id;
    large = (
      await cloud.offerings.create(admins, { name: 'bigger', vcpus: 2, memoryMiB: 512, rootDiskGiB: 1 })
    ).id;
  });

  afterAll(async () => {
    // The test hypervisor lives as long as the daemon: leave nothing of ours behind.
    const volumes = [imageId];
    for (const id of made) {
      for (const volume of (await cloud.volumes.list(admins, { instanceId: id })).items)
        volumes.push(`${volume.id}.qcow2`);
    }
    await cloud?.close();
    for (const name of made) {
      const dom = await admin.lookupDomainByName(name).catch(() => undefined);
      if (!dom) continue;
      await admin.destroy(dom).catch(() => undefined);
      await admin.undefine(dom, 3).catch(() => undefined);
    }
    const pool = await admin.lookupPool(POOL);
    for (const name of volumes) {
      const volume = await admin.lookupVolume(pool, name).catch(() => undefined);
      if (volume) await admin.deleteVolume(volume).catch(() => undefined);
    }
    await admin?.close();
  });

  const create = async (name: string): Promise<Instance> => {
    const handle = await cloud.instances.create(admins, { name, tenantId, offeringId: offering, imageId });
    const vm = await handle.wait({ timeoutMs: 30_000 });
    made.push(vm.id);
    return vm;
  };

  it('creates a running instance from its image, as virsh sees it', async () => {
    const vm = await create('web-1');
    expect(vm.state).toBe('running');
    const info = await dominfo(uri, vm.id);
    expect(info.get('State')).toBe('running');
    expect(info.get('CPU(s)')).toBe('1');
    expect(info.get('Max memory')).toBe(`${256 * 1024} KiB`);
    const xml = await virsh(uri, 'dumpxml', vm.id);
    expect(xml).toContain(`id="${vm.id}"`);
    const [root] = (await cloud.volumes.list(admins, { instanceId: vm.id })).items;
    expect(xml).toContain(`<serial>${root?.id}</serial>`);
    expect(await virsh(uri, 'vol-list', POOL)).toContain(`${root?.id}.qcow2`);
  });

  it('stops, resizes, starts, reboots, suspends and resumes it', async () => {
    const vm = await create('web-2');
    await (await cloud.instances.stop(admins, vm.id)).wait({ timeoutMs: 30_000 });
    expect((await dominfo(uri, vm.id)).get('State')).toBe('shut off');
    await (await cloud.instances.resize(admins, vm.id, { offeringId: large })).wait({ timeoutMs: 30_000 });
    const resized = await dominfo(uri, vm.id);
    expect(resized.get('CPU(s)')).toBe('2');
    expect(resized.get('Max memory')).toBe(`${512 * 1024} KiB`);
    await (await cloud.instances.start(admins, vm.id)).wait({ timeoutMs: 30_000 });
    expect((await dominfo(uri, vm.id)).get('State')).toBe('running');
    await (await cloud.instances.reboot(admins, vm.id)).wait({ timeoutMs: 30_000 });
    await (await cloud.instances.suspend(admins, vm.id)).wait({ timeoutMs: 30_000 });
    expect((await dominfo(uri, vm.id)).get('State')).toBe('paused');
    await (await cloud.instances.resume(admins, vm.id)).wait({ timeoutMs: 30_000 });
    expect((await dominfo(uri, vm.id)).get('State')).toBe('running');
    expect((await cloud.instances.get(admins, vm.id)).state).toBe('running');
  });

  it('takes, reverts to and deletes a snapshot', async () => {
    const vm = await create('web-3');
    const snapshot = await (await cloud.instances.snapshot(admins, vm.id, { name: 'before' })).wait({
      timeoutMs: 30_000,
    });
    expect(await virsh(uri, 'snapshot-list', vm.id, '--name')).toContain(snapshot.id);
    await (await cloud.instances.stop(admins, vm.id, { force: true })).wait({ timeoutMs: 30_000 });
    await (await cloud.instances.revertSnapshot(admins, vm.id, snapshot.id)).wait({ timeoutMs: 30_000 });
    await (await cloud.instances.deleteSnapshot(admins, vm.id, snapshot.id)).wait({ timeoutMs: 30_000 });
    expect(await virsh(uri, 'snapshot-list', vm.id, '--name')).not.toContain(snapshot.id);
  });

  it('clones an instance with its disks onto the same host', async () => {
    const vm = await create('web-4');
    await (await cloud.instances.stop(admins, vm.id, { force: true })).wait({ timeoutMs: 30_000 });
    const copy = await (await cloud.instances.clone(admins, vm.id, { name: 'web-4-copy' })).wait({
      timeoutMs: 30_000,
    });
    made.push(copy.id);
    expect(await domainNames(uri)).toEqual(expect.arrayContaining([vm.id, copy.id]));
    const [root] = (await cloud.volumes.list(admins, { instanceId: copy.id })).items;
    expect(await virsh(uri, 'vol-list', POOL)).toContain(`${root?.id}.qcow2`);
  });

  it('refuses to delete where the disks cannot be wiped, and keeps the instance whole (R-SEC-6)', async () => {
    const vm = await create('web-5');
    const deleting = await cloud.instances.delete(admins, vm.id);
    await expect(deleting.wait({ timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    expect(await domainNames(uri)).toContain(vm.id);
    const kept = await cloud.instances.get(admins, vm.id);
    expect(kept.state).not.toBe('deleted');
    expect(kept.jobId).toBeNull();
  });

  it('lists the host with what libvirt reports of it, and its usage', async () => {
    const [host] = (await cloud.hosts.list(admins)).items;
    const node = await virsh(uri, 'nodeinfo');
    const memoryKiB = Number(/Memory size:\s+(\d+) KiB/.exec(node)?.[1]);
    expect(host?.memoryMiB).toBe(Math.floor(memoryKiB / 1024));
    expect(host?.cpu.mhz).toBe(Number(/CPU frequency:\s+(\d+) MHz/.exec(node)?.[1]));
    const usage = await cloud.hosts.usage(admins, host?.id ?? '');
    expect(usage.instances).toBeGreaterThanOrEqual(3);
    expect(usage.state).toBe('up');
  });
});
