import { type DriverCallOptions, EcloudError } from '@ecloud/core';
import type { SoapObject } from '../soap/soap-value.js';
import type { VimObject } from '../vim/vim-value.js';
import { devicesOf, diskFile, disksByUnit, FLAT_BACKING, scsiController } from './disk-devices.js';
import type { VsphereEndpoint } from './vsphere-endpoint.js';

/** Unit 7 of a SCSI bus is the controller itself; a bus has units 0–15. */
const SCSI_UNITS = [...Array(16).keys()].filter((unit) => unit !== 7);

async function devices(endpoint: VsphereEndpoint, instanceRef: string, options: DriverCallOptions) {
  return devicesOf(
    (await endpoint.vm(instanceRef, ['config.hardware.device'], options)).props.get('config.hardware.device'),
  );
}

function reconfigure(
  endpoint: VsphereEndpoint,
  instanceRef: string,
  operation: 'add' | 'remove',
  device: SoapObject,
  options: DriverCallOptions,
) {
  return endpoint.runOnVm(
    instanceRef,
    'ReconfigVM_Task',
    { spec: { deviceChange: [{ operation, device }] } },
    options,
  );
}

/**
 * Attaches a disk file to a VM on the first free unit of its SCSI controller. vSphere hot-adds SCSI
 * disks to a running VM, so the power state does not matter.
 * @internal
 */
export async function attachDisk(
  endpoint: VsphereEndpoint,
  instanceRef: string,
  diskRef: string,
  options: DriverCallOptions,
): Promise<void> {
  const all = await devices(endpoint, instanceRef, options);
  if (all.some((d) => diskFile(d) === diskRef)) return;
  const controller = scsiController(all);
  if (!controller) throw new EcloudError('ILLEGAL_STATE', `Instance ${instanceRef} has no SCSI controller.`);
  const used = disksByUnit(all, controller);
  const unit = SCSI_UNITS.find((u) => !used.has(u));
  if (unit === undefined)
    throw new EcloudError('INSUFFICIENT_CAPACITY', `Instance ${instanceRef} has no free disk slot.`, {
      details: { instanceRef },
    });
  await reconfigure(endpoint, instanceRef, 'add', diskDevice(-1, diskRef, controller.key, unit), options);
}

/** Detaches a disk from a VM (running or not), keeping its file. @internal */
export async function detachDisk(
  endpoint: VsphereEndpoint,
  instanceRef: string,
  diskRef: string,
  options: DriverCallOptions,
): Promise<void> {
  const disk = (await devices(endpoint, instanceRef, options)).find((d) => diskFile(d) === diskRef);
  if (!disk) {
    throw new EcloudError('NOT_FOUND', `Disk ${diskRef} is not attached to instance ${instanceRef}.`, {
      details: { diskRef, instanceRef },
    });
  }
  await reconfigure(
    endpoint,
    instanceRef,
    'remove',
    diskDevice(Number(disk.key), diskRef, disk.controllerKey, Number(disk.unitNumber)),
    options,
  );
}

function diskDevice(
  key: number,
  file: string,
  controllerKey: VimObject[string],
  unitNumber: number,
): SoapObject {
  return {
    $type: 'VirtualDisk',
    key,
    backing: { $type: FLAT_BACKING, fileName: file, diskMode: 'persistent' },
    controllerKey: Number(controllerKey),
    unitNumber,
  };
}
