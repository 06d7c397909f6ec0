import type { ErrorCode } from '../../errors/codes.js';
import type { EcloudError } from '../../errors/ecloud-error.js';
import type { ComputeCapabilities, ComputeCapability } from '../../spi/capabilities.js';
import type {
  CreatedInstance,
  DiskSpec,
  DriverEvent,
  DriverHost,
  DriverInstance,
  DriverPowerState,
  HostUsage,
  InstanceSpec,
} from '../../spi/compute-driver.js';
import { simError } from './sim-errors.js';
import { isResident, SimHost } from './sim-host.js';
import {
  describeInstance,
  type SimDisk,
  type SimInstance,
  type SimSnapshot,
  type WipeRecord,
} from './sim-records.js';
import { checkDiskSpec, checkInstanceSpec, checkSize } from './sim-spec.js';
import type { ResolvedSimHost } from './simulator-options.js';

/** How a simulated host fails: a crash cuts the power of its instances, a partition only hides them. @public */
export type HostFailureMode = 'crash' | 'partition';

interface Placed {
  readonly instance: SimInstance;
  readonly host: SimHost;
}

/**
 * The simulated hypervisor: its hosts, instances, disks and snapshots, and the rules a real one
 * enforces (power state machine, capacity, capabilities). Every operation is synchronous and checks
 * everything before it changes anything, so a refused operation leaves no trace. Lookups go through
 * maps keyed by reference or by the core's ids, never through scans, so 50,000 instances cost no
 * more per call than one. Operations named like a `ComputeDriver` method do what that method
 * promises; the driver around this class adds the connection, latency, abort and fault handling.
 */
export class SimState {
  private readonly hosts = new Map<string, SimHost>();
  private readonly instancesByRef = new Map<string, SimInstance>();
  private readonly instanceRefById = new Map<string, string>();
  private readonly disksByRef = new Map<string, SimDisk>();
  private readonly diskRefByVolumeId = new Map<string, string>();
  private readonly wipeLog: WipeRecord[] = [];
  private refCounter = 0;

  constructor(
    private readonly driver: string,
    private readonly capabilities: Readonly<ComputeCapabilities>,
    hosts: readonly ResolvedSimHost[],
    private readonly emit: (event: DriverEvent) => void,
  ) {
    for (const host of hosts) this.hosts.set(host.ref, new SimHost(host, driver));
  }

  /** Every secure erase performed so far, oldest first. */
  get wipes(): readonly WipeRecord[] {
    return this.wipeLog;
  }

  /** How many instances exist. */
  get instanceCount(): number {
    return this.instancesByRef.size;
  }

  /** Every instance, on reachable hosts or not: the view of someone standing in the machine room. */
  *instances(): Generator<DriverInstance, void, undefined> {
    for (const instance of this.instancesByRef.values()) yield describeInstance(instance);
  }

  listHosts(): DriverHost[] {
    return Array.from(this.hosts.values(), (host) => host.describe());
  }

  getHost(hostRef: string): DriverHost {
    return this.host(hostRef).describe();
  }

  hostUsage(hostRef: string): HostUsage {
    return this.host(hostRef).usage();
  }

  createInstance(spec: InstanceSpec): CreatedInstance {
    checkInstanceSpec(spec);
    const host = this.reachableHost(spec.hostRef);
    this.assertNewInstance(spec);
    this.assertInstanceFits(host, spec);
    return this.define(spec, host);
  }

  findInstance(instanceId: string): DriverInstance | undefined {
    const ref = this.instanceRefById.get(instanceId);
    if (ref === undefined) return undefined;
    return describeInstance(this.placed(ref).instance);
  }

  start(instanceRef: string): void {
    const { instance, host } = this.placed(instanceRef);
    this.requirePower(instance, ['stopped'], 'start');
    this.setPower(instance, host, 'running');
  }

