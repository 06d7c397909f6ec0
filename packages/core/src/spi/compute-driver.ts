import type { HypervisorKind } from '../model/common.js';
import type { CpuTopology, DriverHostState } from '../model/host.js';
import type { ComputeCapabilities } from './capabilities.js';

/** The compute SPI version this core implements. A driver's major must match, its minor be ≤ ours. @public */
export const COMPUTE_SPI_VERSION = '1.1';

/**
 * What the core hands every driver call. Drivers never sleep or poll on their own: the core owns
 * waiting, retries and timeouts, and aborts `signal` on cancel or timeout.
 * @public
 */
export interface DriverCallOptions {
  readonly signal: AbortSignal;
  /** Reports progress of this call, 0–100. */
  readonly progress: (percent: number, message?: string) => void;
}

/** A host as its driver describes it. @public */
export interface DriverHost {
  /** The driver's stable reference to the host (a libvirt URI, a vCenter moref, ...). */
  readonly ref: string;
  readonly name: string;
  readonly cpu: CpuTopology;
  readonly memoryMiB: number;
  readonly storageGiB: number;
  /** Shared storage pools the host reaches (since SPI 1.1); none when left out. */
  readonly storagePools?: readonly string[];
  readonly state: DriverHostState;
}

/** Live use of a host (R-SCHED-1, R-MON-1). @public */
export interface HostUsage {
  readonly ref: string;
  readonly state: DriverHostState;
  readonly cpuUsedPercent: number;
  readonly memoryUsedMiB: number;
  readonly storageUsedGiB: number;
  readonly instances: number;
}

/** A disk as the core asks a driver to make it. `id` is the core's volume id. @public */
export interface DiskSpec {
  readonly id: string;
  readonly sizeGiB: number;
  readonly role: 'system' | 'data';
  readonly deviceIndex: number;
  /** The image a system disk is made from. */
  readonly imageId?: string;
  /** The shared pool to make the disk in (since SPI 1.1); the host's local storage when left out. */
  readonly storagePool?: string;
}

/** A virtual NIC as the core asks a driver to make it. @public */
export interface NicSpec {
  readonly mac: string;
  readonly network: string;
}

/** An instance as the core asks a driver to make it. `id` is the core's instance id. @public */
export interface InstanceSpec {
  readonly id: string;
  readonly name: string;
  readonly hostRef: string;
  readonly vcpus: number;
  readonly memoryMiB: number;
  readonly disks: readonly DiskSpec[];
  readonly nics: readonly NicSpec[];
  /** Power the instance on once it exists. */
  readonly start: boolean;
}

/** Power state as a hypervisor reports it. @public */
export type DriverPowerState = 'running' | 'stopped' | 'suspended';

/** What a driver knows of an instance. @public */
export interface DriverInstance {
  /** The core's instance id that the driver stored with the instance. */
  readonly id: string;
  readonly ref: string;
  readonly hostRef: string;
  readonly power: DriverPowerState;
  readonly vcpus: number;
  readonly memoryMiB: number;
  /** References of the instance's disks by the core's volume id. */
  readonly disks: Readonly<Record<string, string>>;
}

/** An instance the driver made: its reference and its disks' references by volume id. @public */
export interface CreatedInstance {
  readonly ref: string;
  readonly disks: Readonly<Record<string, string>>;
}

/** Something a driver noticed on its own (a host went down, an instance stopped). @public */
export type DriverEvent =
  | { readonly type: 'host.state'; readonly hostRef: string; readonly state: DriverHostState }
  | { readonly type: 'instance.power'; readonly instanceRef: string; readonly power: DriverPowerState };

/**
 * The compute driver SPI (R-COMP-1). One object serves one hypervisor endpoint; a cloud holds many.
 * Instance and disk methods address objects by the driver's own references. Every method throws
 * (ideally an `EcloudError` with code `DRIVER_FAILURE` / `DRIVER_UNAVAILABLE`) on failure; the core
 * wraps anything else.
 * @public
 */
export interface ComputeDriver {
  /** Unique within a cloud: names this driver instance (`kvm-rack1`, `sim`). */
  readonly name: string;
  readonly hypervisor: HypervisorKind;
  /** The SPI version the driver implements, e.g. `1.0`. */
  readonly spiVersion: string;
  readonly capabilities: Readonly<ComputeCapabilities>;

