import type { HypervisorKind } from '../../model/common.js';
import type { ComputeCapabilities } from '../../spi/capabilities.js';
import {
  COMPUTE_SPI_VERSION,
  type ComputeDriver,
  type CreatedInstance,
  type DiskSpec,
  type DriverCallOptions,
  type DriverEvent,
  type DriverHost,
  type DriverInstance,
  type HostUsage,
  type InstanceSpec,
} from '../../spi/compute-driver.js';
import { abortableDelay, throwIfAborted } from './abortable-delay.js';
import { DriverEventHub } from './driver-event-hub.js';
import {
  type ComputeDriverMethod,
  type FailNextOptions,
  type FailWhenOptions,
  FaultInjector,
  type FaultPredicate,
  type SimulatorCall,
} from './fault-injector.js';
import { simError } from './sim-errors.js';
import type { WipeRecord } from './sim-records.js';
import { type HostFailureMode, SimState } from './sim-state.js';
import { resolveSimulatorOptions, type SimulatorOptions } from './simulator-options.js';

/**
 * The in-memory hypervisor: a {@link ComputeDriver} that enforces what a real one does (power state
 * machine, host capacity, declared capabilities) plus the handles a test needs to watch it and to
 * break it on purpose. The handles act on the simulated world, not through the driver connection, so
 * they work while the driver is disconnected and are neither counted nor failed by injected faults.
 * @public
 */
export interface SimulatorDriver extends ComputeDriver {
  /** Every secure erase performed so far, oldest first (R-SEC-6). */
  readonly wipes: readonly WipeRecord[];
  /** How many instances exist, on any host. */
  readonly instanceCount: number;
  /** Every instance, including those on hosts the driver cannot reach. */
  instances(): IterableIterator<DriverInstance>;
  /** How many times `method` was called, whatever the outcome. */
  callCount(method: ComputeDriverMethod): number;
  /**
   * Fails upcoming calls of `method`: lets `after` calls through, then fails `times` calls in a row.
   * Returns the function that withdraws the rule early.
   */
  failNext(method: ComputeDriverMethod, options?: FailNextOptions): () => void;
  /** Fails every call `predicate` picks until the returned function is called. */
  failWhen(predicate: FaultPredicate, options?: FailWhenOptions): () => void;
  /** Withdraws every `failNext` and `failWhen` rule. */
  clearFaults(): void;
  /**
   * Takes a host down and emits `host.state`. Calls on its instances fail `DRIVER_UNAVAILABLE`. A
   * `crash` (default, state `down`) cuts their power; once the host is back they are reported stopped,
   * and meanwhile a stopped instance may be cold-migrated away, as HA does. A `partition` (state
   * `disconnected`) leaves them running but unreachable.
   */
  failHost(hostRef: string, options?: { readonly mode?: HostFailureMode }): void;
  /** Brings a failed host back and emits `host.state` (and `instance.power` for crash victims). */
  recoverHost(hostRef: string): void;
  /** The guest stops on its own, as on a shutdown from inside or a crash; emits `instance.power`. */
  guestPowerOff(instanceRef: string): void;
  /** Loses the connection: every call fails `DRIVER_UNAVAILABLE` (retryable) until {@link SimulatorDriver.reconnect}. */
  disconnect(): void;
  /** Restores a connection lost with {@link SimulatorDriver.disconnect}; a driver connected before is connected again. */
  reconnect(): void;
}

type CallKind = 'read' | 'write' | 'connect';

class Simulator implements SimulatorDriver {
  readonly name: string;
  readonly hypervisor: HypervisorKind;
  readonly spiVersion = COMPUTE_SPI_VERSION;
  readonly capabilities: Readonly<ComputeCapabilities>;
  private readonly state: SimState;
  private readonly faults: FaultInjector;
  private readonly events = new DriverEventHub();
  private readonly latencyMs: number;
  private connected = false;
  private linkUp = true;

  constructor(options: SimulatorOptions) {
    const resolved = resolveSimulatorOptions(options);
    this.name = resolved.name;
    this.hypervisor = resolved.hypervisor;
    this.capabilities = resolved.capabilities;
    this.latencyMs = resolved.latencyMs;
    this.faults = new FaultInjector(resolved.name);
    this.state = new SimState(resolved.name, resolved.capabilities, resolved.hosts, (event) =>
      this.events.emit(event),
    );
  }

  get wipes(): readonly WipeRecord[] {
    return this.state.wipes;
  }

  get instanceCount(): number {
    return this.state.instanceCount;
  }

  instances(): IterableIterator<DriverInstance> {
    return this.state.instances();
  }

  callCount(method: ComputeDriverMethod): number {
    return this.faults.callCount(method);
  }

