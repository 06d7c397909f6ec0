import {
  type ComputeCapabilities,
  type ComputeDriver,
  type CreatedInstance,
  type DiskSpec,
  type DriverCallOptions,
  type DriverEvent,
  type DriverHost,
  type DriverInstance,
  type DriverPowerState,
  EcloudError,
  type HostUsage,
  type InstanceSpec,
  parseInput,
  refuseAborted,
} from '@ecloud/core';
import type { z } from 'zod';
import { type ManagedObjectReference, moref, type SoapObject } from '../soap/soap-value.js';
import { inventory } from '../vim/inventory.js';
import { type ObjectContent, retrieveObjects } from '../vim/property-collector.js';
import { waitForTask } from '../vim/task.js';
import { asArray, isReference, type VimObject, type VimValue } from '../vim/vim-value.js';
import { VsphereSession } from '../vim/vsphere-session.js';
import { watchObject } from '../vim/watch-object.js';
import { DATASTORE_PROPERTIES, describeHost, HOST_PROPERTIES, hostUsage } from './host-description.js';
import { diskPath, instanceUuid, vmConfigSpec } from './vm-config-spec.js';
import { VmwareDriverOptions } from './vmware-driver-options.js';

/** The folder of standalone disks (made by createDisk), on each datastore. */
const DISK_FOLDER = 'ecloud-disks';

const VM_PROPERTIES = [
  'name',
  'runtime.powerState',
  'runtime.host',
  'config.hardware.numCPU',
  'config.hardware.memoryMB',
  'config.hardware.device',
];

interface Placement {
  readonly datacenter: ManagedObjectReference;
  readonly vmFolder: ManagedObjectReference;
}

/**
 * VMware vSphere through one vCenter (R-COMP-1, R-COMP-2): the hosts of one datacenter. Instances
 * are VMs named by our instance id, with an instance UUID derived from it (found again in one
 * `FindByUuid` call); their reference is the VM's managed object id. Disks are thin VMDKs in the VM's
 * folder named by our volume id, referenced by datastore path. Capabilities are what is built so far
 * (issue 6 continues): create, power, resize, delete, host inventory and usage; migration, clone,
 * snapshots, disk hot-plug and secure erase are refused until they are.
 * @public
 */
export class VmwareComputeDriver implements ComputeDriver {
  readonly name: string;
  readonly hypervisor = 'vmware' as const;
  readonly spiVersion = '1.1';
  readonly capabilities: Readonly<ComputeCapabilities> = Object.freeze({
    liveMigration: false,
    coldMigration: false,
    clone: false,
    snapshot: false,
    hotResize: false,
    hotplugDisk: false,
    suspend: true,
    secureErase: false,
    fencing: false,
  });
  readonly #options: z.output<typeof VmwareDriverOptions>;
  #session: Promise<VsphereSession> | undefined;
  #placement: Promise<Placement> | undefined;
  readonly #listeners = new Set<(event: DriverEvent) => void>();

  constructor(options: z.output<typeof VmwareDriverOptions>) {
    this.#options = options;
    this.name = options.name;
  }

  async connect(options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#where(options);
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    this.#placement = undefined;
    await (await session?.catch(() => undefined))?.logout();
  }

