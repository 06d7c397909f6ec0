import { describe, expect, it } from 'vitest';
import {
  devicesOf,
  diskFile,
  disksByUnit,
  joinDatastorePath,
  scsiController,
  splitDatastorePath,
  volumeIdOf,
} from '../../src/driver/disk-devices.js';
import type { VimObject } from '../../src/vim/vim-value.js';

const disk = (key: string, unit: string, file: string, controllerKey = '1000'): VimObject => ({
  $type: 'VirtualDisk',
  key,
  controllerKey,
  unitNumber: unit,
  backing: { $type: 'VirtualDiskFlatVer2BackingInfo', fileName: file },
});
const devices: VimObject[] = [
  { $type: 'VirtualIDEController', key: '200' },
  { $type: 'ParaVirtualSCSIController', key: '1000', busNumber: '0' },
  disk('2000', '0', '[ds] ins-1/vol-a.vmdk'),
  disk('2001', '2', '[ds] ecloud-disks/vol-b.vmdk'),
  disk('2002', '0', '[ds] other/x.vmdk', '1001'),
  { $type: 'VirtualCdrom', key: '3000', backing: { fileName: '[ds] iso/a.iso' } },
];

describe('the disks among a VM’s devices', () => {
  it('reads disk files, and nothing from devices that are not disks', () => {
    expect(devicesOf(devices).map(diskFile)).toEqual([
      undefined,
      undefined,
      '[ds] ins-1/vol-a.vmdk',
      '[ds] ecloud-disks/vol-b.vmdk',
      '[ds] other/x.vmdk',
      undefined,
    ]);
    expect(devicesOf(undefined)).toEqual([]);
  });

  it('finds the SCSI controller and its disks by unit, not another controller’s', () => {
    const controller = scsiController(devices);
    expect(controller?.key).toBe('1000');
    const byUnit = disksByUnit(devices, controller as VimObject);
    expect([...byUnit.keys()]).toEqual([0, 2]);
    expect(diskFile(byUnit.get(2) as VimObject)).toBe('[ds] ecloud-disks/vol-b.vmdk');
  });

  it('reads the volume id a disk file is named after', () => {
    expect(volumeIdOf('[ds] ins-1/vol-a.vmdk')).toBe('vol-a');
    expect(volumeIdOf('[ds] vol-a.vmdk')).toBeUndefined();
    expect(volumeIdOf('[ds] ins-1/vol-a-flat.raw')).toBeUndefined();
  });

  it('writes search results as datastore paths, whichever form the folder comes in', () => {
    expect(joinDatastorePath('[ds] folder/', 'a.vmdk')).toBe('[ds] folder/a.vmdk');
    expect(joinDatastorePath('[ds]/folder', 'a.vmdk')).toBe('[ds] folder/a.vmdk');
    expect(joinDatastorePath('[ds]', 'a.vmdk')).toBe('[ds] a.vmdk');
    expect(joinDatastorePath('odd', 'a.vmdk')).toBe('odd/a.vmdk');
  });

  it('splits a datastore path into datastore and path', () => {
    expect(splitDatastorePath('[Local DS] a/b.vmdk')).toEqual({ datastore: 'Local DS', path: 'a/b.vmdk' });
    expect(splitDatastorePath('no brackets')).toBeUndefined();
  });
});