  powerOff(instanceRef: string): void {
    const { instance, host } = this.placed(instanceRef);
    this.requirePower(instance, ['running', 'suspended'], 'power off');
    this.setPower(instance, host, 'stopped');
  }

  reboot(instanceRef: string): void {
    const { instance } = this.placed(instanceRef);
    this.requirePower(instance, ['running'], 'reboot');
  }

  suspend(instanceRef: string): void {
    this.requireCapability('suspend', 'suspend');
    const { instance, host } = this.placed(instanceRef);
    this.requirePower(instance, ['running'], 'suspend');
    this.setPower(instance, host, 'suspended');
  }

  resume(instanceRef: string): void {
    this.requireCapability('suspend', 'resume');
    const { instance, host } = this.placed(instanceRef);
    this.requirePower(instance, ['suspended'], 'resume');
    this.setPower(instance, host, 'running');
  }

  resize(instanceRef: string, size: { readonly vcpus: number; readonly memoryMiB: number }): void {
    checkSize(size);
    const { instance, host } = this.placed(instanceRef);
    this.requirePower(instance, this.capabilities.hotResize ? ['stopped', 'running'] : ['stopped'], 'resize');
    host.assertVcpusFit(size.vcpus);
    if (isResident(instance.power) && size.memoryMiB > instance.memoryMiB) {
      host.assertMemoryFits(size.memoryMiB - instance.memoryMiB);
    }
    host.release(instance.vcpus, instance.memoryMiB, instance.power);
    instance.vcpus = size.vcpus;
    instance.memoryMiB = size.memoryMiB;
    host.hold(instance.vcpus, instance.memoryMiB, instance.power);
  }

  delete(instanceRef: string, wipe: boolean): void {
    if (wipe) this.requireCapability('secureErase', 'wipe disks');
    const { instance, host } = this.placed(instanceRef);
    host.release(instance.vcpus, instance.memoryMiB, instance.power);
    for (const diskRef of instance.disks.values()) this.destroyDisk(this.disk(diskRef), wipe);
    host.instances.delete(instance.ref);
    this.instancesByRef.delete(instance.ref);
    this.instanceRefById.delete(instance.id);
  }

  migrate(instanceRef: string, targetHostRef: string, live: boolean): void {
    this.requireCapability(live ? 'liveMigration' : 'coldMigration', live ? 'migrate live' : 'migrate cold');
    const instance = this.instance(instanceRef);
    const source = this.host(instance.hostRef);
    // A crashed host's instances are off and their disks sit on storage that outlived the host, so a
    // cold move away from it is how they are restarted elsewhere (R-HA-1). A partitioned host may still
    // run them, so nothing may move off it: that would run one VM twice (R-HA-2).
    if (live || source.state !== 'down') source.assertReachable({ instanceRef });
    this.requirePower(instance, live ? ['running'] : ['stopped'], live ? 'migrate live' : 'migrate cold');
    const target = this.reachableHost(targetHostRef);
    if (target === source) {
      throw this.error('INVALID_ARGUMENT', `Instance ${instanceRef} is already on host ${targetHostRef}.`, {
        instanceRef,
        hostRef: targetHostRef,
      });
    }
    const disks = Array.from(instance.disks.values(), (ref) => this.disk(ref));
    target.assertVcpusFit(instance.vcpus);
    target.assertReachesPools(disks.map((disk) => disk.storagePool));
    target.assertStorageFits(localGiB(disks));
    if (isResident(instance.power)) target.assertMemoryFits(instance.memoryMiB);
    source.release(instance.vcpus, instance.memoryMiB, instance.power);
    target.hold(instance.vcpus, instance.memoryMiB, instance.power);
    for (const disk of disks) this.moveDisk(disk, target);
    source.instances.delete(instance.ref);
    target.instances.add(instance.ref);
    instance.hostRef = target.ref;
    instance.lostPower = false;
  }

