import { EcloudError, toEcloudError } from '../errors/ecloud-error.js';
import { transactWithEvents } from '../events/outbox.js';
import type { DriverHostState, Host, HostState } from '../model/host.js';
import type { Instance } from '../model/instance.js';
import { callDriver, quickCall } from '../services/driver-call.js';
import { failoverInstance } from '../services/instances/failover-instance.js';
import type { ServiceDeps } from '../services/service-deps.js';
import type { ComputeDriver } from '../spi/compute-driver.js';
import { allRecords } from '../store/all-records.js';
import type { LeaseKeeper } from './lease-keeper.js';

/** How the HA manager judges hosts. @internal */
export interface HaSettings {
  /** Between two heartbeat rounds. */
  readonly heartbeatIntervalMs: number;
  /** Consecutive heartbeats a host may miss before it is suspect and fenced. */
  readonly missedHeartbeats: number;
}

/** What one heartbeat round saw and did. @public */
export interface HaTickReport {
  /** Whether this process held the HA lease; a process without it looks at nothing. */
  readonly leader: boolean;
  readonly suspect: readonly string[];
  readonly fenced: readonly string[];
  /** Hosts whose fence the driver could not confirm: nothing of theirs was restarted. */
  readonly fenceFailed: readonly string[];
  readonly restarted: readonly string[];
  readonly restartFailed: ReadonlyArray<{ readonly instanceId: string; readonly code: string }>;
  /** Hosts that answer again after being suspect or fenced. */
  readonly recovered: readonly string[];
  /** Time spent choosing new hosts and reserving them for the restarts of this round, in ms. */
  readonly restartPlanMs: number;
}

interface Round {
  restartPlanMs: number;
  suspect: string[];
  fenced: string[];
  fenceFailed: string[];
  restarted: string[];
  restartFailed: Array<{ instanceId: string; code: string }>;
  recovered: string[];
}

/**
 * Host high availability (R-HA-1, R-HA-2). Each round asks every driver once for the state of all its
 * hosts (`listHosts`: one call per endpoint, not per host). A host that misses `missedHeartbeats`
 * rounds in a row is suspect; the manager fences it through its driver, and only once the driver
 * confirms the fence does it restart the host's HA instances elsewhere, highest priority first, through
 * the scheduler. A fence that fails restarts nothing and is tried again next round; a host that answers
 * before its misses run out was only flapping and is left alone. An endpoint that does not answer at all
 * judges none of its hosts: the management network failing must not fence a datacenter. Only the
 * holder of the HA lease acts, so several management processes never fence or restart twice.
 * @internal
 */
export class HaManager {
  readonly #deps: ServiceDeps;
  readonly #lease: LeaseKeeper;
  readonly #settings: HaSettings;
  readonly #misses = new Map<string, number>();
  #rounds: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;

  constructor(deps: ServiceDeps, lease: LeaseKeeper, settings: HaSettings) {
    this.#deps = deps;
    this.#lease = lease;
    this.#settings = settings;
  }

