import { SortedList } from '../collections/sorted-list.js';
import type { Cluster } from '../model/cluster.js';
import type { Datacenter } from '../model/datacenter.js';
import type { Host } from '../model/host.js';
import { capacityFilter, fitsResources, freeResources } from './filters/capacity.js';
import type { PlacementView } from './filters/host-filter.js';
import { failedFilter } from './filters/pipeline.js';
import { compareRank, type HostRanking, hostRanking, type RankEntry } from './host-ranking.js';
import type { PlacementRequest, Rejections } from './placement-request.js';
import { DEFAULT_SCHEDULER_POLICY, type SchedulerPolicy } from './policy.js';
import { ShapeOrder } from './shape-order.js';

/** A passing host and its score under the policy (key + penalty). */
interface Scored {
  readonly host: Host;
  readonly score: number;
}

/** Whether `a` comes before `b`: lower score, then lower id, as in a ranked list. */
function before(a: Scored, b: Scored): boolean {
  return a.score < b.score || (a.score === b.score && a.host.id < b.host.id);
}

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
 * Hosts with room are kept in ordered lists (chunked sorted arrays, see `SortedList`) by the key of the
 * current policy (see `hostRanking`): one list, or under `spread` by memory or CPU one per host size,
 * inside which the request's share of a host — the spread penalty — is the same. A placement walks
 * the lists from the front — for best fit from the request's size, found by binary search — merging
 * them by key + penalty and stopping a list once its hosts are too small, and takes the first host that
 * passes every filter, so it visits a handful of hosts, not all 5,000. A host's entry moves (O(log n) plus a bounded array move)
 * whenever its allocation changes; a policy change rebuilds the order (O(n log n), rare).
 * @internal
 */
export class CapacityIndex implements PlacementView {
  readonly #hosts = new Map<string, Host>();
  /** Each ranked host's entry and the list that holds it. */
  readonly #entries = new Map<string, { readonly entry: RankEntry; readonly list: string }>();
  /**
   * The ordered lists: one for all hosts, or — when the policy weighs the request's share of a host
   * (`HostRanking.penalty`) — one per host size, inside which that share, and so the order, is the same.
   */
  #lists = new Map<string, SortedList<RankEntry>>();
  readonly #clusters = new Map<string, ClusterTotals>();
  readonly #datacenters = new Map<string, Datacenter>();
  /** Under `rankBy: 'shape'`, the two-resource order that replaces the lists. */
  #shapes: ShapeOrder | undefined;
  #policy: SchedulerPolicy;
  #ranking: HostRanking;

  constructor(policy: SchedulerPolicy = DEFAULT_SCHEDULER_POLICY) {
    this.#policy = policy;
    this.#ranking = hostRanking(policy);
    this.#shapes = policy.rankBy === 'shape' ? new ShapeOrder() : undefined;
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
    this.#shapes = policy.rankBy === 'shape' ? new ShapeOrder() : undefined;
    this.#lists = new Map();
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
    if (this.#shapes !== undefined) {
      yield* this.#shapeCandidates(this.#shapes, request, rejections);
      return;
    }
    const floor = this.#ranking.floor(request);
    const probe = floor === undefined ? undefined : { key: floor, id: '' };
    const walk = { visited: 0 };
    // Each list yields its passing hosts in order; with a penalty (constant within a list) the lists are
    // merged by key + penalty, so the best host of all comes first. Exact, and a list is only walked as
    // far as its next passing host.
    const heads = [...this.#lists.values()].map((list) => {
      const from = list.from(probe);
      return { from, next: this.#nextPassing(from, request, rejections, walk) };
    });
    for (;;) {
      let best: (typeof heads)[number] | undefined;
      for (const head of heads) {
        if (head.next !== undefined && (best?.next === undefined || before(head.next, best.next)))
          best = head;
      }
      if (best?.next === undefined) break;
      yield best.next.host;
      best.next = this.#nextPassing(best.from, request, rejections, walk);
    }
    this.#countFull(walk.visited, rejections);
  }

  /**
   * Hosts in the shape order that pass every filter; counts those that do not. Most hosts on the way
   * are too small for the request (an order by shape says nothing of size), so they are set aside by
   * one resource check, and the filters that name why run for them only if the walk ends in a refusal.
   */
  *#shapeCandidates(shapes: ShapeOrder, request: PlacementRequest, rejections: Rejections): Generator<Host> {
    let visited = 0;
    const tooSmall: Host[] = [];
    for (const id of shapes.walk(request.resources)) {
      visited++;
      const host = this.#hosts.get(id);
      if (!host) continue;
      if (!fitsResources(host, request.resources)) {
        tooSmall.push(host);
        continue;
      }
      const failed = failedFilter(host, request, this);
      if (failed === undefined) yield host;
      else rejections[failed] = (rejections[failed] ?? 0) + 1;
    }
    for (const host of tooSmall) {
      const failed = failedFilter(host, request, this) ?? capacityFilter.name;
      rejections[failed] = (rejections[failed] ?? 0) + 1;
    }
    this.#countFull(visited, rejections);
  }

  /** Hosts no walk visited are full (or, under best fit, below the request's size): capacity. */
  #countFull(visited: number, rejections: Rejections): void {
    const tooSmall = this.#hosts.size - visited;
    if (tooSmall > 0) rejections.capacity = (rejections.capacity ?? 0) + tooSmall;
  }

  /** The next host of `from` that passes every filter, with its score; counts those that do not. */
  #nextPassing(
    from: Iterator<RankEntry>,
    request: PlacementRequest,
    rejections: Rejections,
    walk: { visited: number },
  ): Scored | undefined {
    for (let step = from.next(); !step.done; step = from.next()) {
      walk.visited++;
      const host = this.#hosts.get(step.value.id);
      if (!host) continue;
      const failed = failedFilter(host, request, this);
      if (failed === undefined)
        return { host, score: step.value.key + (this.#ranking.penalty?.(host, request) ?? 0) };
      rejections[failed] = (rejections[failed] ?? 0) + 1;
      // The rest of this list is too small as well; they are counted with the other too-small hosts.
      if (this.#ranking.exhausted?.(host, request)) return undefined;
    }
    return undefined;
  }

  #rank(host: Host): void {
    this.#unrank(host.id);
    const free = freeResources(host);
    if (free.vcpus < MIN_FREE_VCPUS || free.memoryMiB < MIN_FREE_MEMORY_MIB) return;
    if (this.#shapes !== undefined) {
      this.#shapes.add(host);
      return;
    }
    const entry = { key: this.#ranking.key(host), id: host.id };
    const list =
      this.#ranking.penalty === undefined ? '' : `${host.capacity.vcpus}/${host.capacity.memoryMiB}`;
    let sorted = this.#lists.get(list);
    if (sorted === undefined) {
      sorted = new SortedList<RankEntry>(compareRank);
      this.#lists.set(list, sorted);
    }
    this.#entries.set(host.id, { entry, list });
    sorted.add(entry);
  }

  #unrank(hostId: string): void {
    this.#shapes?.delete(hostId);
    const held = this.#entries.get(hostId);
    if (held === undefined) return;
    const sorted = this.#lists.get(held.list);
    sorted?.delete(held.entry);
    if (sorted?.size === 0) this.#lists.delete(held.list);
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