  clone(instanceRef: string, spec: InstanceSpec): CreatedInstance {
    this.requireCapability('clone', 'clone');
    checkInstanceSpec(spec);
    const { instance: source } = this.placed(instanceRef);
    this.requirePower(source, ['stopped', 'running'], 'clone');
    const target = this.reachableHost(spec.hostRef);
    this.assertNewInstance(spec);
    this.assertDisksMatch(source, spec);
    this.assertInstanceFits(target, spec);
    return this.define(spec, target);
  }

  createDisk(hostRef: string, disk: DiskSpec): string {
    checkDiskSpec(disk);
    const host = this.reachableHost(hostRef);
    this.assertNewVolume(disk.id);
    host.assertReachesPools([disk.storagePool]);
    host.assertStorageFits(localGiB([disk]));
    return this.defineDisk(host, disk, undefined).ref;
  }

  attachDisk(instanceRef: string, diskRef: string): void {
    const { instance, host } = this.placed(instanceRef);
    const disk = this.disk(diskRef);
    // Attaching what is already attached is a retried call whose reply got lost: nothing to do.
    if (disk.instanceRef === instance.ref) return;
    if (disk.instanceRef !== undefined) {
      throw this.error('ILLEGAL_STATE', `Disk ${diskRef} is attached to instance ${disk.instanceRef}.`, {
        diskRef,
        attachedTo: disk.instanceRef,
      });
    }
    this.requireDiskChangePower(instance, 'attach a disk to');
    for (const ref of instance.disks.values()) {
      if (this.disk(ref).deviceIndex === disk.deviceIndex) {
        throw this.error(
          'ILLEGAL_STATE',
          `Device slot ${disk.deviceIndex} of instance ${instanceRef} is taken.`,
          {
            instanceRef,
            diskRef,
            deviceIndex: disk.deviceIndex,
            occupiedBy: ref,
          },
        );
      }
    }
    if (disk.hostRef !== host.ref) {
      host.assertReachesPools([disk.storagePool]);
      host.assertStorageFits(localGiB([disk]));
    }
    this.moveDisk(disk, host);
    disk.instanceRef = instance.ref;
    instance.disks.set(disk.volumeId, disk.ref);
  }

  detachDisk(instanceRef: string, diskRef: string): void {
    const { instance } = this.placed(instanceRef);
    const disk = this.disk(diskRef);
    // Detaching what is already detached is a retried call whose reply got lost: nothing to do.
    if (disk.instanceRef === undefined) return;
    if (disk.instanceRef !== instance.ref) {
      throw this.error(
        'ILLEGAL_STATE',
        `Disk ${diskRef} is attached to instance ${disk.instanceRef}, not ${instanceRef}.`,
        {
          diskRef,
          instanceRef,
          attachedTo: disk.instanceRef,
        },
      );
    }
    if (disk.role === 'system') {
      throw this.error('ILLEGAL_STATE', `Disk ${diskRef} is the system disk of instance ${instanceRef}.`, {
        diskRef,
        instanceRef,
      });
    }
    this.requireDiskChangePower(instance, 'detach a disk from');
    disk.instanceRef = undefined;
    instance.disks.delete(disk.volumeId);
  }

  deleteDisk(diskRef: string, wipe: boolean): void {
    if (wipe) this.requireCapability('secureErase', 'wipe a disk');
    const disk = this.disk(diskRef);
    if (disk.instanceRef !== undefined) {
      throw this.error('ILLEGAL_STATE', `Disk ${diskRef} is attached to instance ${disk.instanceRef}.`, {
        diskRef,
        attachedTo: disk.instanceRef,
      });
    }
    this.destroyDisk(disk, wipe);
  }

  findDisk(volumeId: string): string | undefined {
    return this.diskRefByVolumeId.get(volumeId);
  }