  /** The session, logging in on first use; a failed login is tried again on the next call. */
  #connected(): Promise<VsphereSession> {
    this.#session ??= VsphereSession.login({
      ...this.#options.vcenter,
      timeoutMs: this.#options.timeoutMs,
    }).catch((error: unknown) => {
      this.#session = undefined;
      throw error;
    });
    return this.#session;
  }

  /** The datacenter served and its VM folder, found once. */
  #where(options: DriverCallOptions): Promise<Placement> {
    this.#placement ??= this.#findDatacenter(options).catch((error: unknown) => {
      this.#placement = undefined;
      throw error;
    });
    return this.#placement;
  }

  async #findDatacenter(options: DriverCallOptions): Promise<Placement> {
    const session = await this.#connected();
    const datacenters = await inventory(session, [{ type: 'Datacenter', pathSet: ['name', 'vmFolder'] }], {
      signal: options.signal,
    });
    const wanted = this.#options.datacenter;
    const found = datacenters.find((dc) => wanted === undefined || dc.props.get('name') === wanted);
    const vmFolder = found?.props.get('vmFolder');
    if (!found || !isReference(vmFolder, 'Folder')) {
      throw new EcloudError('NOT_FOUND', `vCenter has no datacenter ${wanted ?? ''}`.trim() + '.', {
        details: { datacenter: wanted },
      });
    }
    return { datacenter: found.obj, vmFolder };
  }

  async listHosts(options: DriverCallOptions): Promise<readonly DriverHost[]> {
    refuseAborted(options);
    const { hosts, datastores } = await this.#hostsAndDatastores(options);
    return hosts.map((host) => describeHost(host, datastores));
  }

  async getHost(hostRef: string, options: DriverCallOptions): Promise<DriverHost> {
    refuseAborted(options);
    const { host, datastores } = await this.#host(hostRef, options);
    return describeHost(host, datastores);
  }

  async hostUsage(hostRef: string, options: DriverCallOptions): Promise<HostUsage> {
    refuseAborted(options);
    const { host, datastores } = await this.#host(hostRef, options);
    return hostUsage(host, datastores);
  }

  async #hostsAndDatastores(options: DriverCallOptions) {
    const session = await this.#connected();
    const { datacenter } = await this.#where(options);
    const objects = await inventory(
      session,
      [
        { type: 'HostSystem', pathSet: HOST_PROPERTIES },
        { type: 'Datastore', pathSet: DATASTORE_PROPERTIES },
      ],
      { signal: options.signal, container: datacenter },
    );
    return {
      hosts: objects.filter((o) => o.obj.type === 'HostSystem'),
      datastores: new Map(objects.filter((o) => o.obj.type === 'Datastore').map((o) => [o.obj.value, o])),
    };
  }

  async #host(hostRef: string, options: DriverCallOptions) {
    const session = await this.#connected();
    const [host] = await retrieveObjects(
      session,
      [moref('HostSystem', hostRef)],
      'HostSystem',
      HOST_PROPERTIES,
      {
        signal: options.signal,
      },
    ).catch((error: unknown) => {
      throw notFound(error, `Host ${hostRef} is not in vCenter.`, { hostRef });
    });
    if (!host)
      throw new EcloudError('NOT_FOUND', `Host ${hostRef} is not in vCenter.`, { details: { hostRef } });
    const stores = asArray(host.props.get('datastore')).filter((d) => isReference(d, 'Datastore'));
    const datastores = await retrieveObjects(
      session,
      stores as ManagedObjectReference[],
      'Datastore',
      [...DATASTORE_PROPERTIES, 'name'],
      { signal: options.signal },
    );
    return { host, datastores: new Map(datastores.map((d) => [d.obj.value, d])) };
  }

  /** The datastore new files go to on a host: the configured one, or the host's first. */
  async #datastoreOn(hostRef: string, options: DriverCallOptions) {
    const { host, datastores } = await this.#host(hostRef, options);
    const names = [...datastores.values()].map((d) => String(d.props.get('name')));
    const datastore = this.#options.datastore ?? names[0];
    if (datastore === undefined || !names.includes(datastore)) {
      throw new EcloudError(
        'ILLEGAL_STATE',
        `Host ${hostRef} reaches no datastore ${datastore ?? ''}`.trim() + '.',
        {
          details: { hostRef, datastore, reachable: names },
        },
      );
    }
    return { host, datastore };
  }

  /** Where a new VM goes: the resource pool of the host's cluster (or standalone compute resource), and the datastore. */
  async #placeOn(hostRef: string, options: DriverCallOptions) {
    const session = await this.#connected();
    const { host, datastore } = await this.#datastoreOn(hostRef, options);
    const [parent] = await retrieveObjects(
      session,
      [host.props.get('parent') as ManagedObjectReference],
      'ComputeResource',
      ['resourcePool'],
    ).catch(() => [undefined]);
    const pool = parent?.props.get('resourcePool');
    if (!isReference(pool, 'ResourcePool')) {
      throw new EcloudError('DRIVER_FAILURE', `Host ${hostRef} has no resource pool.`);
    }
    return { pool, datastore };
  }

  async createInstance(spec: InstanceSpec, options: DriverCallOptions): Promise<CreatedInstance> {
    refuseAborted(options);
    if (spec.disks.some((disk) => disk.imageId !== undefined)) {
      throw new EcloudError(
        'UNSUPPORTED',
        'Disks from images (VM templates) are not supported by this driver yet.',
        {
          details: { instanceId: spec.id },
        },
      );
    }
    const session = await this.#connected();
    const { vmFolder } = await this.#where(options);
    const { pool, datastore } = await this.#placeOn(spec.hostRef, options);
    const task = await session.startTask(
      'CreateVM_Task',
      vmFolder,
      {
        config: vmConfigSpec(spec, datastore, this.#options.guestId),
        pool,
        host: moref('HostSystem', spec.hostRef),
      },
      { signal: options.signal },
    );
    const vm = await waitForTask(session, task, 'CreateVM_Task', taskOptions(options));
    if (!isReference(vm, 'VirtualMachine'))
      throw new EcloudError('DRIVER_FAILURE', 'CreateVM_Task returned no VM.');
    if (spec.start) {
      try {
        await this.#run(vm, 'PowerOnVM_Task', {}, options);
      } catch (error) {
        await this.#destroy(vm, { signal: new AbortController().signal, progress: () => undefined }).catch(
          () => undefined,
        );
        throw error;
      }
    }
    return { ref: vm.value, disks: diskRefs(spec.disks, datastore, spec.id) };
  }

  async findInstance(instanceId: string, options: DriverCallOptions): Promise<DriverInstance | undefined> {
    refuseAborted(options);
    const session = await this.#connected();
    const { datacenter } = await this.#where(options);
    const [found] = await session.call(
      'FindByUuid',
      session.content.searchIndex,
      { datacenter, uuid: instanceUuid(instanceId), vmSearch: true, instanceUuid: true },
      { signal: options.signal },
    );
    if (!found) return undefined;
    const [vm] = await retrieveObjects(
      session,
      [moref('VirtualMachine', found.text)],
      'VirtualMachine',
      VM_PROPERTIES,
      {
        signal: options.signal,
      },
    );
    return vm ? driverInstance(instanceId, vm) : undefined;
  }

  async start(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#requirePower(instanceRef, ['stopped'], 'start', options);
    await this.#run(vmRef(instanceRef), 'PowerOnVM_Task', {}, options);
  }

  async powerOff(
    instanceRef: string,
    mode: { readonly force: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    await this.#requirePower(instanceRef, ['running', 'suspended'], 'powerOff', options);
    const vm = vmRef(instanceRef);
    if (mode.force) {
      await this.#run(vm, 'PowerOffVM_Task', {}, options);
      return;
    }
    // ShutdownGuest asks the guest (through VMware Tools) and answers at once; the VM is off when its
    // power state says so. How long that may take is the core's deadline, carried by the signal.
    const session = await this.#connected();
    await session.invoke('ShutdownGuest', vm, {}, { signal: options.signal });
    await watchObject(
      session,
      vm,
      ['runtime.powerState'],
      (values) =>
        values.get('runtime.powerState')?.text === 'poweredOff' ? { value: undefined } : undefined,
      { signal: options.signal },
    );
  }

  async reboot(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#requirePower(instanceRef, ['running'], 'reboot', options);
    await this.#run(vmRef(instanceRef), 'ResetVM_Task', {}, options);
  }

  async suspend(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#requirePower(instanceRef, ['running'], 'suspend', options);
    await this.#run(vmRef(instanceRef), 'SuspendVM_Task', {}, options);
  }

  async resume(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#requirePower(instanceRef, ['suspended'], 'resume', options);
    await this.#run(vmRef(instanceRef), 'PowerOnVM_Task', {}, options);
  }

  async resize(
    instanceRef: string,
    size: { readonly vcpus: number; readonly memoryMiB: number },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    await this.#requirePower(instanceRef, ['stopped'], 'resize', options);
    await this.#run(
      vmRef(instanceRef),
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
    if (mode.wipe) throw unsupported('delete with wipe', 'secureErase');
    await this.#destroy(vmRef(instanceRef), options);
  }

  /** Powers a VM off if it runs, then destroys it with its files (its disks included). */
  async #destroy(vm: ManagedObjectReference, options: DriverCallOptions): Promise<void> {
    if ((await this.#power(vm.value, options)) !== 'stopped')
      await this.#run(vm, 'PowerOffVM_Task', {}, options);
    await this.#run(vm, 'Destroy_Task', {}, options);
  }

  async #run(
    vm: ManagedObjectReference,
    method: string,
    args: Record<string, never> | { spec: object },
    options: DriverCallOptions,
  ) {
    const session = await this.#connected();
    const task = await session
      .startTask(method, vm, args as Record<string, never>, { signal: options.signal })
      .catch((error: unknown) => {
        throw notFound(error, `Instance ${vm.value} is not in vCenter.`, { instanceRef: vm.value });
      });
    return waitForTask(session, task, method, taskOptions(options));
  }

  async #power(instanceRef: string, options: DriverCallOptions): Promise<DriverPowerState> {
    const session = await this.#connected();
    const [vm] = await retrieveObjects(
      session,
      [vmRef(instanceRef)],
      'VirtualMachine',
      ['runtime.powerState'],
      {
        signal: options.signal,
      },
    ).catch((error: unknown) => {
      throw notFound(error, `Instance ${instanceRef} is not in vCenter.`, { instanceRef });
    });
    if (!vm)
      throw new EcloudError('NOT_FOUND', `Instance ${instanceRef} is not in vCenter.`, {
        details: { instanceRef },
      });
    return powerOf(vm.props.get('runtime.powerState'));
  }

  async #requirePower(
    instanceRef: string,
    allowed: readonly DriverPowerState[],
    operation: string,
    options: DriverCallOptions,
  ): Promise<void> {
    const power = await this.#power(instanceRef, options);
    if (!allowed.includes(power)) {
      throw new EcloudError('ILLEGAL_STATE', `Instance ${instanceRef} is ${power}: it cannot ${operation}.`, {
        details: { instanceRef, power, operation },
      });
    }
  }

  async fence(): Promise<void> {
    throw unsupported('fence', 'fencing');
  }

  async migrate(): Promise<void> {
    throw unsupported('migrate', 'liveMigration');
  }

  async clone(): Promise<CreatedInstance> {
    throw unsupported('clone', 'clone');
  }

  /** Makes a thin VMDK named by our volume id in the standalone disk folder of the host's datastore. */
  async createDisk(hostRef: string, disk: DiskSpec, options: DriverCallOptions): Promise<string> {
    refuseAborted(options);
    const session = await this.#connected();
    const { datacenter } = await this.#where(options);
    const { datastore } = await this.#datastoreOn(hostRef, options);
    const { virtualDiskManager, fileManager } = session.content;
    if (!virtualDiskManager || !fileManager)
      throw unsupported('createDisk (no VirtualDiskManager)', 'hotplugDisk');
    await session
      .invoke(
        'MakeDirectory',
        fileManager,
        { name: `[${datastore}] ${DISK_FOLDER}`, datacenter, createParentDirectories: true },
        { signal: options.signal },
      )
      .catch((error: unknown) => {
        // The folder is there from an earlier disk.
        if (!(EcloudError.is(error) && error.code === 'ALREADY_EXISTS')) throw error;
      });
    const path = diskPath(datastore, DISK_FOLDER, disk.id);
    const task = await session.startTask(
      'CreateVirtualDisk_Task',
      virtualDiskManager,
      {
        name: path,
        datacenter,
        spec: {
          $type: 'FileBackedVirtualDiskSpec',
          diskType: 'thin',
          adapterType: 'lsiLogic',
          capacityKb: disk.sizeGiB * 1024 * 1024,
        },
      },
      { signal: options.signal },
    );
    await waitForTask(session, task, 'CreateVirtualDisk_Task', taskOptions(options));
    return path;
  }

  /** Attaches a disk to a stopped VM, on the first free unit of its SCSI controller. */
  async attachDisk(instanceRef: string, diskRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#requirePower(instanceRef, ['stopped'], 'attach a disk (hot-plug is not declared)', options);
    const devices = await this.#devices(instanceRef, options);
    const controller = devices.find((d) => typeof d.$type === 'string' && d.$type.endsWith('SCSIController'));
    if (!controller)
      throw new EcloudError('ILLEGAL_STATE', `Instance ${instanceRef} has no SCSI controller.`);
    const used = new Set(
      devices.filter((d) => d.controllerKey === controller.key).map((d) => Number(d.unitNumber)),
    );
    const unit = [...Array(16).keys()].find((u) => u !== 7 && !used.has(u));
    if (unit === undefined)
      throw new EcloudError('INSUFFICIENT_CAPACITY', `Instance ${instanceRef} has no free disk slot.`);
    await this.#reconfigure(
      instanceRef,
      'add',
      {
        $type: 'VirtualDisk',
        key: -1,
        backing: { $type: 'VirtualDiskFlatVer2BackingInfo', fileName: diskRef, diskMode: 'persistent' },
        controllerKey: Number(controller.key),
        unitNumber: unit,
      },
      options,
    );
  }

  /** Detaches a disk from a stopped VM, keeping its file. */
  async detachDisk(instanceRef: string, diskRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    await this.#requirePower(instanceRef, ['stopped'], 'detach a disk (hot-plug is not declared)', options);
    const disk = (await this.#devices(instanceRef, options)).find((d) => diskFile(d) === diskRef);
    if (!disk) {
      throw new EcloudError('NOT_FOUND', `Disk ${diskRef} is not attached to instance ${instanceRef}.`, {
        details: { diskRef, instanceRef },
      });
    }
    await this.#reconfigure(
      instanceRef,
      'remove',
      {
        $type: 'VirtualDisk',
        key: Number(disk.key),
        backing: { $type: 'VirtualDiskFlatVer2BackingInfo', fileName: diskRef, diskMode: 'persistent' },
        controllerKey: Number(disk.controllerKey),
        unitNumber: Number(disk.unitNumber),
      },
      options,
    );
  }

  /**
   * Deletes a detached disk. Whether a VM still uses it is read from the device lists of the VMs on its
   * datastore (one paged retrieval): vSphere keeps no index from a disk file to the VM using it.
   */
  async deleteDisk(
    diskRef: string,
    mode: { readonly wipe: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    if (mode.wipe) throw unsupported('deleteDisk with wipe', 'secureErase');
    const session = await this.#connected();
    const { datacenter } = await this.#where(options);
    const users = (
      await inventory(session, [{ type: 'VirtualMachine', pathSet: ['name', 'config.hardware.device'] }], {
        signal: options.signal,
        container: datacenter,
      })
    ).filter((vm) =>
      asArray(vm.props.get('config.hardware.device')).some((d) => diskFile(d as VimObject) === diskRef),
    );
    if (users.length > 0) {
      throw new EcloudError(
        'ILLEGAL_STATE',
        `Disk ${diskRef} is attached to ${users.map((u) => u.obj.value).join(', ')}.`,
        {
          details: { diskRef, attachedTo: users.map((u) => u.obj.value) },
        },
      );
    }
    if (!session.content.virtualDiskManager)
      throw unsupported('deleteDisk (no VirtualDiskManager)', 'hotplugDisk');
    const task = await session.startTask(
      'DeleteVirtualDisk_Task',
      session.content.virtualDiskManager,
      { name: diskRef, datacenter },
      { signal: options.signal },
    );
    await waitForTask(session, task, 'DeleteVirtualDisk_Task', taskOptions(options));
  }

  async #devices(instanceRef: string, options: DriverCallOptions): Promise<VimObject[]> {
    const session = await this.#connected();
    const [vm] = await retrieveObjects(
      session,
      [vmRef(instanceRef)],
      'VirtualMachine',
      ['config.hardware.device'],
      {
        signal: options.signal,
      },
    );
    return asArray(vm?.props.get('config.hardware.device')) as VimObject[];
  }

  async #reconfigure(
    instanceRef: string,
    operation: 'add' | 'remove',
    device: SoapObject,
    options: DriverCallOptions,
  ) {
    await this.#run(
      vmRef(instanceRef),
      'ReconfigVM_Task',
      { spec: { deviceChange: [{ operation, device }] } },
      options,
    );
  }

  /**
   * Finds a disk by our volume id: its VMDK is named after it, in a VM's folder or the standalone disk
   * folder. One datastore-browser search per datastore of the datacenter — a reconciliation path, not
   * a hot one.
   */
  async findDisk(volumeId: string, options: DriverCallOptions): Promise<string | undefined> {
    refuseAborted(options);
    const session = await this.#connected();
    const { datacenter } = await this.#where(options);
    const stores = await inventory(session, [{ type: 'Datastore', pathSet: ['name', 'browser'] }], {
      signal: options.signal,
      container: datacenter,
    });
    for (const store of stores) {
      const browser = store.props.get('browser');
      if (!isReference(browser)) continue;
      const task = await session.startTask(
        'SearchDatastoreSubFolders_Task',
        browser,
        {
          datastorePath: `[${String(store.props.get('name'))}]`,
          searchSpec: { matchPattern: [`${volumeId}.vmdk`] },
        },
        { signal: options.signal },
      );
      const results = await waitForTask(
        session,
        task,
        'SearchDatastoreSubFolders_Task',
        taskOptions(options),
      );
      for (const result of asArray(results as VimValue | undefined)) {
        const folder = (result as VimObject).folderPath;
        const file = asArray((result as VimObject).file as VimValue | undefined)[0] as VimObject | undefined;
        if (typeof folder === 'string' && typeof file?.path === 'string')
          return joinDatastorePath(folder, file.path);
      }
    }
    return undefined;
  }

  async createSnapshot(): Promise<string> {
    throw unsupported('createSnapshot', 'snapshot');
  }

  async revertSnapshot(): Promise<void> {
    throw unsupported('revertSnapshot', 'snapshot');
  }

  async deleteSnapshot(): Promise<void> {
    throw unsupported('deleteSnapshot', 'snapshot');
  }

  /** This driver reports no events of its own yet (issue 6 continues); the core polls its state. */
  subscribe(listener: (event: DriverEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** A vSphere compute driver from options, validated (`INVALID_ARGUMENT` names the bad key). @public */
export function vmwareDriver(options: VmwareDriverOptions): VmwareComputeDriver {
  return new VmwareComputeDriver(parseInput(VmwareDriverOptions, options, 'VMware driver options'));
}

function taskOptions(options: DriverCallOptions) {
  return { signal: options.signal, progress: (percent: number) => options.progress(percent) };
}

function vmRef(instanceRef: string): ManagedObjectReference {
  return moref('VirtualMachine', instanceRef);
}

function unsupported(operation: string, capability: keyof ComputeCapabilities): EcloudError {
  return new EcloudError('UNSUPPORTED', `The VMware driver does not ${operation} yet.`, {
    details: { operation, capability },
  });
}

function notFound(error: unknown, message: string, details: Record<string, string>): unknown {
  return EcloudError.is(error) && error.code === 'NOT_FOUND'
    ? new EcloudError('NOT_FOUND', message, { details })
    : error;
}

function powerOf(state: unknown): DriverPowerState {
  if (state === 'poweredOn') return 'running';
  if (state === 'suspended') return 'suspended';
  return 'stopped';
}

function diskRefs(disks: readonly DiskSpec[], datastore: string, instanceId: string): Record<string, string> {
  return Object.fromEntries(disks.map((disk) => [disk.id, diskPath(datastore, instanceId, disk.id)]));
}

/** A VM as the core's `DriverInstance`: its disks by the volume id their file is named after. */
function driverInstance(instanceId: string, vm: ObjectContent): DriverInstance {
  const host = vm.props.get('runtime.host');
  const disks: Record<string, string> = {};
  for (const device of asArray(vm.props.get('config.hardware.device'))) {
    const file = diskFile(device as VimObject);
    const volumeId = file === undefined ? undefined : /\/([^/]+)\.vmdk$/.exec(file)?.[1];
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

/**
 * A search result's folder and file as one datastore path in vSphere's usual form, `[ds] folder/x.vmdk`
 * (servers write the folder as `[ds] folder/` or `[ds]/folder`).
 */
function joinDatastorePath(folder: string, file: string): string {
  const match = /^\[([^\]]+)\]\s*\/?(.*?)\/?$/.exec(folder);
  if (!match) return `${folder}/${file}`;
  const [, datastore, path] = match;
  return path ? `[${datastore}] ${path}/${file}` : `[${datastore}] ${file}`;
}

/** The datastore path of a VirtualDisk device, if it is one. */
function diskFile(device: VimObject): string | undefined {
  if (device.$type !== 'VirtualDisk') return undefined;
  const fileName = (device.backing as VimObject | undefined)?.fileName;
  return typeof fileName === 'string' ? fileName : undefined;
}
