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

/**
 * Adds a disk: a new thin file, or — for a disk in `copied` — the file already copied there, with the
 * size it has (a larger size is set afterwards, by editing the device).
 */
function diskChange(
  datastore: string,
  instanceId: string,
  disk: DiskSpec,
  copied: ReadonlyMap<string, number>,
): SoapObject {
  const copiedKiB = copied.get(disk.id);
  return {
    operation: 'add',
    ...(copiedKiB === undefined ? { fileOperation: 'create' } : {}),
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
      capacityInKB: copiedKiB ?? diskKiB(disk),
    },
  };
}

function nicChange(nic: NicSpec, index: number, backing: SoapObject | undefined): SoapObject {
  return {
    operation: 'add',
    device: {
      $type: 'VirtualVmxnet3',
      key: -300 - index,
      backing: backing ?? { $type: 'VirtualEthernetCardNetworkBackingInfo', deviceName: nic.network },
      addressType: 'manual',
      macAddress: nic.mac,
    },
  };
}

/** A disk's size in KiB as the core asks for it. @internal */
export function diskKiB(disk: DiskSpec): number {
  return disk.sizeGiB * KIB_PER_GIB;
}

/**
 * The `VirtualMachineConfigSpec` of a new VM for an instance (fields in the WSDL's order): named by
 * our instance id, its instance UUID derived from it, its files in the folder `[ds] <instance id>/`
 * (named outright: a folder left by an earlier attempt is reused, never doubled), a paravirtual SCSI
 * controller with one thin disk per volume (files named by volume id), a vmxnet3 NIC per network.
 * `copied` holds the disks already copied into the folder (from an image or a clone's source), with
 * their sizes in KiB; `nicBackings` the resolved network of each NIC (a standard port group of the
 * NIC's network name when left out).
 * @internal
 */
export function vmConfigSpec(
  spec: InstanceSpec,
  datastore: string,
  guestId: string,
  copied: ReadonlyMap<string, number> = new Map(),
  nicBackings: readonly SoapObject[] = [],
): SoapObject {
  return {
    name: spec.id,
    instanceUuid: instanceUuid(spec.id),
    guestId,
    annotation: spec.name,
    files: { vmPathName: `[${datastore}] ${spec.id}/${spec.id}.vmx` },
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
        .map((d) => diskChange(datastore, spec.id, d, copied)),
      ...spec.nics.map((nic, index) => nicChange(nic, index, nicBackings[index])),
    ],
  };
}