  createSnapshot(instanceRef: string, snapshot: { readonly id: string; readonly name: string }): string {
    this.requireCapability('snapshot', 'snapshot');
    const { instance } = this.placed(instanceRef);
    for (const existing of instance.snapshots.values()) {
      if (existing.id === snapshot.id) {
        throw this.error('ALREADY_EXISTS', `Instance ${instanceRef} already has snapshot ${snapshot.id}.`, {
          instanceRef,
          snapshotId: snapshot.id,
          snapshotRef: existing.ref,
        });
      }
    }
    const ref = this.newRef('snap');
    instance.snapshots.set(ref, {
      ref,
      id: snapshot.id,
      name: snapshot.name,
      vcpus: instance.vcpus,
      memoryMiB: instance.memoryMiB,
    });
    return ref;
  }

  revertSnapshot(instanceRef: string, snapshotRef: string): void {
    this.requireCapability('snapshot', 'revert a snapshot');
    const { instance, host } = this.placed(instanceRef);
    const snapshot = this.snapshot(instance, snapshotRef);
    // Reverting swaps the disks under the guest; the simulator's snapshots hold no memory image to
    // swap with them, so the guest must be off.
    this.requirePower(instance, ['stopped'], 'revert a snapshot of');
    host.assertVcpusFit(snapshot.vcpus);
    instance.vcpus = snapshot.vcpus;
    instance.memoryMiB = snapshot.memoryMiB;
  }

  deleteSnapshot(instanceRef: string, snapshotRef: string): void {
    this.requireCapability('snapshot', 'delete a snapshot');
    const { instance } = this.placed(instanceRef);
    this.snapshot(instance, snapshotRef);
    instance.snapshots.delete(snapshotRef);
  }

  /** Takes a host down and tells subscribers; a crash also cuts the power of its instances. */
  failHost(hostRef: string, mode: HostFailureMode): void {
    const host = this.host(hostRef);
    const state = mode === 'crash' ? 'down' : 'disconnected';
    if (host.state === state) return;
    if (mode === 'crash') {
      for (const ref of host.instances) {
        const instance = this.instance(ref);
        if (!isResident(instance.power)) continue;
        this.setPower(instance, host, 'stopped');
        instance.lostPower = true;
      }
    }
    host.state = state;
    this.emit({ type: 'host.state', hostRef, state });
  }

  /** Brings a host back; instances a crash powered off are reported stopped now that they can be seen. */
  /**
   * Powers a host off out of band (a partitioned one too: the management network is not the power
   * controller's): what ran on it stops, and it stays down until recovered.
   */
  fence(hostRef: string): void {
    this.requireCapability('fencing', 'fence a host');
    this.failHost(hostRef, 'crash');
  }

  recoverHost(hostRef: string): void {
    const host = this.host(hostRef);
    if (host.state === 'up') return;
    host.state = 'up';
    this.emit({ type: 'host.state', hostRef, state: 'up' });
    for (const ref of host.instances) {
      const instance = this.instance(ref);
      if (!instance.lostPower) continue;
      instance.lostPower = false;
      this.emit({ type: 'instance.power', instanceRef: ref, power: 'stopped' });
    }
  }

  /** The guest shuts itself down (or crashes) without the core asking; subscribers are told. */
  guestPowerOff(instanceRef: string): void {
    const { instance, host } = this.placed(instanceRef);
    this.requirePower(instance, ['running', 'suspended'], 'power off from the guest');
    this.setPower(instance, host, 'stopped');
    this.emit({ type: 'instance.power', instanceRef, power: 'stopped' });
  }

  private define(spec: InstanceSpec, host: SimHost): CreatedInstance {
    const instance: SimInstance = {
      id: spec.id,
      ref: this.newRef('vm'),
      name: spec.name,
      hostRef: host.ref,
      power: 'stopped',
      vcpus: spec.vcpus,
      memoryMiB: spec.memoryMiB,
      disks: new Map(),
      nics: spec.nics.map((nic) => ({ mac: nic.mac, network: nic.network })),
      snapshots: new Map(),
      lostPower: false,
    };
    for (const diskSpec of spec.disks) {
      instance.disks.set(diskSpec.id, this.defineDisk(host, diskSpec, instance.ref).ref);
    }
    this.instancesByRef.set(instance.ref, instance);
    this.instanceRefById.set(instance.id, instance.ref);
    host.instances.add(instance.ref);
    if (spec.start) this.setPower(instance, host, 'running');
    return { ref: instance.ref, disks: Object.fromEntries(instance.disks) };
  }

