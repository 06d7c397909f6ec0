import {
  type ComputeCapabilities,
  type ComputeDriver,
  type CreatedInstance,
  type DiskSpec,
  type DriverCallOptions,
  type DriverEvent,
  type DriverHost,
  type DriverInstance,
  EcloudError,
  type HostUsage,
  type InstanceSpec,
  parseInput,
  refuseAborted,
} from '@ecloud/core';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { moref } from '../soap/soap-value.js';
import type { ObjectContent } from '../vim/property-collector.js';
import { isReference } from '../vim/vim-value.js';
import { watchObject } from '../vim/watch-object.js';
import { attachDisk, detachDisk } from './disk-attachment.js';
import { devicesOf, diskFile, volumeIdOf } from './disk-devices.js';
import { unsupported } from './driver-errors.js';
import { describeHost, hostUsage } from './host-description.js';
import { setHostMaintenance } from './host-maintenance.js';
import { readStats, type VsphereStats } from './performance-stats.js';
import { createDisk, deleteDisk, findDisk } from './standalone-disks.js';
import { cloneVm } from './vm-clone.js';
import { instanceUuid } from './vm-config-spec.js';
import { migrateVm } from './vm-migration.js';
import { type DiskSource, imageSource, provisionVm } from './vm-provisioning.js';
import { removeVm } from './vm-removal.js';
import { createSnapshot, deleteSnapshot, revertSnapshot } from './vm-snapshots.js';
import { VmwareDriverOptions } from './vmware-driver-options.js';
import { powerOf, VsphereEndpoint, vmRef } from './vsphere-endpoint.js';
import { VsphereEventWatcher } from './vsphere-event-watcher.js';

const VM_PROPERTIES = [
  'runtime.powerState',
  'runtime.host',
  'config.hardware.numCPU',
  'config.hardware.memoryMB',
  'config.hardware.device',
];

/**
 * VMware vSphere through one vCenter (R-COMP-1, R-COMP-2): the hosts of one datacenter. Instances
 * are VMs named by our instance id, with an instance UUID derived from it (found again in one
 * `FindByUuid` call); their reference is the VM's managed object id. Disks are thin VMDKs named by our
 * volume id, referenced by datastore path. Images are VM templates named by the image id; a disk made
 * from one is a copy of the template's disk.
 *
 * Declared: live and cold migration (vMotion between hosts that share the VM's datastores), clone,
 * snapshots, disk hot-plug, suspend and secure erase (`ZeroFillVirtualDisk_Task`). Not declared:
 * resizing a running VM (vSphere can only grow one whose guest allows hot-add, which the driver cannot
 * know) and fencing (vCenter's own HA does that, outside this API).
 * @public
 */
export class VmwareComputeDriver implements ComputeDriver {
  readonly name: string;
  readonly hypervisor = 'vmware' as const;
  readonly spiVersion = '1.1';
  readonly capabilities: Readonly<ComputeCapabilities> = Object.freeze({
    liveMigration: true,
    coldMigration: true,
    clone: true,
    snapshot: true,
    hotResize: false,
    hotplugDisk: true,
    suspend: true,
    secureErase: true,
    fencing: false,
  });
  readonly #endpoint: VsphereEndpoint;
  readonly #listeners = new Set<(event: DriverEvent) => void>();
  /** vCenter's change stream of the datacenter's VMs and hosts, running while anyone listens. */
  readonly #events: VsphereEventWatcher;

