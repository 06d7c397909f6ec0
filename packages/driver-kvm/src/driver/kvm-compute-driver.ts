import {
  type ComputeCapabilities,
  type ComputeDriver,
  type CreatedInstance,
  type DiskSpec,
  type DriverCallOptions,
  type DriverEvent,
  type DriverHost,
  type DriverInstance,
  type DriverPowerState,
  EcloudError,
  type HostUsage,
  type InstanceSpec,
  parseInput,
  refuseAborted,
} from '@ecloud/core';
import type { z } from 'zod';
import { buildDiskXml, buildDomainXml } from '../domain-xml/build-domain-xml.js';
import { parseDomainXml } from '../domain-xml/parse-domain-xml.js';
import type { LibvirtClient } from '../libvirt/libvirt-client.js';
import { type DomainRef, DomainState, type VolumeRef } from '../libvirt/libvirt-types.js';
import { DomainEventType, type DomainLifecycleEvent } from '../libvirt/lifecycle-event.js';
import { formatDiskRef, parseDiskRef } from './disk-ref.js';
import { instanceDomain, type PlacedDisk, volumeDisk } from './instance-domain.js';
import { KvmDriverOptions } from './kvm-driver-options.js';
import { KvmHost } from './kvm-host.js';
import { migrateDomain } from './migration.js';
import { snapshotXml, volumeName, volumeXml } from './storage-xml.js';

const GIB = 1024 ** 3;

/** A disk made for an instance: where it is, and libvirt's handle on it for an undo. */
type PlacedVolume = PlacedDisk & { readonly ref: VolumeRef };
/** `virDomainModificationImpact`. */
const AFFECT_LIVE = 1;
const AFFECT_CONFIG = 2;
/** `VIR_DOMAIN_VCPU_MAXIMUM` / `VIR_DOMAIN_MEM_MAXIMUM`. */
const MAXIMUM = 4;
/** `VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA`. */
const UNDEFINE_ALL = 1 | 2;

/**
 * KVM through libvirt (R-COMP-1, R-COMP-2): one driver serves a set of hosts, each its own libvirtd.
 * Instances are libvirt domains named by our instance id; their reference is the domain's UUID, which
 * survives migration; disks are volumes of the host's pools named by our volume id, referenced as
 * `pool/volume`. Capabilities are what this driver does with QEMU — fencing needs an out-of-band
 * power controller, which libvirt is not, so it is not declared.
 * @public
 */
export class KvmComputeDriver implements ComputeDriver {
  readonly name: string;
  readonly hypervisor = 'kvm' as const;
  readonly spiVersion = '1.1';
  readonly capabilities: Readonly<ComputeCapabilities> = Object.freeze({
    liveMigration: true,
    coldMigration: true,
    clone: true,
    snapshot: true,
    hotResize: false,
    hotplugDisk: true,
    suspend: true,
    secureErase: true,
    fencing: false,
  });
  readonly #options: z.output<typeof KvmDriverOptions>;
  readonly #hosts: ReadonlyMap<string, KvmHost>;
  /** Which host holds each domain, by UUID: filled as domains are made, found or moved. */
  readonly #located = new Map<string, KvmHost>();
  readonly #listeners = new Set<(event: DriverEvent) => void>();
  /** Callers waiting for a domain to stop, by UUID. */
  readonly #stopWaiters = new Map<string, Set<() => void>>();

  constructor(options: z.output<typeof KvmDriverOptions>) {
    this.#options = options;
    this.name = options.name;
    this.#hosts = new Map(options.hosts.map((host) => [host.ref, new KvmHost(host, options.timeoutMs)]));
  }