  private defineDisk(host: SimHost, spec: DiskSpec, instanceRef: string | undefined): SimDisk {
    const disk: SimDisk = {
      ref: this.newRef('disk'),
      volumeId: spec.id,
      hostRef: host.ref,
      sizeGiB: spec.sizeGiB,
      role: spec.role,
      deviceIndex: spec.deviceIndex,
      imageId: spec.imageId,
      storagePool: spec.storagePool,
      instanceRef,
    };
    host.holdStorage(localGiB([disk]));
    this.disksByRef.set(disk.ref, disk);
    this.diskRefByVolumeId.set(disk.volumeId, disk.ref);
    return disk;
  }

  private destroyDisk(disk: SimDisk, wipe: boolean): void {
    this.host(disk.hostRef).releaseStorage(localGiB([disk]));
    this.disksByRef.delete(disk.ref);
    this.diskRefByVolumeId.delete(disk.volumeId);
    if (wipe) this.wipeLog.push({ diskRef: disk.ref, volumeId: disk.volumeId, at: new Date().toISOString() });
  }

  private moveDisk(disk: SimDisk, target: SimHost): void {
    if (disk.hostRef === target.ref) return;
    this.host(disk.hostRef).releaseStorage(localGiB([disk]));
    target.holdStorage(localGiB([disk]));
    disk.hostRef = target.ref;
  }

  private setPower(instance: SimInstance, host: SimHost, power: DriverPowerState): void {
    if (!isResident(instance.power) && isResident(power)) host.assertMemoryFits(instance.memoryMiB);
    host.release(instance.vcpus, instance.memoryMiB, instance.power);
    instance.power = power;
    host.hold(instance.vcpus, instance.memoryMiB, instance.power);
    if (power !== 'stopped') instance.lostPower = false;
  }

  private assertNewInstance(spec: InstanceSpec): void {
    const existing = this.instanceRefById.get(spec.id);
    if (existing !== undefined) {
      throw this.error('ALREADY_EXISTS', `Instance ${spec.id} already exists as ${existing}.`, {
        instanceId: spec.id,
        instanceRef: existing,
      });
    }
    for (const disk of spec.disks) this.assertNewVolume(disk.id);
  }

  private assertNewVolume(volumeId: string): void {
    const existing = this.diskRefByVolumeId.get(volumeId);
    if (existing === undefined) return;
    throw this.error('ALREADY_EXISTS', `Volume ${volumeId} already exists as disk ${existing}.`, {
      volumeId,
      diskRef: existing,
    });
  }

  private assertInstanceFits(host: SimHost, spec: InstanceSpec): void {
    host.assertVcpusFit(spec.vcpus);
    host.assertReachesPools(spec.disks.map((disk) => disk.storagePool));
    host.assertStorageFits(localGiB(spec.disks));
    if (spec.start) host.assertMemoryFits(spec.memoryMiB);
  }

