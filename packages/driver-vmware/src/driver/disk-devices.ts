import type { VimObject, VimValue } from '../vim/vim-value.js';
import { asArray } from '../vim/vim-value.js';

/** vSphere's backing of a disk in a VMDK file. @internal */
export const FLAT_BACKING = 'VirtualDiskFlatVer2BackingInfo';

/** A VM's devices (`config.hardware.device`) as data objects. @internal */
export function devicesOf(value: VimValue | undefined): VimObject[] {
  return asArray(value).filter(
    (d): d is VimObject => typeof d === 'object' && d !== null && !Array.isArray(d),
  );
}

/** The datastore path of a VirtualDisk device, if it is one. @internal */
export function diskFile(device: VimObject): string | undefined {
  if (device.$type !== 'VirtualDisk') return undefined;
  const fileName = (device.backing as VimObject | undefined)?.fileName;
  return typeof fileName === 'string' ? fileName : undefined;
}

/** The volume id a disk file is named after (`[ds] folder/<volume id>.vmdk`). @internal */
export function volumeIdOf(file: string): string | undefined {
  return /\/([^/]+)\.vmdk$/.exec(file)?.[1];
}

/** The VM's first SCSI controller (the one our disks sit on). @internal */
export function scsiController(devices: readonly VimObject[]): VimObject | undefined {
  return devices.find((d) => typeof d.$type === 'string' && d.$type.endsWith('SCSIController'));
}

/** The VM's disks on `controller`, by SCSI unit number. @internal */
export function disksByUnit(devices: readonly VimObject[], controller: VimObject): Map<number, VimObject> {
  return new Map(
    devices
      .filter((d) => diskFile(d) !== undefined && d.controllerKey === controller.key)
      .map((d) => [Number(d.unitNumber), d]),
  );
}

/** A disk's size in KiB as vSphere reports it. @internal */
export function capacityKiB(disk: VimObject): number {
  return Number(disk.capacityInKB);
}

/**
 * A search result's folder and file as one datastore path in vSphere's usual form, `[ds] folder/x.vmdk`
 * (servers write the folder as `[ds] folder/` or `[ds]/folder`).
 * @internal
 */
export function joinDatastorePath(folder: string, file: string): string {
  const match = /^\[([^\]]+)\]\s*\/?(.*?)\/?$/.exec(folder);
  if (!match) return `${folder}/${file}`;
  const [, datastore, path] = match;
  return path ? `[${datastore}] ${path}/${file}` : `[${datastore}] ${file}`;
}

/** The datastore name and the path in it of `[ds] path`. @internal */
export function splitDatastorePath(path: string): { datastore: string; path: string } | undefined {
  const match = /^\[([^\]]+)\]\s*(.*)$/.exec(path);
  return match ? { datastore: match[1] as string, path: match[2] as string } : undefined;
}