  async connect(options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    // A host down at start is reported `disconnected` by listHosts, not a reason to refuse the cloud.
    await Promise.allSettled([...this.#hosts.values()].map((host) => this.#watch(host, options)));
  }

  async #watch(host: KvmHost, options: DriverCallOptions): Promise<void> {
    const client = await host.client();
    await client.onLifecycleEvent((event) => this.#onLifecycle(host, event));
    await this.#describe(host, options);
  }

  #onLifecycle(host: KvmHost, event: DomainLifecycleEvent): void {
    const power = powerOfEvent(event.event);
    if (event.event === DomainEventType.STOPPED || event.event === DomainEventType.SHUTDOWN) {
      for (const wake of this.#stopWaiters.get(event.domain.uuid) ?? []) wake();
    }
    if (event.event !== DomainEventType.UNDEFINED) this.#located.set(event.domain.uuid, host);
    if (power === undefined) return;
    for (const listener of this.#listeners)
      listener({ type: 'instance.power', instanceRef: event.domain.uuid, power });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#hosts.values()].map((host) => host.close()));
  }

  #host(ref: string): KvmHost {
    const host = this.#hosts.get(ref);
    if (!host)
      throw new EcloudError('NOT_FOUND', `Host ${ref} is not one of driver ${this.name}'s.`, {
        details: { hostRef: ref },
      });
    return host;
  }

  async #describe(host: KvmHost, options: DriverCallOptions): Promise<DriverHost> {
    const call = { signal: options.signal };
    try {
      const client = await host.client();
      const [info, hostname, pool] = await Promise.all([
        client.nodeInfo(call),
        client.hostname(call),
        host.pool(host.options.storagePool, options.signal),
      ]);
      const poolInfo = await client.poolInfo(pool, call);
      const facts = host.learn(info, Math.floor(poolInfo.capacity / GIB), hostname);
      return { ref: host.ref, ...facts, storagePools: host.options.sharedPools, state: 'up' };
    } catch (error) {
      if (!EcloudError.is(error) || (error.code !== 'DRIVER_UNAVAILABLE' && error.code !== 'TIMEOUT'))
        throw error;
      host.state = 'disconnected';
      if (!host.facts) throw error;
      return { ref: host.ref, ...host.facts, storagePools: host.options.sharedPools, state: 'disconnected' };
    }
  }

  async listHosts(options: DriverCallOptions): Promise<readonly DriverHost[]> {
    refuseAborted(options);
    const results = await Promise.allSettled(
      [...this.#hosts.values()].map((host) => this.#describe(host, options)),
    );
    // A host never reached has no topology to report; it appears once it answers.
    return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  async getHost(hostRef: string, options: DriverCallOptions): Promise<DriverHost> {
    refuseAborted(options);
    return this.#describe(this.#host(hostRef), options);
  }

  async fence(hostRef: string): Promise<void> {
    throw new EcloudError(
      'UNSUPPORTED',
      `Driver ${this.name} cannot fence host ${hostRef}: libvirt has no out-of-band power control.`,
      {
        details: { capability: 'fencing', hostRef },
      },
    );
  }

  async hostUsage(hostRef: string, options: DriverCallOptions): Promise<HostUsage> {
    refuseAborted(options);
    const host = this.#host(hostRef);
    const client = await host.client();
    const call = { signal: options.signal };
    const [info, free, stats, pool] = await Promise.all([
      client.nodeInfo(call),
      client.freeMemory(call),
      client.allDomainStats(0, 0, call),
      host.pool(host.options.storagePool, options.signal),
    ]);
    const poolInfo = await client.poolInfo(pool, call);
    let cpuTimeNs = 0n;
    let running = 0;
    for (const { params } of stats) {
      const time = params.get('cpu.time');
      if (typeof time === 'bigint') cpuTimeNs += time;
      if (params.get('state.state') === DomainState.RUNNING) running += 1;
    }
    const cpuUsedPercent = cpuPercent(host, cpuTimeNs, info.cpus);
    return {
      ref: hostRef,
      state: 'up',
      cpuUsedPercent,
      memoryUsedMiB: Math.max(0, Math.floor(info.memoryKiB / 1024 - free / 2 ** 20)),
      storageUsedGiB: Math.floor(poolInfo.allocation / GIB),
      instances: running,
    };
  }

  /** The host and handle of a domain by its UUID: from what is known, else by asking every host. */
  async #domain(
    ref: string,
    options: DriverCallOptions,
  ): Promise<{ host: KvmHost; client: LibvirtClient; dom: DomainRef }> {
    const known = this.#located.get(ref);
    const candidates = known
      ? [known, ...[...this.#hosts.values()].filter((h) => h !== known)]
      : [...this.#hosts.values()];
    for (const host of candidates) {
      try {
        const client = await host.client();
        const dom = await client.lookupDomainByUuid(ref, { signal: options.signal });
        this.#located.set(ref, host);
        return { host, client, dom };
      } catch (error) {
        if (!EcloudError.is(error) || (error.code !== 'NOT_FOUND' && error.code !== 'DRIVER_UNAVAILABLE'))
          throw error;
      }
    }
    throw new EcloudError('NOT_FOUND', `No host of driver ${this.name} holds instance ${ref}.`, {
      details: { instanceRef: ref },
    });
  }

  async #makeVolume(host: KvmHost, disk: DiskSpec, signal: AbortSignal): Promise<PlacedVolume> {
    const client = await host.client();
    const poolName = disk.storagePool ?? host.options.storagePool;
    const pool = await host.pool(poolName, signal);
    const name = volumeName(disk.id);
    const xml = volumeXml(name, disk.sizeGiB);
    let ref: VolumeRef;
    if (disk.imageId !== undefined) {
      // A system disk starts as a copy of its image, kept in the same pool under the image's id.
      const image = await client.lookupVolume(pool, disk.imageId, { signal }).catch((error: unknown) => {
        throw EcloudError.is(error) && error.code === 'NOT_FOUND'
          ? new EcloudError(
              'NOT_FOUND',
              `Image ${disk.imageId} is not in pool ${poolName} on host ${host.ref}.`,
              {
                details: { imageId: disk.imageId, pool: poolName, hostRef: host.ref },
              },
            )
          : error;
      });
      ref = await client.cloneVolume(pool, xml, image, 0, { signal });
    } else {
      ref = await client.createVolume(pool, xml, 0, { signal });
    }
    return { id: disk.id, deviceIndex: disk.deviceIndex, pool: poolName, volume: name, ref };
  }

  async #removeVolume(
    client: LibvirtClient,
    volume: VolumeRef,
    wipe: boolean,
    signal?: AbortSignal,
  ): Promise<void> {
    if (wipe) await client.wipeVolume(volume, signal ? { signal } : {});
    await client.deleteVolume(volume, signal ? { signal } : {});
  }

  async createInstance(spec: InstanceSpec, options: DriverCallOptions): Promise<CreatedInstance> {
    refuseAborted(options);
    const host = this.#host(spec.hostRef);
    return this.#assemble(host, spec, (disk) => this.#makeVolume(host, disk, options.signal), options);
  }

  /**
   * Makes an instance's volumes one by one, defines its domain over them and starts it if asked — the
   * one path of a create and a clone. A failure undoes what was made, newest first, and rethrows the
   * original error. The volumes go without a wipe: no guest ever wrote to them, they hold at most an
   * image or a copy of the source's disks.
   */
  async #assemble(
    host: KvmHost,
    spec: InstanceSpec,
    makeVolume: (disk: DiskSpec, index: number) => Promise<PlacedVolume>,
    options: DriverCallOptions,
  ): Promise<CreatedInstance> {
    const client = await host.client();
    const call = { signal: options.signal };
    const made: PlacedVolume[] = [];
    let dom: DomainRef | undefined;
    try {
      for (const [index, disk] of spec.disks.entries()) {
        made.push(await makeVolume(disk, index));
        options.progress(Math.round((made.length / (spec.disks.length + 1)) * 80), `disk ${disk.id} made`);
      }
      dom = await client.defineXml(buildDomainXml(instanceDomain(spec, made, this.#options)), 0, call);
      this.#located.set(dom.uuid, host);
      if (spec.start) await client.start(dom, 0, call);
      options.progress(100);
      return { ref: dom.uuid, disks: Object.fromEntries(made.map((disk) => [disk.id, formatDiskRef(disk)])) };
    } catch (error) {
      if (dom) await client.undefine(dom, UNDEFINE_ALL).catch(() => undefined);
      for (const disk of made.reverse()) await client.deleteVolume(disk.ref).catch(() => undefined);
      throw error;
    }
  }

  async findInstance(instanceId: string, options: DriverCallOptions): Promise<DriverInstance | undefined> {
    refuseAborted(options);
    for (const host of this.#hosts.values()) {
      const client = await host.client();
      const dom = await client
        .lookupDomainByName(instanceId, { signal: options.signal })
        .catch((error: unknown) => {
          if (EcloudError.is(error) && error.code === 'NOT_FOUND') return undefined;
          throw error;
        });
      if (!dom) continue;
      this.#located.set(dom.uuid, host);
      return this.#describeInstance(host, client, dom, options);
    }
    return undefined;
  }

  async #describeInstance(
    host: KvmHost,
    client: LibvirtClient,
    dom: DomainRef,
    options: DriverCallOptions,
  ): Promise<DriverInstance> {
    const [info, xml] = await Promise.all([
      client.domainInfo(dom, { signal: options.signal }),
      client.domainXml(dom, 0, { signal: options.signal }),
    ]);
    const parsed = await parseDomainXml(xml);
    const disks: Record<string, string> = {};
    for (const disk of parsed.disks) {
      if (disk.source.kind === 'volume' && disk.serial !== undefined)
        disks[disk.serial] = formatDiskRef(disk.source);
    }
    return {
      id: parsed.metadata?.instanceId ?? dom.name,
      ref: dom.uuid,
      hostRef: host.ref,
      power: powerOfState(info.state),
      vcpus: info.vcpus,
      memoryMiB: Math.floor(info.maxMemKiB / 1024),
      disks,
    };
  }

  async start(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    await requireState(client, dom, [DomainState.SHUTOFF, DomainState.CRASHED], 'start', options);
    await client.start(dom, 0, { signal: options.signal });
  }

  async powerOff(
    instanceRef: string,
    mode: { readonly force: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    if (mode.force) {
      await client.destroy(dom, 0, { signal: options.signal });
      return;
    }
    const stopped = this.#whenStopped(dom.uuid, options.signal);
    try {
      await client.shutdown(dom, 0, { signal: options.signal });
      // The guest may have stopped before we listened: the state says so either way.
      if ((await client.domainState(dom, { signal: options.signal })).state !== DomainState.SHUTOFF)
        await stopped.promise;
    } finally {
      stopped.cancel();
    }
  }

  /** Resolves when the domain stops (its lifecycle event), rejects with CANCELLED on abort. */
  #whenStopped(uuid: string, signal: AbortSignal): { promise: Promise<void>; cancel: () => void } {
    let wake: () => void = () => undefined;
    let onAbort: () => void = () => undefined;
    const promise = new Promise<void>((resolve, reject) => {
      wake = resolve;
      onAbort = () =>
        reject(new EcloudError('CANCELLED', `Waiting for instance ${uuid} to shut down was cancelled.`));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    const waiters = this.#stopWaiters.get(uuid) ?? new Set();
    waiters.add(wake);
    this.#stopWaiters.set(uuid, waiters);
    return {
      promise,
      cancel: () => {
        signal.removeEventListener('abort', onAbort);
        waiters.delete(wake);
        if (waiters.size === 0) this.#stopWaiters.delete(uuid);
      },
    };
  }

  async reboot(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    await requireState(client, dom, [DomainState.RUNNING, DomainState.BLOCKED], 'reboot', options);
    await client.reboot(dom, 0, { signal: options.signal });
  }

  async suspend(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    await requireState(client, dom, [DomainState.RUNNING, DomainState.BLOCKED], 'suspend', options);
    await client.suspend(dom, { signal: options.signal });
  }

  async resume(instanceRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    await requireState(client, dom, [DomainState.PAUSED], 'resume', options);
    await client.resume(dom, { signal: options.signal });
  }

  async resize(
    instanceRef: string,
    size: { readonly vcpus: number; readonly memoryMiB: number },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    const call = { signal: options.signal };
    // The maximum first, so that growth is allowed; then the current value. Both in the definition:
    // the driver does not declare hot resize, so the core only resizes stopped instances.
    await client.setVcpus(dom, size.vcpus, AFFECT_CONFIG | MAXIMUM, call);
    await client.setVcpus(dom, size.vcpus, AFFECT_CONFIG, call);
    await client.setMemory(dom, size.memoryMiB * 1024, AFFECT_CONFIG | MAXIMUM, call);
    await client.setMemory(dom, size.memoryMiB * 1024, AFFECT_CONFIG, call);
  }

  /**
   * Powers off, wipes every volume, then removes the definition and the volumes: a wipe that fails
   * (a pool whose backend cannot overwrite) leaves the instance defined with its disks, so nothing is
   * half gone and the delete can be retried. An instance already gone counts as deleted.
   */
  async delete(
    instanceRef: string,
    mode: { readonly wipe: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    const found = await this.#domain(instanceRef, options).catch((error: unknown) => {
      if (EcloudError.is(error) && error.code === 'NOT_FOUND') return undefined;
      throw error;
    });
    if (!found) return;
    const { host, client, dom } = found;
    const call = { signal: options.signal };
    const parsed = await parseDomainXml(await client.domainXml(dom, 0, call));
    if ((await client.domainState(dom, call)).state !== DomainState.SHUTOFF)
      await client.destroy(dom, 0, call);
    const volumes: VolumeRef[] = [];
    for (const disk of parsed.disks) {
      if (disk.source.kind !== 'volume') continue;
      volumes.push(
        await client.lookupVolume(
          await host.pool(disk.source.pool, options.signal),
          disk.source.volume,
          call,
        ),
      );
    }
    if (mode.wipe) for (const volume of volumes) await client.wipeVolume(volume, call);
    await client.undefine(dom, UNDEFINE_ALL, call);
    this.#located.delete(dom.uuid);
    for (const volume of volumes) await client.deleteVolume(volume, call);
  }

  async migrate(
    instanceRef: string,
    targetHostRef: string,
    mode: { readonly live: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    const target = this.#host(targetHostRef);
    const destination = target.options.migrationUri;
    if (destination === undefined) {
      throw new EcloudError(
        'ILLEGAL_STATE',
        `Host ${targetHostRef} has no migrationUri: other daemons cannot reach it.`,
        {
          details: { hostRef: targetHostRef },
        },
      );
    }
    const { host, client, dom } = await this.#domain(instanceRef, options);
    if (host === target) {
      throw new EcloudError('ILLEGAL_STATE', `Instance ${instanceRef} is on ${targetHostRef} already.`, {
        details: { hostRef: targetHostRef },
      });
    }
    await migrateDomain({ source: host, client, dom, target, destinationUri: destination }, mode, options);
    this.#located.set(dom.uuid, target);
  }

  async clone(instanceRef: string, spec: InstanceSpec, options: DriverCallOptions): Promise<CreatedInstance> {
    refuseAborted(options);
    const { host, client, dom } = await this.#domain(instanceRef, options);
    if (spec.hostRef !== host.ref) {
      throw new EcloudError(
        'UNSUPPORTED',
        `Cloning to another host needs shared storage; ${instanceRef} is on ${host.ref}.`,
        {
          details: { from: host.ref, to: spec.hostRef },
        },
      );
    }
    const source = await parseDomainXml(await client.domainXml(dom, 0, { signal: options.signal }));
    const sources = source.disks.flatMap((disk) => (disk.source.kind === 'volume' ? [disk.source] : []));
    const copyVolume = async (disk: DiskSpec, index: number): Promise<PlacedVolume> => {
      const from = sources[index];
      if (!from) throw new EcloudError('INVALID_ARGUMENT', `The copy has more disks than ${instanceRef}.`);
      const pool = await host.pool(from.pool, options.signal);
      const original = await client.lookupVolume(pool, from.volume, { signal: options.signal });
      const name = volumeName(disk.id);
      const xml = volumeXml(name, disk.sizeGiB);
      const ref = await client.cloneVolume(pool, xml, original, 0, { signal: options.signal });
      return { id: disk.id, deviceIndex: disk.deviceIndex, pool: from.pool, volume: name, ref };
    };
    return this.#assemble(host, spec, copyVolume, options);
  }

  async createDisk(hostRef: string, disk: DiskSpec, options: DriverCallOptions): Promise<string> {
    refuseAborted(options);
    const made = await this.#makeVolume(this.#host(hostRef), disk, options.signal);
    return formatDiskRef(made);
  }

  /** The host and volume of a disk reference (`pool/volume`), asking each host that has the pool. */
  async #volume(
    ref: string,
    signal: AbortSignal,
  ): Promise<{ host: KvmHost; client: LibvirtClient; volume: VolumeRef }> {
    const { pool: poolName, volume: name } = parseDiskRef(ref);
    for (const host of this.#hosts.values()) {
      if (!host.poolNames.includes(poolName)) continue;
      const client = await host.client();
      const pool = await host.pool(poolName, signal);
      const volume = await client.lookupVolume(pool, name, { signal }).catch((error: unknown) => {
        if (EcloudError.is(error) && error.code === 'NOT_FOUND') return undefined;
        throw error;
      });
      if (volume) return { host, client, volume };
    }
    throw new EcloudError('NOT_FOUND', `Disk ${ref} is on no host of driver ${this.name}.`, {
      details: { diskRef: ref },
    });
  }

  async attachDisk(instanceRef: string, diskRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    const parsed = await parseDomainXml(await client.domainXml(dom, 0, { signal: options.signal }));
    const { pool, volume } = parseDiskRef(diskRef);
    const deviceIndex = parsed.disks.filter((d) => d.device === 'disk').length;
    const id = volume.replace(/\.qcow2$/, '');
    const xml = buildDiskXml(volumeDisk({ id, deviceIndex, pool, volume }, this.#options));
    await client.attachDevice(dom, xml, await this.#impact(client, dom, options), { signal: options.signal });
  }

  async detachDisk(instanceRef: string, diskRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    const { pool, volume } = parseDiskRef(diskRef);
    const parsed = await parseDomainXml(await client.domainXml(dom, 0, { signal: options.signal }));
    const disk = parsed.disks.find(
      (d) => d.source.kind === 'volume' && d.source.pool === pool && d.source.volume === volume,
    );
    if (!disk)
      throw new EcloudError('NOT_FOUND', `Disk ${diskRef} is not attached to instance ${instanceRef}.`, {
        details: { diskRef, instanceRef },
      });
    const xml = buildDiskXml({
      ...volumeDisk({ id: volume, deviceIndex: 0, pool, volume }, this.#options),
      target: disk.target,
    });
    const impact = await this.#impact(client, dom, options);
    await client.detachDevice(dom, xml, impact, { signal: options.signal });
    if ((impact & AFFECT_LIVE) === 0) return;
    // QEMU unplugs a disk from a running guest only once the guest lets go of it; libvirt waits a few
    // seconds for that and answers OK either way. A disk the guest still holds is not detached yet.
    const live = await parseDomainXml(await client.domainXml(dom, 0, { signal: options.signal }));
    if (live.disks.some((d) => d.target === disk.target)) {
      throw new EcloudError(
        'TIMEOUT',
        `The guest of instance ${instanceRef} has not released disk ${diskRef} yet: it is gone from the ` +
          'definition and leaves the running guest once the guest lets go of it, or at its next power off.',
        { details: { diskRef, instanceRef } },
      );
    }
  }

  /** A device change applies to the definition, and to the running guest too while it runs. */
  async #impact(client: LibvirtClient, dom: DomainRef, options: DriverCallOptions): Promise<number> {
    const { state } = await client.domainState(dom, { signal: options.signal });
    return state === DomainState.SHUTOFF ? AFFECT_CONFIG : AFFECT_CONFIG | AFFECT_LIVE;
  }

  async deleteDisk(
    diskRef: string,
    mode: { readonly wipe: boolean },
    options: DriverCallOptions,
  ): Promise<void> {
    refuseAborted(options);
    const { client, volume } = await this.#volume(diskRef, options.signal);
    await refuseVolumeInUse(client, volume, diskRef, options.signal);
    await this.#removeVolume(client, volume, mode.wipe, options.signal);
  }

  async findDisk(volumeId: string, options: DriverCallOptions): Promise<string | undefined> {
    refuseAborted(options);
    const name = volumeName(volumeId);
    for (const host of this.#hosts.values()) {
      for (const poolName of host.poolNames) {
        const ref = `${poolName}/${name}`;
        const found = await this.#volume(ref, options.signal).catch((error: unknown) => {
          if (EcloudError.is(error) && error.code === 'NOT_FOUND') return undefined;
          throw error;
        });
        if (found) return ref;
      }
    }
    return undefined;
  }

  async createSnapshot(
    instanceRef: string,
    snapshot: { readonly id: string; readonly name: string },
    options: DriverCallOptions,
  ): Promise<string> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    return client.createSnapshot(dom, snapshotXml(snapshot.id), 0, { signal: options.signal });
  }

  async revertSnapshot(instanceRef: string, snapshotRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    await client.revertToSnapshot(dom, snapshotRef, 0, { signal: options.signal });
  }

  async deleteSnapshot(instanceRef: string, snapshotRef: string, options: DriverCallOptions): Promise<void> {
    refuseAborted(options);
    const { client, dom } = await this.#domain(instanceRef, options);
    await client.deleteSnapshot(dom, snapshotRef, 0, { signal: options.signal });
  }

  subscribe(listener: (event: DriverEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/**
 * The share of the host's CPUs its domains used since the last sample: libvirt reports CPU time
 * consumed, so a rate needs two readings; the first reading reports 0.
 */
function cpuPercent(host: KvmHost, cpuTimeNs: bigint, cpus: number): number {
  const now = Date.now();
  const last = host.lastCpuSample;
  host.lastCpuSample = { at: now, cpuTimeNs };
  if (!last || now <= last.at) return 0;
  const capacityNs = BigInt(now - last.at) * 1_000_000n * BigInt(Math.max(1, cpus));
  const percent = Number(((cpuTimeNs - last.cpuTimeNs) * 10_000n) / capacityNs) / 100;
  return Math.min(100, Math.max(0, percent));
}

/** Refuses a call whose signal is already aborted, before it touches anything. */
/** Throws ILLEGAL_STATE unless the domain is in one of `allowed`; libvirt's own refusal varies by hypervisor. */
async function requireState(
  client: LibvirtClient,
  dom: DomainRef,
  allowed: readonly number[],
  operation: string,
  options: DriverCallOptions,
): Promise<void> {
  const { state } = await client.domainState(dom, { signal: options.signal });
  if (!allowed.includes(state)) {
    throw new EcloudError(
      'ILLEGAL_STATE',
      `Cannot ${operation} instance ${dom.uuid}: it is ${powerOfState(state)}.`,
      {
        details: { instanceRef: dom.uuid, power: powerOfState(state), libvirtState: state },
      },
    );
  }
}

function powerOfState(state: number): DriverPowerState {
  if (state === DomainState.RUNNING || state === DomainState.BLOCKED) return 'running';
  if (state === DomainState.PAUSED || state === DomainState.PMSUSPENDED) return 'suspended';
  return 'stopped';
}

function powerOfEvent(event: number): DriverPowerState | undefined {
  switch (event) {
    case DomainEventType.STARTED:
    case DomainEventType.RESUMED:
      return 'running';
    case DomainEventType.SUSPENDED:
    case DomainEventType.PMSUSPENDED:
      return 'suspended';
    case DomainEventType.STOPPED:
    case DomainEventType.CRASHED:
      return 'stopped';
    default:
      return undefined;
  }
}

/**
 * A KVM compute driver over libvirtd on each host (validated options; throws `INVALID_ARGUMENT`).
 * @public
 */
export function kvmDriver(options: KvmDriverOptions): KvmComputeDriver {
  return new KvmComputeDriver(parseInput(KvmDriverOptions, options, 'KVM driver options'));
}

/** `VIR_DOMAIN_STATS_BLOCK`: per disk, `block.<n>.path` among others. */
const STATS_BLOCK = 32;

/**
 * Refuses to delete a volume a domain of its host still uses (libvirt itself would delete the file
 * from under a running guest). One call reads the disk paths of every domain on the host, defined or
 * running — a host's domain count, not the cloud's.
 */
async function refuseVolumeInUse(
  client: LibvirtClient,
  volume: VolumeRef,
  diskRef: string,
  signal: AbortSignal,
): Promise<void> {
  const path = await client.volumePath(volume, { signal });
  const records = await client.allDomainStats(STATS_BLOCK, 0, { signal });
  const users = records.flatMap(({ domain, params }) =>
    [...params].some(([field, value]) => /^block\.\d+\.path$/.test(field) && value === path)
      ? [domain.name]
      : [],
  );
  if (users.length > 0) {
    throw new EcloudError(
      'ILLEGAL_STATE',
      `Disk ${diskRef} is attached to ${users.join(', ')}: detach it first.`,
      {
        details: { diskRef, attachedTo: users },
      },
    );
  }
}