  // A clone copies each source disk into the spec disk in the same device slot; a slot without a
  // partner on either side, or a copy smaller than its source, means the core built a wrong spec.
  private assertDisksMatch(source: SimInstance, spec: InstanceSpec): void {
    const sourceBySlot = new Map<number, SimDisk>();
    for (const ref of source.disks.values()) {
      const disk = this.disk(ref);
      sourceBySlot.set(disk.deviceIndex, disk);
    }
    const mismatch = (message: string, details: Record<string, unknown>) =>
      this.error('INVALID_ARGUMENT', `Invalid clone spec: ${message}`, {
        instanceRef: source.ref,
        sourceSlots: [...sourceBySlot.keys()],
        ...details,
      });
    if (spec.disks.length !== sourceBySlot.size) {
      throw mismatch(`${spec.disks.length} disks for a source with ${sourceBySlot.size}.`, {
        specSlots: spec.disks.map((disk) => disk.deviceIndex),
      });
    }
    for (const disk of spec.disks) {
      const original = sourceBySlot.get(disk.deviceIndex);
      if (original === undefined) {
        throw mismatch(`the source has no disk in slot ${disk.deviceIndex}.`, { volumeId: disk.id });
      }
      if (disk.sizeGiB < original.sizeGiB) {
        throw mismatch(
          `disk ${disk.id} (${disk.sizeGiB} GiB) is smaller than its source (${original.sizeGiB} GiB).`,
          {
            volumeId: disk.id,
            sourceDiskRef: original.ref,
          },
        );
      }
    }
  }

  private requireCapability(capability: ComputeCapability, operation: string): void {
    if (this.capabilities[capability]) return;
    throw this.error('UNSUPPORTED', `Driver ${this.driver} cannot ${operation}: it lacks ${capability}.`, {
      capability,
    });
  }

  private requirePower(instance: SimInstance, allowed: readonly DriverPowerState[], operation: string): void {
    if (allowed.includes(instance.power)) return;
    throw this.error(
      'ILLEGAL_STATE',
      `Cannot ${operation} instance ${instance.ref} while it is ${instance.power}.`,
      {
        instanceRef: instance.ref,
        power: instance.power,
        operation,
        allowedFrom: allowed,
      },
    );
  }

  private requireDiskChangePower(instance: SimInstance, operation: string): void {
    this.requirePower(
      instance,
      this.capabilities.hotplugDisk ? ['stopped', 'running'] : ['stopped'],
      operation,
    );
  }

  private host(hostRef: string): SimHost {
    const host = this.hosts.get(hostRef);
    if (host === undefined) throw this.error('NOT_FOUND', `No host ${hostRef}.`, { hostRef });
    return host;
  }

  private reachableHost(hostRef: string): SimHost {
    const host = this.host(hostRef);
    host.assertReachable();
    return host;
  }

  private instance(instanceRef: string): SimInstance {
    const instance = this.instancesByRef.get(instanceRef);
    if (instance === undefined) throw this.error('NOT_FOUND', `No instance ${instanceRef}.`, { instanceRef });
    return instance;
  }

  // The instance together with its host, which must be up: the hypervisor reaches an instance only
  // through the host it lives on.
  private placed(instanceRef: string): Placed {
    const instance = this.instance(instanceRef);
    const host = this.host(instance.hostRef);
    host.assertReachable({ instanceRef });
    return { instance, host };
  }

  private disk(diskRef: string): SimDisk {
    const disk = this.disksByRef.get(diskRef);
    if (disk === undefined) throw this.error('NOT_FOUND', `No disk ${diskRef}.`, { diskRef });
    return disk;
  }

  private snapshot(instance: SimInstance, snapshotRef: string): SimSnapshot {
    const snapshot = instance.snapshots.get(snapshotRef);
    if (snapshot === undefined) {
      throw this.error('NOT_FOUND', `Instance ${instance.ref} has no snapshot ${snapshotRef}.`, {
        instanceRef: instance.ref,
        snapshotRef,
      });
    }
    return snapshot;
  }

  private newRef(kind: string): string {
    this.refCounter += 1;
    return `${this.driver}-${kind}-${this.refCounter}`;
  }

  private error(code: ErrorCode, message: string, details: Record<string, unknown>): EcloudError {
    return simError(this.driver, code, message, details);
  }
}

/** What disks take of their host's local storage: a disk in a shared pool takes none. */
function localGiB(
  disks: readonly { readonly sizeGiB: number; readonly storagePool?: string | undefined }[],
): number {
  let sum = 0;
  for (const disk of disks) if (disk.storagePool === undefined) sum += disk.sizeGiB;
  return sum;
}
