import { randomUUID } from 'node:crypto';
import type { InstanceSpec } from '@ecloud/core';
import type { z } from 'zod';
import type { DomainDefinitionInput } from '../domain-xml/domain-definition.js';
import type { KvmDriverOptions } from './kvm-driver-options.js';

type DriverOptions = z.output<typeof KvmDriverOptions>;

/** A disk of the instance with the volume it was made in. @internal */
export interface PlacedDisk {
  readonly id: string;
  readonly deviceIndex: number;
  readonly pool: string;
  readonly volume: string;
}

/** The guest device name of the disk at `index` on `bus`: vda, vdb, ... or sda, ... (26 × 27 names). @internal */
export function targetName(bus: 'virtio' | 'scsi' | 'sata', index: number): string {
  const prefix = bus === 'virtio' ? 'vd' : 'sd';
  const letters =
    index < 26
      ? String.fromCharCode(97 + index)
      : String.fromCharCode(96 + Math.floor(index / 26), 97 + (index % 26));
  return `${prefix}${letters}`;
}

/** One of our disks as a domain disk: a pool volume, the volume id as the serial the guest sees. @internal */
export function volumeDisk(disk: PlacedDisk, options: DriverOptions) {
  return {
    source: { kind: 'volume' as const, pool: disk.pool, volume: disk.volume },
    format: 'qcow2' as const,
    target: targetName(options.diskBus, disk.deviceIndex),
    bus: options.diskBus,
    cache: options.diskCache,
    serial: disk.id,
  };
}

/**
 * The libvirt domain of an instance: named by our instance id (so it is found again after a crash
 * with one lookup), our id also in its metadata, one disk per volume in device order with the volume
 * id as the serial the guest sees, a NIC per network, a serial console and the driver's remote display.
 * @internal
 */
export function instanceDomain(
  spec: InstanceSpec,
  disks: readonly PlacedDisk[],
  options: DriverOptions,
): DomainDefinitionInput {
  return {
    type: options.domainType === 'test' ? 'test' : options.domainType,
    name: spec.id,
    uuid: randomUUID(),
    title: spec.name,
    metadata: { instanceId: spec.id },
    vcpus: spec.vcpus,
    memoryMiB: spec.memoryMiB,
    disks: [...disks].sort((a, b) => a.deviceIndex - b.deviceIndex).map((disk) => volumeDisk(disk, options)),
    nics: spec.nics.map((nic) => ({
      mac: nic.mac,
      source:
        options.nicSource === 'bridge'
          ? { kind: 'bridge' as const, bridge: nic.network }
          : { kind: 'network' as const, network: nic.network },
    })),
    serialConsole: true,
    ...(options.console === false
      ? {}
      : { graphics: { type: options.console.type, listen: options.console.listen } }),
  };
}
