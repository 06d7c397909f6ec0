import type { EcloudError } from '../../errors/ecloud-error.js';
import type { CpuTopology, DriverHostState } from '../../model/host.js';
import type { DriverHost, DriverPowerState, HostUsage } from '../../spi/compute-driver.js';
import { simError } from './sim-errors.js';
import type { ResolvedSimHost } from './simulator-options.js';

/** Whether an instance in `power` holds memory on its host: a suspended instance stays in memory. */
export function isResident(power: DriverPowerState): boolean {
  return power !== 'stopped';
}

/**
 * One simulated physical host: its hardware, its state, the instances defined on it and running
 * totals of what they use. The totals are kept up to date on every change rather than summed on
 * demand, so capacity checks and usage reports cost O(1) however many instances a host carries.
 */
export class SimHost {
  readonly ref: string;
  readonly name: string;
  readonly cpu: CpuTopology;
  readonly memoryMiB: number;
  readonly storageGiB: number;
  readonly storagePools: readonly string[];
  /** Hardware threads: the most vCPUs a single instance can be given on this host. */
  readonly logicalCpus: number;
  state: DriverHostState = 'up';
  /** References of the instances defined on this host. */
  readonly instances = new Set<string>();
  private residentMemoryMiB = 0;
  private runningVcpus = 0;
  private storageUsedGiB = 0;

  constructor(
    spec: ResolvedSimHost,
    private readonly driver: string,
  ) {
    this.ref = spec.ref;
    this.name = spec.name;
    this.cpu = spec.cpu;
    this.memoryMiB = spec.memoryMiB;
    this.storageGiB = spec.storageGiB;
    this.storagePools = spec.storagePools;
    this.logicalCpus = spec.cpu.sockets * spec.cpu.coresPerSocket * spec.cpu.threadsPerCore;
  }

  /** The host as the SPI describes it. */
  describe(): DriverHost {
    return {
      ref: this.ref,
      name: this.name,
      cpu: this.cpu,
      memoryMiB: this.memoryMiB,
      storageGiB: this.storageGiB,
      storagePools: this.storagePools,
      state: this.state,
    };
  }

  /** What the host's instances use now; CPU load is modelled as running vCPUs per hardware thread. */
  usage(): HostUsage {
    return {
      ref: this.ref,
      state: this.state,
      cpuUsedPercent: Math.min(100, (this.runningVcpus / this.logicalCpus) * 100),
      memoryUsedMiB: this.residentMemoryMiB,
      storageUsedGiB: this.storageUsedGiB,
      instances: this.instances.size,
    };
  }

  /** Throws `DRIVER_UNAVAILABLE` unless the host is up: a down or cut-off host answers nothing. */
  assertReachable(details: Record<string, unknown> = {}): void {
    if (this.state === 'up') return;
    throw simError(this.driver, 'DRIVER_UNAVAILABLE', `Host ${this.ref} is ${this.state}.`, {
      hostRef: this.ref,
      hostState: this.state,
      ...details,
    });
  }

  /** Refuses an instance with more vCPUs than the host has hardware threads. */
  assertVcpusFit(vcpus: number): void {
    if (vcpus <= this.logicalCpus) return;
    throw this.noRoom(
      'vcpus',
      `${vcpus} vCPUs exceed the ${this.logicalCpus} hardware threads of host ${this.ref}.`,
      {
        requestedVcpus: vcpus,
        logicalCpus: this.logicalCpus,
      },
    );
  }

  /** Refuses `extraMiB` more resident memory than the host has left. */
  assertMemoryFits(extraMiB: number): void {
    const freeMiB = this.memoryMiB - this.residentMemoryMiB;
    if (extraMiB <= freeMiB) return;
    throw this.noRoom(
      'memory',
      `Host ${this.ref} has ${freeMiB} MiB of memory free, ${extraMiB} MiB needed.`,
      {
        requestedMiB: extraMiB,
        freeMiB,
        memoryMiB: this.memoryMiB,
      },
    );
  }

  /** Refuses `extraGiB` more disk than the host has left. */
  assertStorageFits(extraGiB: number): void {
    const freeGiB = this.storageGiB - this.storageUsedGiB;
    if (extraGiB <= freeGiB) return;
    throw this.noRoom(
      'storage',
      `Host ${this.ref} has ${freeGiB} GiB of storage free, ${extraGiB} GiB needed.`,
      {
        requestedGiB: extraGiB,
        freeGiB,
        storageGiB: this.storageGiB,
      },
    );
  }

  /** Refuses disks in a shared pool the host does not reach: it could not open them. */
  assertReachesPools(pools: readonly (string | undefined)[]): void {
    for (const pool of pools) {
      if (pool === undefined || this.storagePools.includes(pool)) continue;
      throw simError(this.driver, 'NOT_FOUND', `Host ${this.ref} does not reach storage pool ${pool}.`, {
        hostRef: this.ref,
        storagePool: pool,
        storagePools: [...this.storagePools],
      });
    }
  }

  /** Counts what an instance of this size uses in `power`. */
  hold(vcpus: number, memoryMiB: number, power: DriverPowerState): void {
    if (power === 'running') this.runningVcpus += vcpus;
    if (isResident(power)) this.residentMemoryMiB += memoryMiB;
  }

  /** Stops counting what an instance of this size uses in `power`. */
  release(vcpus: number, memoryMiB: number, power: DriverPowerState): void {
    this.hold(-vcpus, -memoryMiB, power);
  }

  /** Counts a disk's size against the host's storage. */
  holdStorage(sizeGiB: number): void {
    this.storageUsedGiB += sizeGiB;
  }

  /** Returns a disk's size to the host's storage. */
  releaseStorage(sizeGiB: number): void {
    this.storageUsedGiB -= sizeGiB;
  }

  // Capacity refusals are not retryable: the hypervisor says no until something else changes, and
  // a blind retry by the core would only repeat the refusal.
  private noRoom(resource: string, message: string, details: Record<string, unknown>): EcloudError {
    return simError(
      this.driver,
      'DRIVER_FAILURE',
      message,
      { reason: 'capacity', resource, hostRef: this.ref, ...details },
      false,
    );
  }
}
