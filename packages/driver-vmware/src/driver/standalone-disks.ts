import { type DiskSpec, type DriverCallOptions, EcloudError } from '@ecloud/core';
import type { ManagedObjectReference } from '../soap/soap-value.js';
import { inventory } from '../vim/inventory.js';
import { asArray, isReference, type VimObject, type VimValue } from '../vim/vim-value.js';
import { devicesOf, diskFile, joinDatastorePath } from './disk-devices.js';
import { unsupported } from './driver-errors.js';
import { diskPath } from './vm-config-spec.js';
import type { VsphereEndpoint } from './vsphere-endpoint.js';

/** The folder of standalone disks (made by createDisk), on each datastore. */
const DISK_FOLDER = 'ecloud-disks';
const KIB_PER_GIB = 1024 * 1024;

async function virtualDiskManager(endpoint: VsphereEndpoint): Promise<ManagedObjectReference> {
  const manager = (await endpoint.session()).content.virtualDiskManager;
  if (!manager) throw unsupported('manage disks: this vCenter has no VirtualDiskManager', 'hotplugDisk');
  return manager;
}

/** Makes a datastore folder (and its parents); one that is there already is fine. @internal */
export async function makeDirectory(endpoint: VsphereEndpoint, name: string, options: DriverCallOptions) {
  const session = await endpoint.session();
  const { datacenter } = await endpoint.placement(options);
  const { fileManager } = session.content;
  if (!fileManager) throw unsupported('make folders: this vCenter has no FileManager', 'hotplugDisk');
  await session
    .invoke(
      'MakeDirectory',
      fileManager,
      { name, datacenter, createParentDirectories: true },
      { signal: options.signal },
    )
    .catch((error: unknown) => {
      if (!(EcloudError.is(error) && error.code === 'ALREADY_EXISTS')) throw error;
    });
}

/** Makes a thin VMDK named by our volume id in the standalone disk folder of the host's datastore. @internal */
export async function createDisk(
  endpoint: VsphereEndpoint,
  hostRef: string,
  disk: DiskSpec,
  options: DriverCallOptions,
): Promise<string> {
  const { datacenter } = await endpoint.placement(options);
  const { datastore } = await endpoint.datastoreOn(hostRef, options);
  await makeDirectory(endpoint, `[${datastore}] ${DISK_FOLDER}`, options);
  const path = diskPath(datastore, DISK_FOLDER, disk.id);
  await endpoint.run(
    await virtualDiskManager(endpoint),
    'CreateVirtualDisk_Task',
    {
      name: path,
      datacenter,
      spec: {
        $type: 'FileBackedVirtualDiskSpec',
        diskType: 'thin',
        adapterType: 'lsiLogic',
        capacityKb: disk.sizeGiB * KIB_PER_GIB,
      },
    },
    options,
  );
  return path;
}

/** Copies a disk file (`CopyVirtualDisk_Task`) within the datacenter. @internal */
export async function copyDisk(
  endpoint: VsphereEndpoint,
  from: string,
  to: string,
  options: DriverCallOptions,
) {
  const { datacenter } = await endpoint.placement(options);
  await endpoint.run(
    await virtualDiskManager(endpoint),
    'CopyVirtualDisk_Task',
    {
      sourceName: from,
      sourceDatacenter: datacenter,
      destName: to,
      destDatacenter: datacenter,
      force: false,
    },
    options,
  );
}

/** Runs a VirtualDiskManager task on one disk file of the datacenter. */
async function onDisk(
  endpoint: VsphereEndpoint,
  method: 'ZeroFillVirtualDisk_Task' | 'DeleteVirtualDisk_Task',
  path: string,
  options: DriverCallOptions,
) {
  const { datacenter } = await endpoint.placement(options);
  await endpoint.run(await virtualDiskManager(endpoint), method, { name: path, datacenter }, options);
}

/**
 * Overwrites every block of a disk with zeros (`ZeroFillVirtualDisk_Task`, R-SEC-6). The disk must not
 * be open: its VM is powered off, or it is detached.
 * @internal
 */
export function zeroFillDisk(endpoint: VsphereEndpoint, path: string, options: DriverCallOptions) {
  return onDisk(endpoint, 'ZeroFillVirtualDisk_Task', path, options);
}

/** Deletes a disk file with its data file. @internal */
export function deleteDiskFile(endpoint: VsphereEndpoint, path: string, options: DriverCallOptions) {
  return onDisk(endpoint, 'DeleteVirtualDisk_Task', path, options);
}

/**
 * Deletes a detached disk, zero-filled first with `wipe`. Whether a VM still uses it is read from the
 * device lists of the datacenter's VMs (one paged retrieval): vSphere keeps no index from a disk file
 * to the VM using it. Deleting a disk is not a hot path.
 * @internal
 */
export async function deleteDisk(
  endpoint: VsphereEndpoint,
  diskRef: string,
  mode: { readonly wipe: boolean },
  options: DriverCallOptions,
): Promise<void> {
  const users = await vmsUsing(endpoint, diskRef, options);
  if (users.length > 0) {
    throw new EcloudError('ILLEGAL_STATE', `Disk ${diskRef} is attached to ${users.join(', ')}.`, {
      details: { diskRef, attachedTo: users },
    });
  }
  if (mode.wipe) await zeroFillDisk(endpoint, diskRef, options);
  await deleteDiskFile(endpoint, diskRef, options);
}

async function vmsUsing(
  endpoint: VsphereEndpoint,
  diskRef: string,
  options: DriverCallOptions,
): Promise<string[]> {
  const session = await endpoint.session();
  const { datacenter } = await endpoint.placement(options);
  const vms = await inventory(session, [{ type: 'VirtualMachine', pathSet: ['config.hardware.device'] }], {
    signal: options.signal,
    container: datacenter,
  });
  return vms
    .filter((vm) => devicesOf(vm.props.get('config.hardware.device')).some((d) => diskFile(d) === diskRef))
    .map((vm) => vm.obj.value);
}

/**
 * Finds a disk by our volume id: its VMDK is named after it, in a VM's folder or the standalone disk
 * folder. One datastore-browser search per datastore of the datacenter — a reconciliation path, not a
 * hot one.
 * @internal
 */
export async function findDisk(
  endpoint: VsphereEndpoint,
  volumeId: string,
  options: DriverCallOptions,
): Promise<string | undefined> {
  const session = await endpoint.session();
  const { datacenter } = await endpoint.placement(options);
  const stores = await inventory(session, [{ type: 'Datastore', pathSet: ['name', 'browser'] }], {
    signal: options.signal,
    container: datacenter,
  });
  for (const store of stores) {
    const browser = store.props.get('browser');
    if (!isReference(browser)) continue;
    const results = await endpoint.run(
      browser,
      'SearchDatastoreSubFolders_Task',
      {
        datastorePath: `[${String(store.props.get('name'))}]`,
        searchSpec: { matchPattern: [`${volumeId}.vmdk`] },
      },
      options,
    );
    const found = firstFile(results);
    if (found) return found;
  }
  return undefined;
}

function firstFile(results: VimValue | undefined): string | undefined {
  for (const result of asArray(results)) {
    const folder = (result as VimObject).folderPath;
    const file = asArray((result as VimObject).file as VimValue | undefined)[0] as VimObject | undefined;
    if (typeof folder === 'string' && typeof file?.path === 'string')
      return joinDatastorePath(folder, file.path);
  }
  return undefined;
}