  /** Opens connections; called once when the cloud starts. */
  connect(options: DriverCallOptions): Promise<void>;
  /** Releases connections; called once when the cloud closes. */
  close(): Promise<void>;

  /** Every host this endpoint serves. */
  listHosts(options: DriverCallOptions): Promise<readonly DriverHost[]>;
  /** One host by reference; `NOT_FOUND` if the endpoint does not know it. */
  getHost(hostRef: string, options: DriverCallOptions): Promise<DriverHost>;
  /**
   * Fences a host (capability `fencing`): powers it off or isolates it out of band, so that none of its
   * instances runs any more, and resolves only once that is confirmed — it throws otherwise, and the
   * core then restarts nothing. A fenced host reports `down` until it is brought back.
   */
  fence(hostRef: string, options: DriverCallOptions): Promise<void>;
  /** What the host uses now, for placement and monitoring. */
  hostUsage(hostRef: string, options: DriverCallOptions): Promise<HostUsage>;

  /** Makes an instance with its disks and NICs on `spec.hostRef`, powered on if `spec.start`. */
  createInstance(spec: InstanceSpec, options: DriverCallOptions): Promise<CreatedInstance>;
  /** Finds an instance by the core's id, for reconciliation after a crash; undefined if none. */
  findInstance(instanceId: string, options: DriverCallOptions): Promise<DriverInstance | undefined>;
  /** Powers a stopped instance on. */
  start(instanceRef: string, options: DriverCallOptions): Promise<void>;
  /** Stops an instance: `force` cuts power, otherwise the guest is asked to shut down. */
  powerOff(instanceRef: string, mode: { readonly force: boolean }, options: DriverCallOptions): Promise<void>;
  /** Restarts a running instance. */
  reboot(instanceRef: string, options: DriverCallOptions): Promise<void>;
  /** Pauses a running instance in memory. */
  suspend(instanceRef: string, options: DriverCallOptions): Promise<void>;
  /** Continues a suspended instance. */
  resume(instanceRef: string, options: DriverCallOptions): Promise<void>;
  /** Sets vCPUs and memory; on a running instance only with `hotResize`. */
  resize(
    instanceRef: string,
    size: { readonly vcpus: number; readonly memoryMiB: number },
    options: DriverCallOptions,
  ): Promise<void>;
  /** Removes an instance and its disks; with `wipe`, disks are overwritten first (R-SEC-6). */
  delete(instanceRef: string, mode: { readonly wipe: boolean }, options: DriverCallOptions): Promise<void>;
  /** Moves an instance to another host of this endpoint: live while running, cold while stopped. */
  migrate(
    instanceRef: string,
    targetHostRef: string,
    mode: { readonly live: boolean },
    options: DriverCallOptions,
  ): Promise<void>;
  /** Copies an instance and its disks into a new instance described by `spec`. */
  clone(instanceRef: string, spec: InstanceSpec, options: DriverCallOptions): Promise<CreatedInstance>;

  /** Makes a data disk on a host; returns its reference. */
  createDisk(hostRef: string, disk: DiskSpec, options: DriverCallOptions): Promise<string>;
  /** Attaches a disk to an instance at the disk's device index. */
  attachDisk(instanceRef: string, diskRef: string, options: DriverCallOptions): Promise<void>;
  /** Detaches a disk from an instance, keeping its data. */
  detachDisk(instanceRef: string, diskRef: string, options: DriverCallOptions): Promise<void>;
  /** Removes a detached disk; with `wipe`, its blocks are overwritten first (R-SEC-6). */
  deleteDisk(diskRef: string, mode: { readonly wipe: boolean }, options: DriverCallOptions): Promise<void>;
  /** Finds a disk by the core's volume id, for reconciliation; undefined if none. */
  findDisk(volumeId: string, options: DriverCallOptions): Promise<string | undefined>;

  /** Takes a snapshot of an instance; returns its reference. */
  createSnapshot(
    instanceRef: string,
    snapshot: { readonly id: string; readonly name: string },
    options: DriverCallOptions,
  ): Promise<string>;
  /** Returns a stopped instance to a snapshot. */
  revertSnapshot(instanceRef: string, snapshotRef: string, options: DriverCallOptions): Promise<void>;
  /** Removes a snapshot. */
  deleteSnapshot(instanceRef: string, snapshotRef: string, options: DriverCallOptions): Promise<void>;

  /** Subscribes to events the driver notices on its own; returns the unsubscribe function. */
  subscribe(listener: (event: DriverEvent) => void): () => void;
}
