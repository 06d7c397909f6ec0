import { existsSync, linkSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type Cloud,
  type CreateInstanceInput,
  createCloud,
  createMemoryStore,
  type DriverEvent,
  type Instance,
  systemContext,
} from '@ecloud/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type VmwareComputeDriver, vmwareDriver } from '../../src/driver/vmware-compute-driver.js';
import { type ManagedObjectReference, moref } from '../../src/soap/soap-value.js';
import { inventory } from '../../src/vim/inventory.js';
import { retrieveObjects } from '../../src/vim/property-collector.js';
import { asArray, isReference, type VimObject } from '../../src/vim/vim-value.js';
import { DATASTORE, Vcsim, vcenterOptions, writeAt } from './vcsim-fixtures.js';

// The core's whole compute lifecycle on the VMware driver, against govmomi's vCenter simulator
// (R-COMP-1, R-COMP-2, R-SEC-6). Every change is checked through vCenter's own properties, read with
// a session of the test's own, and — because the simulator's datastore is a real directory — disk
// contents are checked in the files: an image's bytes reach the instance's disk, a clone copies them,
// and a wipe leaves zeros (read through a hard link that outlives the deleted file).
const MARK = Buffer.from('ecloud image bytes: 0123456789abcdef');
const GIB_KIB = 1024 * 1024;
const wait = { timeoutMs: 60_000 };