  failNext(method: ComputeDriverMethod, options?: FailNextOptions): () => void {
    return this.faults.failNext(method, options);
  }

  failWhen(predicate: FaultPredicate, options?: FailWhenOptions): () => void {
    return this.faults.failWhen(predicate, options);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  failHost(hostRef: string, options: { readonly mode?: HostFailureMode } = {}): void {
    this.state.failHost(hostRef, options.mode ?? 'crash');
  }

  recoverHost(hostRef: string): void {
    this.state.recoverHost(hostRef);
  }

  guestPowerOff(instanceRef: string): void {
    this.state.guestPowerOff(instanceRef);
  }

  disconnect(): void {
    this.linkUp = false;
  }

  reconnect(): void {
    this.linkUp = true;
  }

  connect(options: DriverCallOptions): Promise<void> {
    return this.run({ method: 'connect', args: [options] }, options, 'connect', () => {
      this.connected = true;
    });
  }

  // close() takes no call options, so it cannot be aborted or delayed; it also succeeds over a lost
  // link, since releasing a dead connection needs no peer.
  async close(): Promise<void> {
    this.faults.count('close');
    const fault = this.faults.check({ method: 'close', args: [] });
    if (fault !== undefined && !fault.applied) throw fault.error;
    this.connected = false;
    if (fault !== undefined) throw fault.error;
  }

  listHosts(options: DriverCallOptions): Promise<readonly DriverHost[]> {
    return this.run({ method: 'listHosts', args: [options] }, options, 'read', () => this.state.listHosts());
  }

  getHost(hostRef: string, options: DriverCallOptions): Promise<DriverHost> {
    return this.run({ method: 'getHost', args: [hostRef, options] }, options, 'read', () =>
      this.state.getHost(hostRef),
    );
  }

  fence(hostRef: string, options: DriverCallOptions): Promise<void> {
    return this.run({ method: 'fence', args: [hostRef, options] }, options, 'write', () =>
      this.state.fence(hostRef),
    );
  }

  hostUsage(hostRef: string, options: DriverCallOptions): Promise<HostUsage> {
    return this.run({ method: 'hostUsage', args: [hostRef, options] }, options, 'read', () =>
      this.state.hostUsage(hostRef),
    );
  }

  createInstance(spec: InstanceSpec, options: DriverCallOptions): Promise<CreatedInstance> {
    return this.run({ method: 'createInstance', args: [spec, options] }, options, 'write', () =>
      this.state.createInstance(spec),
    );
  }

  findInstance(instanceId: string, options: DriverCallOptions): Promise<DriverInstance | undefined> {
    return this.run({ method: 'findInstance', args: [instanceId, options] }, options, 'read', () =>
      this.state.findInstance(instanceId),
    );
  }

  start(instanceRef: string, options: DriverCallOptions): Promise<void> {
    return this.run({ method: 'start', args: [instanceRef, options] }, options, 'write', () =>
      this.state.start(instanceRef),
    );
  }

  // Graceful and forced power-off end alike here: the simulated guest always honours the request.
  powerOff(
    instanceRef: string,
    mode: { readonly force: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    return this.run({ method: 'powerOff', args: [instanceRef, mode, options] }, options, 'write', () =>
      this.state.powerOff(instanceRef),
    );
  }

  reboot(instanceRef: string, options: DriverCallOptions): Promise<void> {
    return this.run({ method: 'reboot', args: [instanceRef, options] }, options, 'write', () =>
      this.state.reboot(instanceRef),
    );
  }

  suspend(instanceRef: string, options: DriverCallOptions): Promise<void> {
    return this.run({ method: 'suspend', args: [instanceRef, options] }, options, 'write', () =>
      this.state.suspend(instanceRef),
    );
  }

  resume(instanceRef: string, options: DriverCallOptions): Promise<void> {
    return this.run({ method: 'resume', args: [instanceRef, options] }, options, 'write', () =>
      this.state.resume(instanceRef),
    );
  }

  resize(
    instanceRef: string,
    size: { readonly vcpus: number; readonly memoryMiB: number },
    options: DriverCallOptions,
  ): Promise<void> {
    return this.run({ method: 'resize', args: [instanceRef, size, options] }, options, 'write', () =>
      this.state.resize(instanceRef, size),
    );
  }

  delete(instanceRef: string, mode: { readonly wipe: boolean }, options: DriverCallOptions): Promise<void> {
    return this.run({ method: 'delete', args: [instanceRef, mode, options] }, options, 'write', () =>
      this.state.delete(instanceRef, mode.wipe),
    );
  }

  migrate(
    instanceRef: string,
    targetHostRef: string,
    mode: { readonly live: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    return this.run(
      { method: 'migrate', args: [instanceRef, targetHostRef, mode, options] },
      options,
      'write',
      () => this.state.migrate(instanceRef, targetHostRef, mode.live),
    );
  }

  clone(instanceRef: string, spec: InstanceSpec, options: DriverCallOptions): Promise<CreatedInstance> {
    return this.run({ method: 'clone', args: [instanceRef, spec, options] }, options, 'write', () =>
      this.state.clone(instanceRef, spec),
    );
  }

  createDisk(hostRef: string, disk: DiskSpec, options: DriverCallOptions): Promise<string> {
    return this.run({ method: 'createDisk', args: [hostRef, disk, options] }, options, 'write', () =>
      this.state.createDisk(hostRef, disk),
    );
  }

  attachDisk(instanceRef: string, diskRef: string, options: DriverCallOptions): Promise<void> {
    return this.run({ method: 'attachDisk', args: [instanceRef, diskRef, options] }, options, 'write', () =>
      this.state.attachDisk(instanceRef, diskRef),
    );
  }

  detachDisk(instanceRef: string, diskRef: string, options: DriverCallOptions): Promise<void> {
    return this.run({ method: 'detachDisk', args: [instanceRef, diskRef, options] }, options, 'write', () =>
      this.state.detachDisk(instanceRef, diskRef),
    );
  }

  deleteDisk(diskRef: string, mode: { readonly wipe: boolean }, options: DriverCallOptions): Promise<void> {
    return this.run({ method: 'deleteDisk', args: [diskRef, mode, options] }, options, 'write', () =>
      this.state.deleteDisk(diskRef, mode.wipe),
    );
  }

  findDisk(volumeId: string, options: DriverCallOptions): Promise<string | undefined> {
    return this.run({ method: 'findDisk', args: [volumeId, options] }, options, 'read', () =>
      this.state.findDisk(volumeId),
    );
  }

  createSnapshot(
    instanceRef: string,
    snapshot: { readonly id: string; readonly name: string },
    options: DriverCallOptions,
  ): Promise<string> {
    return this.run(
      { method: 'createSnapshot', args: [instanceRef, snapshot, options] },
      options,
      'write',
      () => this.state.createSnapshot(instanceRef, snapshot),
    );
  }

  revertSnapshot(instanceRef: string, snapshotRef: string, options: DriverCallOptions): Promise<void> {
    return this.run(
      { method: 'revertSnapshot', args: [instanceRef, snapshotRef, options] },
      options,
      'write',
      () => this.state.revertSnapshot(instanceRef, snapshotRef),
    );
  }

  deleteSnapshot(instanceRef: string, snapshotRef: string, options: DriverCallOptions): Promise<void> {
    return this.run(
      { method: 'deleteSnapshot', args: [instanceRef, snapshotRef, options] },
      options,
      'write',
      () => this.state.deleteSnapshot(instanceRef, snapshotRef),
    );
  }

  subscribe(listener: (event: DriverEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  /**
   * The path of every call: count it, honour the abort signal, wait out the latency, check the
   * connection, consult the fault rules, then let the hypervisor act. The state change itself runs
   * synchronously after the last await, so concurrent calls never interleave inside one.
   */
  private async run<T>(
    call: SimulatorCall,
    options: DriverCallOptions,
    kind: CallKind,
    effect: () => T,
  ): Promise<T> {
    this.faults.count(call.method);
    throwIfAborted(options.signal, this.name, call.method);
    // Skipping the timer at 0 keeps a call to a few microtasks, which is what makes 50,000 creates cheap.
    if (this.latencyMs > 0) await abortableDelay(this.latencyMs, options.signal, this.name, call.method);
    if (!this.linkUp) throw this.unavailable(call, 'the connection to the hypervisor is lost');
    if (kind !== 'connect' && !this.connected) throw this.unavailable(call, 'the driver is not connected');
    const fault = this.faults.check(call);
    if (fault !== undefined && !fault.applied) throw fault.error;
    const result = effect();
    if (fault !== undefined) throw fault.error;
    if (kind === 'write') options.progress(100);
    return result;
  }

  private unavailable(call: SimulatorCall, reason: string) {
    return simError(
      this.name,
      'DRIVER_UNAVAILABLE',
      `${call.method} on driver ${this.name} failed: ${reason}.`,
      {
        method: call.method,
      },
    );
  }
}

/**
 * Creates an in-memory simulated hypervisor. Call `connect` before anything else, as the core does
 * when a cloud starts. Throws `INVALID_ARGUMENT` for bad options.
 * @public
 */
export function simulator(options: SimulatorOptions = {}): SimulatorDriver {
  return new Simulator(options);
}
