import { createHash } from 'node:crypto';
import type { DiskSpec, InstanceSpec, NicSpec } from '@ecloud/core';
import type { SoapObject } from '../soap/soap-value.js';

/** The temporary key of the SCSI controller the spec adds; its disks point at it. */
const CONTROLLER_KEY = -100;
/** Unit 7 of a SCSI bus is the controller itself. */
const CONTROLLER_UNIT = 7;
const KIB_PER_GIB = 1024 * 1024;

/**
 * The VM's `config.instanceUuid`, derived from our instance id (the layout of a name-based UUID):
 * vCenter keeps it unique and indexes it, so `SearchIndex.FindByUuid` finds the VM again after a crash
 * in one call, whatever it is named now.
 * @internal
 */
export function instanceUuid(instanceId: string): string {
  const hash = createHash('sha1').update(`ecloud:${instanceId}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The SCSI unit of the disk at `deviceIndex`: units 0–6 and 8–15 (7 is the controller's). @internal */
export function scsiUnit(deviceIndex: number): number {
  return deviceIndex < CONTROLLER_UNIT ? deviceIndex : deviceIndex + 1;
}

/** The datastore path of one of our disks: in the VM's folder, named by our volume id. @internal */
export function diskPath(datastore: string, instanceId: string, volumeId: string): string {
  return `[${datastore}] ${instanceId}/${volumeId}.vmdk`;
}

function diskChange(datastore: string, instanceId: string, disk: DiskSpec): SoapObject {
  return {
    operation: 'add',
    fileOperation: 'create',
    device: {
      $type: 'VirtualDisk',
      key: -200 - disk.deviceIndex,
      backing: {
        $type: 'VirtualDiskFlatVer2BackingInfo',
        fileName: diskPath(datastore, instanceId, disk.id),
        diskMode: 'persistent',
        thinProvisioned: true,
      },
      controllerKey: CONTROLLER_KEY,
      unitNumber: scsiUnit(disk.deviceIndex),
      capacityInKB: disk.sizeGiB * KIB_PER_GIB,
    },
  };
}

function nicChange(nic: NicSpec, index: number): SoapObject {
  return {
    operation: 'add',
    device: {
      $type: 'VirtualVmxnet3',
      key: -300 - index,
      backing: { $type: 'VirtualEthernetCardNetworkBackingInfo', deviceName: nic.network },
      addressType: 'manual',
      macAddress: nic.mac,
    },
  };
}

/**
 * The `VirtualMachineConfigSpec` of a new VM for an instance (fields in the WSDL's order): named by
 * our instance id, its instance UUID derived from it, a paravirtual SCSI controller with one thin disk
 * per volume (files named by volume id in the VM's folder), a vmxnet3 NIC per network.
 * @internal
 */
export function vmConfigSpec(spec: InstanceSpec, datastore: string, guestId: string): SoapObject {
  return {
    name: spec.id,
    instanceUuid: instanceUuid(spec.id),
    guestId,
    annotation: spec.name,
    files: { vmPathName: `[${datastore}]` },
    numCPUs: spec.vcpus,
    memoryMB: spec.memoryMiB,
    deviceChange: [
      {
        operation: 'add',
        device: {
          $type: 'ParaVirtualSCSIController',
          key: CONTROLLER_KEY,
          busNumber: 0,
          sharedBus: 'noSharing',
        },
      },
      ...[...spec.disks]
        .sort((a, b) => a.deviceIndex - b.deviceIndex)
        .map((d) => diskChange(datastore, spec.id, d)),
      ...spec.nics.map(nicChange),
    ],
  };
}
