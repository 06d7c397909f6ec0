/**
 * What a compute driver can do, declared honestly by the driver. The core refuses an operation whose
 * capability is missing with `UNSUPPORTED` before it calls the driver.
 * @public
 */
export interface ComputeCapabilities {
  /** Move a running instance without stopping it. */
  readonly liveMigration: boolean;
  /** Move a stopped instance. */
  readonly coldMigration: boolean;
  /** Copy an instance with its disks. */
  readonly clone: boolean;
  /** Point-in-time snapshots of an instance. */
  readonly snapshot: boolean;
  /** Change vCPUs and memory of a running instance. */
  readonly hotResize: boolean;
  /** Attach and detach disks of a running instance. */
  readonly hotplugDisk: boolean;
  /** Pause an instance in memory and continue it. */
  readonly suspend: boolean;
  /** Overwrite a disk's blocks before its space is released (R-SEC-6). */
  readonly secureErase: boolean;
  /**
   * Cut a failed host off for good — out-of-band power-off or isolation — and confirm it, so its
   * instances can be restarted elsewhere without ever running twice (R-HA-2).
   */
  readonly fencing: boolean;
}

/** A capability's name. @public */
export type ComputeCapability = keyof ComputeCapabilities;
