import type { DiskSpec, DriverInstance, DriverPowerState, NicSpec } from '../../spi/compute-driver.js';

/** A secure erase the simulator performed, for tests of R-SEC-6. @public */
export interface WipeRecord {
  readonly diskRef: string;
  /** The core's volume id of the wiped disk. */
  readonly volumeId: string;
  /** When the wipe happened, ISO 8601. */
  readonly at: string;
}

/** What a snapshot keeps: the instance's configuration at the time it was taken. */
export interface SimSnapshot {
  readonly ref: string;
  /** The core's snapshot id. */
  readonly id: string;
  readonly name: string;
  readonly vcpus: number;
  readonly memoryMiB: number;
}

/** A simulated virtual disk. */
export interface SimDisk {
  readonly ref: string;
  /** The core's volume id. */
  readonly volumeId: string;
  /**
   * The host the disk is with; it follows the instance the disk is attached to. Its local storage holds
   * the disk unless the disk is in a shared `storagePool`.
   */
  hostRef: string;
  readonly storagePool: string | undefined;
  readonly sizeGiB: number;
  readonly role: DiskSpec['role'];
  readonly deviceIndex: number;
  readonly imageId: string | undefined;
  /** The instance the disk is attached to, if any. */
  instanceRef: string | undefined;
}

/** A simulated virtual machine. */
export interface SimInstance {
  /** The core's instance id. */
  readonly id: string;
  readonly ref: string;
  readonly name: string;
  hostRef: string;
  power: DriverPowerState;
  vcpus: number;
  memoryMiB: number;
  /** Disk references by the core's volume id. */
  readonly disks: Map<string, string>;
  readonly nics: readonly NicSpec[];
  readonly snapshots: Map<string, SimSnapshot>;
  /**
   * Set when its host crashed while the instance was resident: the power was cut, but nobody could
   * see it until the host comes back, when the driver reports the stop.
   */
  lostPower: boolean;
}

/** The SPI view of an instance; a fresh object, so callers cannot reach into the simulator's state. */
export function describeInstance(instance: SimInstance): DriverInstance {
  return {
    id: instance.id,
    ref: instance.ref,
    hostRef: instance.hostRef,
    power: instance.power,
    vcpus: instance.vcpus,
    memoryMiB: instance.memoryMiB,
    disks: Object.fromEntries(instance.disks),
  };
}