describe('the compute lifecycle on the VMware driver (vCenter simulator)', () => {
  const admins = systemContext('vmware-e2e');
  let cloud: Cloud;
  let driver: VmwareComputeDriver;
  let sim: Vcsim;
  let portgroupKey = '';
  let tenantId = '';
  let imageId = '';
  let offering = '';
  let larger = '';
  let template: ManagedObjectReference | undefined;
  const links: string[] = [];
  /** What the driver reported on its own, from before the first instance was made. */
  const events: DriverEvent[] = [];
  let unsubscribe = () => {};

  const fileOf = (disk: VimObject) => String((disk.backing as VimObject).fileName);
  const create = async (name: string): Promise<Instance> => {
    const handle = await cloud.instances.create(admins, { name, tenantId, offeringId: offering, imageId });
    return handle.wait(wait);
  };

  beforeAll(async () => {
    sim = await Vcsim.open();
    const portgroups = await inventory(sim.session, [
      { type: 'DistributedVirtualPortgroup', pathSet: ['name', 'key'] },
    ]);
    portgroupKey = String(portgroups.find((p) => p.props.get('name') === 'DC0_DVPG0')?.props.get('key'));
    driver = vmwareDriver({
      name: 'vcenter',
      vcenter: vcenterOptions(),
      networks: { default: 'DC0_DVPG0' },
    });
    unsubscribe = driver.subscribe((event) => events.push(event));
    cloud = await createCloud({
      store: createMemoryStore(),
      drivers: [driver],
      nodeId: 'vmware-e2e',
      ha: { enabled: false },
    });
    const dc = await cloud.datacenters.create(admins, { name: 'dc-vmware' });
    // The simulator's hosts have 2 CPU threads and 4 GiB each: over-committed, they hold this test's VMs.
    const cluster = await cloud.clusters.create(admins, {
      name: 'vsphere',
      datacenterId: dc.id,
      hypervisor: 'vmware',
      overcommit: { cpu: 8, memory: 2 },
    });
    const hosts = await cloud.hosts.discover(admins, { clusterId: cluster.id, driver: 'vcenter' });
    expect(hosts.length).toBeGreaterThanOrEqual(3);
    tenantId = (await cloud.tenants.create(admins, { name: 'vmware-tenant' })).id;
    imageId = (
      await cloud.images.create(admins, { name: 'golden', os: 'linux', sizeGiB: 1, hypervisors: ['vmware'] })
    ).id;
    offering = (
      await cloud.offerings.create(admins, { name: 'small', vcpus: 1, memoryMiB: 64, rootDiskGiB: 2 })
    ).id;
    larger = (
      await cloud.offerings.create(admins, { name: 'larger', vcpus: 2, memoryMiB: 128, rootDiskGiB: 2 })
    ).id;
    template = await sim.makeTemplate(imageId, hosts[0]?.ref ?? '', MARK);
  }, 120_000);

  afterAll(async () => {
    unsubscribe();
    for (const vm of (await cloud?.instances.list(admins, { limit: 100 }))?.items ?? []) {
      if (vm.state !== 'deleted')
        await (await cloud.instances.delete(admins, vm.id)).wait(wait).catch(() => undefined);
    }
    await cloud?.close();
    if (template) await sim.task(template, 'Destroy_Task').catch(() => undefined);
    for (const link of links) rmSync(link, { force: true });
    await sim?.session.logout();
  }, 180_000);

  it('creates a running instance from its image: the template disk copied, grown to the offering', async () => {
    const vm = await create('web-1');
    expect(vm.state).toBe('running');
    const props = await sim.vm(vm.driverRef ?? '', [
      'name',
      'runtime.powerState',
      'config.hardware.numCPU',
      'config.hardware.memoryMB',
    ]);
    expect(props.props.get('name')).toBe(vm.id);
    expect(props.props.get('runtime.powerState')).toBe('poweredOn');
    expect(props.props.get('config.hardware.numCPU')).toBe(1);
    expect(props.props.get('config.hardware.memoryMB')).toBe(64);
    const [root] = (await cloud.volumes.list(admins, { instanceId: vm.id })).items;
    const [disk] = await sim.disks(vm.driverRef ?? '');
    expect(fileOf(disk as VimObject)).toBe(`[${DATASTORE}] ${vm.id}/${root?.id}.vmdk`);
    expect(Number(disk?.capacityInKB)).toBe(2 * GIB_KIB);
    expect(readFileSync(sim.flatFile(fileOf(disk as VimObject))).subarray(0, MARK.length)).toEqual(MARK);
    const nic = asArray(
      (await sim.vm(vm.driverRef ?? '', ['config.hardware.device'])).props.get('config.hardware.device'),
    ).find((d) => (d as VimObject).$type === 'VirtualVmxnet3') as VimObject | undefined;
    expect(nic?.macAddress).toBe(vm.nics[0]?.mac);
    expect(((nic?.backing as VimObject | undefined)?.port as VimObject | undefined)?.portgroupKey).toBe(
      portgroupKey,
    );
  });

  /** Creating `input` fails with `code`, and vCenter has no VM of the instance afterwards. */
  const expectRefused = async (input: Partial<CreateInstanceInput> & { name: string }, code: string) => {
    const handle = await cloud.instances.create(admins, {
      tenantId,
      offeringId: offering,
      imageId,
      ...input,
    });
    await expect(handle.wait(wait)).rejects.toMatchObject({ code });
    // The job names the instance it was making; the core rolled the instance back.
    const { resourceId } = await handle.get();
    const call = { signal: AbortSignal.timeout(10_000), progress: () => undefined };
    expect(resourceId).toMatch(/\S/);
    expect(await driver.findInstance(resourceId ?? '', call)).toBeUndefined();
    expect(existsSync(join(sim.datastoreDir, resourceId ?? ''))).toBe(false);
  };

  it('refuses a network vCenter does not have before making anything', async () => {
    await expectRefused({ name: 'web-n', nics: [{ network: 'nowhere' }] }, 'NOT_FOUND');
  });

  it('refuses an image vCenter has no template of, and leaves nothing behind', async () => {
    const orphan = await cloud.images.create(admins, {
      name: 'orphan',
      os: 'linux',
      sizeGiB: 1,
      hypervisors: ['vmware'],
    });
    await expectRefused({ name: 'web-x', imageId: orphan.id }, 'NOT_FOUND');
  });

  it('stops, resizes, starts, reboots, suspends and resumes it', async () => {
    const vm = await create('web-2');
    const ref = vm.driverRef ?? '';
    const power = async () => (await sim.vm(ref, ['runtime.powerState'])).props.get('runtime.powerState');
    await (await cloud.instances.stop(admins, vm.id)).wait(wait);
    expect(await power()).toBe('poweredOff');
    // vCenter pushed the change to the driver's subscribers.
    await vi.waitFor(
      () => expect(events).toContainEqual({ type: 'instance.power', instanceRef: ref, power: 'stopped' }),
      {
        timeout: 10_000,
      },
    );
    await (await cloud.instances.resize(admins, vm.id, { offeringId: larger })).wait(wait);
    const sized = await sim.vm(ref, ['config.hardware.numCPU', 'config.hardware.memoryMB']);
    expect([sized.props.get('config.hardware.numCPU'), sized.props.get('config.hardware.memoryMB')]).toEqual([
      2, 128,
    ]);
    await (await cloud.instances.start(admins, vm.id)).wait(wait);
    expect(await power()).toBe('poweredOn');
    await (await cloud.instances.reboot(admins, vm.id)).wait(wait);
    await (await cloud.instances.suspend(admins, vm.id)).wait(wait);
    expect(await power()).toBe('suspended');
    await (await cloud.instances.resume(admins, vm.id)).wait(wait);
    expect(await power()).toBe('poweredOn');
    expect((await cloud.instances.get(admins, vm.id)).state).toBe('running');
  });

  it('hot-plugs a data disk into the running instance, unplugs it, and wipes it when deleted', async () => {
    const vm = await create('web-3');
    const volume = await (await cloud.instances.attachDisk(admins, vm.id, { sizeGiB: 1 })).wait(wait);
    const attached = (await sim.disks(vm.driverRef ?? '')).map(fileOf);
    expect(attached).toContain(volume.driverRef);
    await (await cloud.instances.detachDisk(admins, vm.id, volume.id)).wait(wait);
    expect((await sim.disks(vm.driverRef ?? '')).map(fileOf)).not.toContain(volume.driverRef);
    const flat = sim.flatFile(volume.driverRef ?? '');
    writeAt(flat, MARK);
    const link = keepLink(flat);
    await (await cloud.volumes.delete(admins, volume.id)).wait(wait);
    expect(() => readFileSync(flat)).toThrow();
    const kept = readFileSync(link);
    expect(kept.length).toBeGreaterThanOrEqual(MARK.length);
    expect(kept.every((byte) => byte === 0)).toBe(true);
  });

  it('takes, reverts to and deletes snapshots', async () => {
    const vm = await create('web-4');
    const ref = vm.driverRef ?? '';
    const tree = async () => (await sim.vm(ref, ['snapshot'])).props.get('snapshot') as VimObject | undefined;
    const current = async () => ((await tree())?.currentSnapshot as { value?: string } | undefined)?.value;
    const before = await (await cloud.instances.snapshot(admins, vm.id, { name: 'before' })).wait(wait);
    expect(await current()).toBe(before.driverRef);
    await (await cloud.instances.stop(admins, vm.id, { force: true })).wait(wait);
    const after = await (await cloud.instances.snapshot(admins, vm.id, { name: 'after' })).wait(wait);
    expect(await current()).toBe(after.driverRef);
    await (await cloud.instances.revertSnapshot(admins, vm.id, before.id)).wait(wait);
    expect(await current()).toBe(before.driverRef);
    // The simulator crashes removing the current snapshot while it has children (it sets a nil
    // parent as current): the child goes first.
    await (await cloud.instances.deleteSnapshot(admins, vm.id, after.id)).wait(wait);
    expect(JSON.stringify((await tree())?.rootSnapshotList)).not.toContain(`"${after.driverRef}"`);
    await (await cloud.instances.deleteSnapshot(admins, vm.id, before.id)).wait(wait);
    expect(await tree()).toBeUndefined();
  });

  it('clones a running instance with its disk contents, leaving the source running', async () => {
    const vm = await create('web-5');
    const copy = await (await cloud.instances.clone(admins, vm.id, { name: 'web-5-copy' })).wait(wait);
    const [root] = (await cloud.volumes.list(admins, { instanceId: copy.id })).items;
    const [disk] = await sim.disks(copy.driverRef ?? '');
    expect(fileOf(disk as VimObject)).toBe(`[${DATASTORE}] ${copy.id}/${root?.id}.vmdk`);
    expect(readFileSync(sim.flatFile(fileOf(disk as VimObject))).subarray(0, MARK.length)).toEqual(MARK);
    expect((await sim.vm(vm.driverRef ?? '', ['runtime.powerState'])).props.get('runtime.powerState')).toBe(
      'poweredOn',
    );
    // The source's temporary snapshot is gone again.
    expect((await sim.vm(vm.driverRef ?? '', ['snapshot'])).props.get('snapshot')).toBeUndefined();
  });

  it('moves a running instance live and a stopped one cold to another host', async () => {
    const vm = await create('web-6');
    const hostOf = async () => {
      const host = (await sim.vm(vm.driverRef ?? '', ['runtime.host'])).props.get('runtime.host');
      return isReference(host) ? host.value : '';
    };
    const before = await hostOf();
    const moved = await (await cloud.instances.migrate(admins, vm.id, { live: true })).wait(wait);
    expect(await hostOf()).not.toBe(before);
    expect((await cloud.hosts.get(admins, moved.hostId ?? '')).ref).toBe(await hostOf());
    await (await cloud.instances.stop(admins, vm.id, { force: true })).wait(wait);
    const middle = await hostOf();
    await (await cloud.instances.migrate(admins, vm.id, { live: false })).wait(wait);
    expect(await hostOf()).not.toBe(middle);
    expect((await sim.vm(vm.driverRef ?? '', ['runtime.powerState'])).props.get('runtime.powerState')).toBe(
      'poweredOff',
    );
  });

  it('drains a host for maintenance, then puts it in vSphere maintenance mode and back', async () => {
    const vm = await create('web-7');
    const host = await cloud.hosts.get(admins, vm.hostId ?? '');
    const call = { signal: AbortSignal.timeout(30_000), progress: () => undefined };
    await expect(driver.setHostMaintenance(host.ref, true, call)).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
      details: { running: expect.arrayContaining([vm.driverRef]) },
    });
    await (await cloud.hosts.enterMaintenance(admins, host.id)).wait(wait);
    const moved = await sim.vm(vm.driverRef ?? '', ['runtime.host', 'runtime.powerState']);
    expect((moved.props.get('runtime.host') as { value: string }).value).not.toBe(host.ref);
    expect(moved.props.get('runtime.powerState')).toBe('poweredOn');
    const inMaintenance = async () =>
      (
        await retrieveObjects(sim.session, [moref('HostSystem', host.ref)], 'HostSystem', [
          'runtime.inMaintenanceMode',
        ])
      )[0]?.props.get('runtime.inMaintenanceMode');
    // The simulator's own VMs may still run there: vSphere maintenance mode takes an empty host only.
    const all = await inventory(sim.session, [
      { type: 'VirtualMachine', pathSet: ['runtime.host', 'runtime.powerState'] },
    ]);
    const others = all.filter(
      (o) =>
        (o.props.get('runtime.host') as { value?: string } | undefined)?.value === host.ref &&
        o.props.get('runtime.powerState') === 'poweredOn',
    );
    if (others.length > 0)
      await expect(driver.setHostMaintenance(host.ref, true, call)).rejects.toMatchObject({
        code: 'ILLEGAL_STATE',
      });
    const stopped: string[] = [];
    for (const other of others) {
      await sim.task(other.obj, 'PowerOffVM_Task');
      stopped.push(other.obj.value);
    }
    try {
      await driver.setHostMaintenance(host.ref, true, call);
      expect(await inMaintenance()).toBe(true);
      expect((await driver.getHost(host.ref, call)).state).toBe('down');
      await driver.setHostMaintenance(host.ref, false, call);
      expect(await inMaintenance()).toBe(false);
    } finally {
      await driver.setHostMaintenance(host.ref, false, call).catch(() => undefined);
      for (const ref of stopped) await sim.task(moref('VirtualMachine', ref), 'PowerOnVM_Task');
      await cloud.hosts.exitMaintenance(admins, host.id);
    }
  });

  it('deletes an instance with its disks zero-filled first (R-SEC-6)', async () => {
    const vm = await create('web-8');
    const [disk] = await sim.disks(vm.driverRef ?? '');
    const flat = sim.flatFile(fileOf(disk as VimObject));
    const link = keepLink(flat);
    await (await cloud.instances.delete(admins, vm.id)).wait(wait);
    expect(
      await driver.findInstance(vm.id, { signal: AbortSignal.timeout(10_000), progress: () => undefined }),
    ).toBeUndefined();
    expect(() => readFileSync(flat)).toThrow();
    const kept = readFileSync(link);
    expect(kept.length).toBeGreaterThanOrEqual(MARK.length);
    expect(kept.every((byte) => byte === 0)).toBe(true);
  });

  it('lists the hosts with what vCenter reports of them, and their usage', async () => {
    const hosts = (await cloud.hosts.list(admins)).items;
    const summaries = await retrieveObjects(
      sim.session,
      hosts.map((h) => moref('HostSystem', h.ref)),
      'HostSystem',
      ['summary.hardware.memorySize', 'summary.quickStats.overallMemoryUsage'],
    );
    for (const host of hosts) {
      const summary = summaries.find((s) => s.obj.value === host.ref);
      expect(host.memoryMiB).toBe(
        Math.floor(Number(summary?.props.get('summary.hardware.memorySize')) / 1024 ** 2),
      );
      const usage = await cloud.hosts.usage(admins, host.id);
      expect(usage.memoryUsedMiB).toBe(Number(summary?.props.get('summary.quickStats.overallMemoryUsage')));
      expect(usage.state).toBe('up');
    }
  });

  /**
   * A hard link to a disk's data file with MARK written in: it keeps the bytes after the disk is
   * deleted. Outside the datastore (a VM's folder goes with the VM), on the same file system.
   */
  function keepLink(flat: string): string {
    writeAt(flat, MARK);
    const link = join(sim.datastoreDir, '..', `${basename(flat)}.kept-by-test`);
    rmSync(link, { force: true });
    linkSync(flat, link);
    links.push(link);
    return link;
  }
});
