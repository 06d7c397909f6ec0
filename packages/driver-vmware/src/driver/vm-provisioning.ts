import {
  type CreatedInstance,
  type DiskSpec,
  type DriverCallOptions,
  EcloudError,
  type InstanceSpec,
} from '@ecloud/core';
import { isReference } from '../vim/vim-value.js';
import { capacityKiB, devicesOf, diskFile } from './disk-devices.js';
import { copyDisk, deleteDiskFile, makeDirectory } from './standalone-disks.js';
import { diskKiB, diskPath, vmConfigSpec } from './vm-config-spec.js';
import { nicBackings } from './vm-networks.js';
import { removeVm } from './vm-removal.js';
import { cleanupOptions, type VsphereEndpoint } from './vsphere-endpoint.js';

/** A disk of a new VM that is copied from an existing file: an image's template disk, a clone's source. @internal */
export interface DiskSource {
  readonly file: string;
  readonly capacityKiB: number;
}

/**
 * Makes the VM of an instance on its host: the disks in `sources` copied into the VM's folder under
 * their volume ids (`CopyVirtualDisk_Task`), the others made empty, then `CreateVM_Task`, copied disks
 * grown to the size asked for, and the VM powered on if asked. Whatever fails, nothing stays behind:
 * the VM is destroyed, or the copies deleted.
 *
 * Copying and creating instead of `CloneVM_Task`: a clone names its disk files after the VM
 * (`name.vmdk`, `name_1.vmdk`), and the driver finds disks by the volume id in their file names after
 * a crash (`findDisk`, `findInstance`).
 * @internal
 */
export async function provisionVm(
  endpoint: VsphereEndpoint,
  spec: InstanceSpec,
  sources: ReadonlyMap<string, DiskSource>,
  options: DriverCallOptions,
): Promise<CreatedInstance> {
  const { vmFolder } = await endpoint.placement(options);
  const { host, datastore } = await endpoint.datastoreOn(spec.hostRef, options);
  const pool = await endpoint.resourcePoolOf(host, options);
  const nics = await nicBackings(endpoint, spec.nics, options);
  const copies: string[] = [];
  let vm: string | undefined;
  try {
    const copied = await copySources(endpoint, spec, datastore, sources, copies, options);
    const made = await endpoint.run(
      vmFolder,
      'CreateVM_Task',
      { config: vmConfigSpec(spec, datastore, endpoint.options.guestId, copied, nics), pool, host: host.obj },
      options,
    );
    if (!isReference(made, 'VirtualMachine'))
      throw new EcloudError('DRIVER_FAILURE', 'CreateVM_Task returned no VM.');
    vm = made.value;
    await growCopies(endpoint, vm, spec.disks, copied, options);
    if (spec.start) await endpoint.runOnVm(vm, 'PowerOnVM_Task', {}, options);
    return {
      ref: vm,
      disks: Object.fromEntries(spec.disks.map((d) => [d.id, diskPath(datastore, spec.id, d.id)])),
    };
  } catch (error) {
    await undoProvisioning(endpoint, vm, copies);
    throw error;
  }
}

async function copySources(
  endpoint: VsphereEndpoint,
  spec: InstanceSpec,
  datastore: string,
  sources: ReadonlyMap<string, DiskSource>,
  copies: string[],
  options: DriverCallOptions,
): Promise<Map<string, number>> {
  const copied = new Map<string, number>();
  if (sources.size > 0) await makeDirectory(endpoint, `[${datastore}] ${spec.id}`, options);
  for (const disk of spec.disks) {
    const source = sources.get(disk.id);
    if (!source) continue;
    const to = diskPath(datastore, spec.id, disk.id);
    await copyDisk(endpoint, source.file, to, options);
    copies.push(to);
    copied.set(disk.id, source.capacityKiB);
  }
  return copied;
}

/** Grows each copied disk smaller than asked by editing its device (vSphere extends the file). */
async function growCopies(
  endpoint: VsphereEndpoint,
  vm: string,
  disks: readonly DiskSpec[],
  copied: ReadonlyMap<string, number>,
  options: DriverCallOptions,
) {
  const small = disks.filter((d) => (copied.get(d.id) ?? Number.POSITIVE_INFINITY) < diskKiB(d));
  if (small.length === 0) return;
  const devices = devicesOf(
    (await endpoint.vm(vm, ['config.hardware.device'], options)).props.get('config.hardware.device'),
  );
  const deviceChange = small.flatMap((disk) => {
    const device = devices.find((d) => diskFile(d)?.endsWith(`/${disk.id}.vmdk`));
    return device ? [{ operation: 'edit', device: { ...device, capacityInKB: diskKiB(disk) } }] : [];
  });
  await endpoint.runOnVm(vm, 'ReconfigVM_Task', { spec: { deviceChange } }, options);
}

async function undoProvisioning(
  endpoint: VsphereEndpoint,
  vm: string | undefined,
  copies: readonly string[],
) {
  const options = cleanupOptions();
  if (vm !== undefined) {
    await removeVm(endpoint, vm, { wipe: false }, options).catch(() => undefined);
    return;
  }
  for (const copy of copies) await deleteDiskFile(endpoint, copy, options).catch(() => undefined);
}

/** The template disk an image's system disk is copied from. @internal */
export async function imageSource(
  endpoint: VsphereEndpoint,
  imageId: string,
  options: DriverCallOptions,
): Promise<DiskSource> {
  const session = await endpoint.session();
  const { datacenterName } = await endpoint.placement(options);
  const folder = endpoint.options.templateFolder;
  const path = [datacenterName, 'vm', ...(folder ? [folder] : []), imageId].join('/');
  const [found] = await session.call(
    'FindByInventoryPath',
    session.content.searchIndex,
    { inventoryPath: path },
    {
      signal: options.signal,
    },
  );
  const missing = new EcloudError(
    'NOT_FOUND',
    `Image ${imageId} has no template in vCenter (looked for ${path}).`,
    {
      details: { imageId, inventoryPath: path },
    },
  );
  if (found?.attrs.type !== 'VirtualMachine') throw missing;
  const template = await endpoint.vm(found.text, ['config.template', 'config.hardware.device'], options);
  if (template.props.get('config.template') !== true) {
    throw new EcloudError('ILLEGAL_STATE', `${path} is a VM, not a template: images are VM templates.`, {
      details: { imageId, inventoryPath: path },
    });
  }
  const disk = devicesOf(template.props.get('config.hardware.device'))
    .filter((d) => diskFile(d) !== undefined)
    .sort((a, b) => Number(a.unitNumber) - Number(b.unitNumber))[0];
  if (!disk) throw missing;
  return { file: diskFile(disk) as string, capacityKiB: capacityKiB(disk) };
}
