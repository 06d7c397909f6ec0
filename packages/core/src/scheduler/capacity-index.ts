import { SortedList } from '../collections/sorted-list.js';
import type { Cluster } from '../model/cluster.js';
import type { Datacenter } from '../model/datacenter.js';
import type { Host } from '../model/host.js';
import { freeResources } from './filters/capacity.js';
import type { PlacementView } from './filters/host-filter.js';
import { failedFilter } from './filters/pipeline.js';
import { compareRank, type HostRanking, hostRanking, type RankEntry } from './host-ranking.js';
import type { PlacementRequest, Rejections } from './placement-request.js';
import { DEFAULT_SCHEDULER_POLICY, type SchedulerPolicy } from './policy.js';

/** A host with less than this free is full for every request, and leaves the ranked order. */
const MIN_FREE_VCPUS = 1;
const MIN_FREE_MEMORY_MIB = 64;

/** Capacity and allocation summed over a cluster's hosts, for its disable threshold. */
interface ClusterTotals {
  cluster: Cluster | undefined;
  vcpus: number;
  memoryMiB: number;
  allocatedVcpus: number;
  allocatedMemoryMiB: number;
}

/**
 * The scheduler's in-memory view of the platform (R-SCHED-1, R-SCHED-5): every host's latest committed
 * capacity, clusters with their allocation totals, datacenters — rebuilt from the store at start and
 * kept current after every committed reservation. It is a hint: every reservation re-checks its host in
 * the store transaction, so a stale entry costs a retry, never an over-booking.
 *
 * Hosts with room are kept in one ordered list (chunked sorted arrays, see `SortedList`) by the key of
 * the current policy (see `hostRanking`): a placement walks it from the front — for best fit from the
 * request's size, found by binary search — and takes the first host that passes every filter, so it
 * visits a handful of hosts, not all 5,000. A host's entry moves (O(log n) plus a bounded array move)
 * whenever its allocation changes; a policy change rebuilds the order (O(n log n), rare).
 * @internal
 */
export class CapacityIndex implements PlacementView {
  readonly #hosts = new Map<string, Host>();
  readonly #entries = new Map<string, RankEntry>();
  #ranked = new SortedList<RankEntry>(compareRank);
  readonly #clusters = new Map<string, ClusterTotals>();
  readonly #datacenters = new Map<string, Datacenter>();
  #policy: SchedulerPolicy;
  #ranking: HostRanking;

  constructor(policy: SchedulerPolicy = DEFAULT_SCHEDULER_POLICY) {
    this.#policy = policy;
    this.#ranking = hostRanking(policy);
  }

  get size(): number {
    return this.#hosts.size;
  }

  get policy(): SchedulerPolicy {
    return this.#policy;
  }

  /** Applies another policy: every host is ranked again by its key. */
  setPolicy(policy: SchedulerPolicy): void {
    this.#policy = policy;
    this.#ranking = hostRanking(policy);
    this.#ranked = new SortedList<RankEntry>(compareRank);
    this.#entries.clear();
    for (const host of this.#hosts.values()) this.#rank(host);
  }

  get(hostId: string): Host | undefined {
    return this.#hosts.get(hostId);
  }

  /** Every host the index holds, of one cluster if given (an O(hosts) walk, for planning only). */
  hosts(clusterId?: string): Host[] {
    const all = [...this.#hosts.values()];
    return clusterId === undefined ? all : all.filter((host) => host.clusterId === clusterId);
  }

  cluster(clusterId: string): Cluster | undefined {
    return this.#clusters.get(clusterId)?.cluster;
  }

  datacenter(datacenterId: string): Datacenter | undefined {
    return this.#datacenters.get(datacenterId);
  }

  clusterSaturated(clusterId: string): boolean {
    const totals = this.#clusters.get(clusterId);
    const threshold = totals?.cluster?.disableThreshold ?? 1;
    if (totals === undefined || threshold >= 1) return false;
    const cpu = totals.vcpus > 0 ? totals.allocatedVcpus / totals.vcpus : 1;
    const memory = totals.memoryMiB > 0 ? totals.allocatedMemoryMiB / totals.memoryMiB : 1;
    return Math.max(cpu, memory) >= threshold;
  }

  upsertDatacenter(datacenter: Datacenter): void {
    this.#datacenters.set(datacenter.id, datacenter);
  }

  upsertCluster(cluster: Cluster): void {
    const totals = this.#totals(cluster.id);
    if (totals.cluster === undefined || totals.cluster.version <= cluster.version) totals.cluster = cluster;
  }

  /** Records the latest committed state of a host; an older version than the one held is ignored. */
  upsert(host: Host): void {
    const known = this.#hosts.get(host.id);
    if (known && known.version > host.version) return;
    if (known) this.#count(known, -1);
    this.#hosts.set(host.id, host);
    this.#count(host, 1);
    this.#rank(host);
  }

  remove(hostId: string): void {
    const known = this.#hosts.get(hostId);
    if (!known) return;
    this.#count(known, -1);
    this.#hosts.delete(hostId);
    this.#unrank(hostId);
  }

  /**
   * Hosts that pass every filter, most preferred first. `rejections` counts, per filter, the hosts
   * passed over on the way; once the walk has run to its end it accounts for every host, so a refusal
   * can say why.
   */
  *candidates(request: PlacementRequest, rejections: Rejections): Generator<Host> {
    const floor = this.#ranking.floor(request);
    let visited = 0;
    for (const entry of this.#ranked.from(floor === undefined ? undefined : { key: floor, id: '' })) {
      visited++;
      const host = this.#hosts.get(entry.id);
      if (!host) continue;
      const failed = failedFilter(host, request, this);
      if (failed === undefined) yield host;
      else rejections[failed] = (rejections[failed] ?? 0) + 1;
    }
    // Full hosts, and with best fit those below the request's size: too small, whatever else.
    const tooSmall = this.#hosts.size - visited;
    if (tooSmall > 0) rejections.capacity = (rejections.capacity ?? 0) + tooSmall;
  }

  #rank(host: Host): void {
    this.#unrank(host.id);
    const free = freeResources(host);
    if (free.vcpus < MIN_FREE_VCPUS || free.memoryMiB < MIN_FREE_MEMORY_MIB) return;
    const entry = { key: this.#ranking.key(host), id: host.id };
    this.#entries.set(host.id, entry);
    this.#ranked.add(entry);
  }

  #unrank(hostId: string): void {
    const entry = this.#entries.get(hostId);
    if (entry === undefined) return;
    this.#ranked.delete(entry);
    this.#entries.delete(hostId);
  }

  #count(host: Host, sign: 1 | -1): void {
    const totals = this.#totals(host.clusterId);
    totals.vcpus += sign * host.capacity.vcpus;
    totals.memoryMiB += sign * host.capacity.memoryMiB;
    totals.allocatedVcpus += sign * host.allocated.vcpus;
    totals.allocatedMemoryMiB += sign * host.allocated.memoryMiB;
  }

  #totals(clusterId: string): ClusterTotals {
    let totals = this.#clusters.get(clusterId);
    if (totals === undefined) {
      totals = { cluster: undefined, vcpus: 0, memoryMiB: 0, allocatedVcpus: 0, allocatedMemoryMiB: 0 };
      this.#clusters.set(clusterId, totals);
    }
    return totals;
  }
}