  /** Runs rounds every heartbeat interval until `stop`. */
  start(onError: (error: unknown) => void): void {
    this.#timer ??= setInterval(() => {
      this.tick().catch(onError);
    }, this.#settings.heartbeatIntervalMs);
    this.#timer.unref();
  }

  /** Stops the rounds, waits for the one running, and gives up the lease. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#rounds.catch(() => undefined);
    await this.#lease.release().catch(() => undefined);
  }

  /** One heartbeat round; rounds never overlap. */
  tick(): Promise<HaTickReport> {
    const round = this.#rounds.catch(() => undefined).then(() => this.#round());
    this.#rounds = round;
    return round;
  }

  async #round(): Promise<HaTickReport> {
    const round: Round = {
      restartPlanMs: 0,
      suspect: [],
      fenced: [],
      fenceFailed: [],
      restarted: [],
      restartFailed: [],
      recovered: [],
    };
    if (!(await this.#lease.hold())) return { leader: false, ...round };
    // One walk of the in-memory hosts per round (5,000 entries), grouped by driver.
    const byDriver = new Map<string, Host[]>();
    for (const host of this.#deps.index.hosts()) {
      const hosts = byDriver.get(host.driver);
      if (hosts === undefined) byDriver.set(host.driver, [host]);
      else hosts.push(host);
    }
    for (const driver of this.#deps.drivers.all()) {
      let reported: Map<string, DriverHostState>;
      try {
        const listed = await callDriver(driver.name, () => driver.listHosts(quickCall()));
        reported = new Map(listed.map((host) => [host.ref, host.state]));
      } catch {
        continue;
      }
      for (const host of byDriver.get(driver.name) ?? []) {
        await this.#check(host, reported.get(host.ref) ?? 'down', driver, round);
      }
    }
    return { leader: true, ...round };
  }

  async #check(host: Host, reported: DriverHostState, driver: ComputeDriver, round: Round): Promise<void> {
    if (reported === 'up') {
      this.#misses.delete(host.id);
      if (host.state !== 'up' && (await this.#setState(host.id, 'up'))) round.recovered.push(host.id);
      return;
    }
    const misses = (this.#misses.get(host.id) ?? 0) + 1;
    this.#misses.set(host.id, misses);
    if (host.state === 'fenced') {
      // Instances a job held in an earlier round, or whose restart failed, are tried again.
      await this.#restartAll(host, round);
      return;
    }
    if (misses < this.#settings.missedHeartbeats) return;
    if (host.state === 'up' && (await this.#setState(host.id, reported))) {
      round.suspect.push(host.id);
    }
    if (!driver.capabilities.fencing) return;
    try {
      await callDriver(driver.name, () => driver.fence(host.ref, quickCall()));
    } catch (error) {
      round.fenceFailed.push(host.id);
      await this.#event(host.id, 'host.fence_failed', { error: toEcloudError(error).toJSON() });
      return;
    }
    if (await this.#setState(host.id, 'fenced')) round.fenced.push(host.id);
    await this.#restartAll(host, round);
  }

  /** Restarts the fenced host's HA instances elsewhere, highest priority first; records the rest stopped. */
  async #restartAll(host: Host, round: Round): Promise<void> {
    const resident = (await this.#instancesOn(host.id)).filter((vm) => vm.jobId === null);
    const restartable = ['running', 'suspended', 'error'];
    const protectedOnes = resident
      .filter((vm) => vm.haPriority !== null && restartable.includes(vm.state))
      .sort((a, b) => (b.haPriority ?? 0) - (a.haPriority ?? 0) || (a.id < b.id ? -1 : 1));
    for (const vm of resident) {
      // The fence powered them off; say so rather than leave them "running" on a dead host.
      if (vm.haPriority === null && (vm.state === 'running' || vm.state === 'suspended')) {
        // A job that took the instance meanwhile (CONFLICT) records its state itself.
        await this.#deps.store.update('instances', { ...vm, state: 'stopped' }).catch((error: unknown) => {
          if (!EcloudError.is(error, 'CONFLICT')) throw error;
        });
      }
    }
    const started = [];
    const planning = performance.now();
    for (const vm of protectedOnes) {
      try {
        started.push({ vm, handle: await failoverInstance(this.#deps, vm, host.id) });
      } catch (error) {
        round.restartFailed.push({ instanceId: vm.id, code: toEcloudError(error).code });
      }
    }
    round.restartPlanMs += performance.now() - planning;
    for (const { vm, handle } of started) {
      try {
        await handle.wait();
        round.restarted.push(vm.id);
      } catch (error) {
        round.restartFailed.push({ instanceId: vm.id, code: toEcloudError(error).code });
      }
    }
  }

  async #instancesOn(hostId: string): Promise<Instance[]> {
    const found: Instance[] = [];
    for await (const vm of allRecords(this.#deps.store, 'instances', { hostId })) found.push(vm);
    return found;
  }

  /** Sets a host's state; false when it already had it. */
  async #setState(hostId: string, state: HostState): Promise<boolean> {
    const { store, bus, index } = this.#deps;
    return transactWithEvents(store, bus, async (tx, effects) => {
      const host = await tx.get('hosts', hostId);
      if (!host)
        throw new EcloudError('NOT_FOUND', `Host ${hostId} does not exist.`, { details: { hostId } });
      if (host.state === state) return false;
      const updated = await tx.update('hosts', { ...host, state });
      effects.afterCommit(() => index.upsert(updated));
      effects.emit({
        type: `host.${state}`,
        resourceType: 'host',
        resourceId: hostId,
        tenantId: null,
        data: { from: host.state },
      });
      return true;
    });
  }

  async #event(hostId: string, type: string, data: Record<string, unknown>): Promise<void> {
    await transactWithEvents(this.#deps.store, this.#deps.bus, async (_tx, effects) => {
      effects.emit({ type, resourceType: 'host', resourceId: hostId, tenantId: null, data });
    });
  }
}