  /** @param dispatcher - undici dispatcher instead of the driver's own pool (tests, proxies). */
  constructor(options: z.output<typeof VmwareDriverOptions>, dispatcher?: Dispatcher) {
    this.#endpoint = new VsphereEndpoint(options, dispatcher);
    this.name = options.name;
    const signal = new AbortController().signal;
    this.#events = new VsphereEventWatcher(
      () => this.#endpoint.session(),
      async () => (await this.#endpoint.placement({ signal, progress: () => undefined })).datacenter,
      (event) => {
        for (const listener of this.#listeners) listener(event);
      },
    );
  }

  async connect(options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#endpoint.placement(options);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    await this.#events.stop();
    await this.#endpoint.close();
  }

  async listHosts(options: DriverCallOptions): Promise<readonly DriverHost[]> {
    refuseAborted(options);
    const { hosts, datastores } = await this.#endpoint.hostsAndDatastores(options);
    return hosts.map((host) => describeHost(host, datastores));
  }

  async getHost(hostRef: string, options: DriverCallOptions): Promise<DriverHost> {
    refuseAborted(options);
    const { host, datastores } = await this.#endpoint.host(hostRef, options);
    return describeHost(host, datastores);
  }

  async hostUsage(hostRef: string, options: DriverCallOptions): Promise<HostUsage> {
    refuseAborted(options);
    const { host, datastores } = await this.#endpoint.host(hostRef, options);
    return hostUsage(host, datastores);
  }

  /**
   * Puts a host into vSphere maintenance mode, or takes it out. Refused while a VM still runs there:
   * the core's host maintenance (R-COMP-5) moves the instances off first.
   */
  async setHostMaintenance(
    hostRef: string,
    inMaintenance: boolean,
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    await setHostMaintenance(this.#endpoint, hostRef, inMaintenance, options);
  }

  /**
   * The latest real-time performance sample of each instance's VM (R-MON-1), from vCenter's
   * PerformanceManager in batched `QueryPerf` calls; keyed by instance reference. An instance vCenter
   * has no sample of (a powered-off VM) has no entry.
   */
  async instanceStats(
    instanceRefs: readonly string[],
    options: DriverCallOptions,
  ): Promise<Map<string, VsphereStats>> {
    refuseAborted(options);
    return readStats(await this.#endpoint.session(), instanceRefs.map(vmRef), { signal: options.signal });
  }

  /** The latest real-time performance sample of each host (R-MON-1), keyed by host reference. */
  async hostStats(
    hostRefs: readonly string[],
    options: DriverCallOptions,
  ): Promise<Map<string, VsphereStats>> {
    refuseAborted(options);
    return readStats(
      await this.#endpoint.session(),
      hostRefs.map((ref) => moref('HostSystem', ref)),
      { signal: options.signal },
    );
  }

  async createInstance(spec: InstanceSpec, options: DriverCallOptions): Promise<CreatedInstance> {
    refuseAborted(options);
    const sources = new Map<string, DiskSource>();
    for (const disk of spec.disks)
      if (disk.imageId !== undefined)
        sources.set(disk.id, await imageSource(this.#endpoint, disk.imageId, options));
    return provisionVm(this.#endpoint, spec, sources, options);
  }

  async findInstance(instanceId: string, options: DriverCallOptions): Promise<DriverInstance | undefined> {
    refuseAborted(options);
    const session = await this.#endpoint.session();
    const { datacenter } = await this.#endpoint.placement(options);
    const [found] = await session.call(
      'FindByUuid',
      session.content.searchIndex,
      { datacenter, uuid: instanceUuid(instanceId), vmSearch: true, instanceUuid: true },
      { signal: options.signal },
    );
    if (!found) return undefined;
    const vm = await this.#endpoint.vm(found.text, VM_PROPERTIES, options).catch((error: unknown) => {
      // Deleted between the two calls.
      if (EcloudError.is(error) && error.code === 'NOT_FOUND') return undefined;
      throw error;
    });
    return vm ? driverInstance(instanceId, vm) : undefined;
  }

  async start(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#endpoint.requirePower(instanceRef, ['stopped'], 'start', options);
    await this.#endpoint.runOnVm(instanceRef, 'PowerOnVM_Task', {}, options);
  }

  async powerOff(
    instanceRef: string,
    mode: { readonly force: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    await this.#endpoint.requirePower(instanceRef, ['running', 'suspended'], 'powerOff', options);
    if (mode.force) {
      await this.#endpoint.runOnVm(instanceRef, 'PowerOffVM_Task', {}, options);
      return;
    }
    // ShutdownGuest asks the guest (through VMware Tools) and answers at once; the VM is off when its
    // power state says so. How long that may take is the core's deadline, carried by the signal.
    const session = await this.#endpoint.session();
    await session.invoke('ShutdownGuest', vmRef(instanceRef), {}, { signal: options.signal });
    await watchObject(
      session,
      vmRef(instanceRef),
      ['runtime.powerState'],
      (values) =>
        values.get('runtime.powerState')?.text === 'poweredOff' ? { value: undefined } : undefined,
      { signal: options.signal },
    );
  }

  async reboot(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#endpoint.requirePower(instanceRef, ['running'], 'reboot', options);
    await this.#endpoint.runOnVm(instanceRef, 'ResetVM_Task', {}, options);
  }

  async suspend(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#endpoint.requirePower(instanceRef, ['running'], 'suspend', options);
    await this.#endpoint.runOnVm(instanceRef, 'SuspendVM_Task', {}, options);
  }

  async resume(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#endpoint.requirePower(instanceRef, ['suspended'], 'resume', options);
    await this.#endpoint.runOnVm(instanceRef, 'PowerOnVM_Task', {}, options);
  }

  async resize(
    instanceRef: string,
    size: { readonly vcpus: number; readonly memoryMiB: number },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    await this.#endpoint.requirePower(instanceRef, ['stopped'], 'resize', options);
    await this.#endpoint.runOnVm(
      instanceRef,
      'ReconfigVM_Task',
      { spec: { numCPUs: size.vcpus, memoryMB: size.memoryMiB } },
      options,
    );
  }

  async delete(
    instanceRef: string,
    mode: { readonly wipe: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    await removeVm(this.#endpoint, instanceRef, mode, options);
  }

  async fence(): Promise<void> {
    throw unsupported('fence hosts (vCenter HA isolates hosts outside this API)', 'fencing');
  }

  async migrate(
    instanceRef: string,
    targetHostRef: string,
    mode: { readonly live: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    await migrateVm(this.#endpoint, instanceRef, targetHostRef, mode, options);
  }

  async clone(instanceRef: string, spec: InstanceSpec, options: DriverCallOptions): Promise<CreatedInstance> {
    refuseAborted(options);
    return cloneVm(this.#endpoint, instanceRef, spec, options);
  }

  async createDisk(hostRef: string, disk: DiskSpec, options: DriverCallOptions): Promise<string> {
    refuseAborted(options);
    return createDisk(this.#endpoint, hostRef, disk, options);
  }

  async attachDisk(instanceRef: string, diskRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await attachDisk(this.#endpoint, instanceRef, diskRef, options);
  }

  async detachDisk(instanceRef: string, diskRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await detachDisk(this.#endpoint, instanceRef, diskRef, options);
  }

  async deleteDisk(
    diskRef: string,
    mode: { readonly wipe: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    await deleteDisk(this.#endpoint, diskRef, mode, options);
  }

  async findDisk(volumeId: string, options: DriverCallOptions): Promise<string | undefined> {
    refuseAborted(options);
    return findDisk(this.#endpoint, volumeId, options);
  }

  async createSnapshot(
    instanceRef: string,
    snapshot: { readonly id: string; readonly name: string },
    options: DriverCallOptions,
  ): Promise<string> {
    refuseAborted(options);
    return createSnapshot(this.#endpoint, instanceRef, snapshot, options);
  }

  async revertSnapshot(instanceRef: string, snapshotRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await revertSnapshot(this.#endpoint, instanceRef, snapshotRef, options);
  }

  async deleteSnapshot(instanceRef: string, snapshotRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await deleteSnapshot(this.#endpoint, instanceRef, snapshotRef, options);
  }

  /**
   * Hears VM power changes and host state changes as vCenter pushes them (`WaitForUpdatesEx` over one
   * container view of the datacenter); the watch runs while at least one listener is subscribed, and
   * recovers on its own from an expired session or a lost connection, reporting what changed meanwhile.
   */
  subscribe(listener: (event: DriverEvent) => void): () => void {
    this.#listeners.add(listener);
    this.#events.start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) void this.#events.stop();
    };
  }
}

/**
 * A vSphere compute driver from options, validated (`INVALID_ARGUMENT` names the bad key).
 * @param dispatcher - undici dispatcher instead of the driver's own pool (tests, proxies).
 * @public
 */
export function vmwareDriver(options: VmwareDriverOptions, dispatcher?: Dispatcher): VmwareComputeDriver {
  return new VmwareComputeDriver(
    parseInput(VmwareDriverOptions, options, 'VMware driver options'),
    dispatcher,
  );
}

/** A VM as the core's `DriverInstance`: its disks by the volume id their file is named after. */
function driverInstance(instanceId: string, vm: ObjectContent): DriverInstance {
  const host = vm.props.get('runtime.host');
  const disks: Record<string, string> = {};
  for (const device of devicesOf(vm.props.get('config.hardware.device'))) {
    const file = diskFile(device);
    const volumeId = file === undefined ? undefined : volumeIdOf(file);
    if (file !== undefined && volumeId !== undefined) disks[volumeId] = file;
  }
  return {
    id: instanceId,
    ref: vm.obj.value,
    hostRef: isReference(host, 'HostSystem') ? host.value : '',
    power: powerOf(vm.props.get('runtime.powerState')),
    vcpus: Number(vm.props.get('config.hardware.numCPU')),
    memoryMiB: Number(vm.props.get('config.hardware.memoryMB')),
    disks,
  };
}
