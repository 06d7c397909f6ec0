import { SortedList } from '../collections/sorted-list.js';
import type { Host } from '../model/host.js';
import type { BalanceLimits } from './balance-limits.js';
import type { CapacityIndex } from './capacity-index.js';
import { failedFilter } from './filters/pipeline.js';
import { withAllocation } from './host-capacity.js';
import { compareRank, policyUtilisation, type RankEntry } from './host-ranking.js';
import type { PlacementRequest } from './placement-request.js';

/** An instance the planner may move: what it holds and what a new host must satisfy. @internal */
export interface Movable {
  readonly instanceId: string;
  readonly hostId: string;
  /** The placement request of the instance as it stands (resources, tags, ...), without its group rule. */
  readonly request: PlacementRequest;
  /** Its placement group, if any: the plan applies the group's rule as the plan moves its members. */
  readonly groupId: string | null;
}

/** A placement group as the planner tracks it: its rule and where every member is. @internal */
export interface PlannedGroup {
  readonly policy: 'affinity' | 'anti-affinity';
  /** Instance id → host id, moved along as the plan moves members. */
  readonly members: Map<string, string>;
}

/** One proposed live migration. @public */
export interface PlannedMove {
  readonly instanceId: string;
  readonly fromHostId: string;
  readonly toHostId: string;
}

/** A balancing plan: the moves, and the spread of utilisation before and after them. @public */
export interface BalancePlan {
  readonly moves: readonly PlannedMove[];
  /** Standard deviation of utilisation (by the policy's resource) over the hosts in scope, now. */
  readonly imbalanceBefore: number;
  /** The same once every move is done. */
  readonly imbalanceAfter: number;
}

/**
 * Plans live migrations that bring host utilisation within mean ± band (R-SCHED-4), greedily: the most
 * utilised host above the band gives up the instance that best narrows its gap to the least utilised
 * host that may take it — checked against every placement filter on the plan's own view of the hosts,
 * so later moves see earlier ones (capacity, anti-affinity) — until every host is within the band, no
 * move helps any host above it, or the cap is reached. Only running instances that no job holds are offered as movable.
 * Planning keeps the hosts in scope ordered by utilisation, so a move costs a few ordered lookups
 * (see `PlanView`); a host that cannot be relieved may walk the hosts cooler than itself once.
 * @internal
 */
export function planBalance(
  index: CapacityIndex,
  hosts: readonly Host[],
  movable: readonly Movable[],
  groups: ReadonlyMap<string, PlannedGroup>,
  limits: BalanceLimits,
): BalancePlan {
  const utilisation = policyUtilisation(index.policy);
  const view = new PlanView(hosts.filter(balanceable), utilisation);
  const onHost = new Map<string, Movable[]>();
  const add = (hostId: string, item: Movable) => {
    const items = onHost.get(hostId);
    if (items === undefined) onHost.set(hostId, [item]);
    else items.push(item);
  };
  for (const item of movable) add(item.hostId, item);
  const moves: PlannedMove[] = [];
  const imbalanceBefore = view.imbalance();
  // Hosts above the band that no move could relieve: passed over for the rest of the round, so one
  // host pinned by its instances' constraints does not stop the others from being balanced.
  const stuck = new Set<string>();
  while (moves.length < limits.maxMigrations && view.size >= 2) {
    const hottest = view.hottest(stuck);
    if (hottest === undefined || utilisation(hottest) <= view.mean() + limits.band) break;
    const move = bestMove(hottest, onHost.get(hottest.id) ?? [], view, groups, index);
    if (move === undefined) {
      stuck.add(hottest.id);
      continue;
    }
    const { item, target } = move;
    view.book(hottest, item.request.resources, -1);
    view.book(target, item.request.resources, 1);
    onHost.set(
      hottest.id,
      (onHost.get(hottest.id) ?? []).filter((m) => m !== item),
    );
    add(target.id, { ...item, hostId: target.id });
    if (item.groupId !== null) groups.get(item.groupId)?.members.set(item.instanceId, target.id);
    moves.push({ instanceId: item.instanceId, fromHostId: hottest.id, toHostId: target.id });
  }
  return { moves, imbalanceBefore, imbalanceAfter: view.imbalance() };
}

/**
 * The plan's own view of the hosts it balances: each host as the plan has moved instances so far, in
 * order of utilisation, with the running sum of utilisations for the mean. A move re-orders two hosts
 * (O(log n)), so a round costs about its moves, not moves × hosts.
 */
class PlanView {
  readonly #hosts = new Map<string, Host>();
  readonly #order = new SortedList<RankEntry>(compareRank);
  readonly #utilisation: (host: Host) => number;
  #sum = 0;

  constructor(hosts: readonly Host[], utilisation: (host: Host) => number) {
    this.#utilisation = utilisation;
    for (const host of hosts) this.#put(host);
  }

  get size(): number {
    return this.#hosts.size;
  }

  mean(): number {
    return this.#sum / Math.max(1, this.#hosts.size);
  }

  /** The most utilised host not in `skip`. */
  hottest(skip: ReadonlySet<string>): Host | undefined {
    for (const entry of this.#order.downFrom()) if (!skip.has(entry.id)) return this.#hosts.get(entry.id);
    return undefined;
  }

  /** Hosts from the least utilised up, while below `below`. */
  *coolerThan(below: number): Generator<Host> {
    for (const entry of this.#order.from()) {
      if (entry.key >= below) return;
      const host = this.#hosts.get(entry.id);
      if (host !== undefined) yield host;
    }
  }

  utilisation(host: Host): number {
    return this.#utilisation(host);
  }

  book(host: Host, resources: Host['allocated'], sign: 1 | -1): void {
    const held = this.#hosts.get(host.id) ?? host;
    this.#order.delete({ key: this.#utilisation(held), id: held.id });
    this.#sum -= this.#utilisation(held);
    this.#put(withAllocation(held, resources, sign));
  }

  imbalance(): number {
    return spread([...this.#hosts.values()], this.#utilisation);
  }

  #put(host: Host): void {
    const key = this.#utilisation(host);
    this.#hosts.set(host.id, host);
    this.#order.add({ key, id: host.id });
    this.#sum += key;
  }
}

/** Population standard deviation of the hosts' utilisation, rounded to 4 decimals. */
function spread(hosts: readonly Host[], utilisation: (host: Host) => number): number {
  if (hosts.length === 0) return 0;
  const values = hosts.map(utilisation);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return Math.round(Math.sqrt(variance) * 10_000) / 10_000;
}

/** Whether balancing may move instances onto or off the host: up and not in maintenance. @internal */
export function balanceable(host: Host): boolean {
  return host.state === 'up' && host.maintenance === 'none';
}

/** The request of `item` moving off `source`, with its group's rule as the plan has the group now. */
function currentRequest(
  item: Movable,
  groups: ReadonlyMap<string, PlannedGroup>,
  source: string,
): PlacementRequest {
  const excludeHostIds = new Set([source]);
  const group = item.groupId === null ? undefined : groups.get(item.groupId);
  if (group === undefined) return { ...item.request, excludeHostIds };
  const hostIds = new Set<string>();
  for (const [instanceId, hostId] of group.members) if (instanceId !== item.instanceId) hostIds.add(hostId);
  return { ...item.request, group: { policy: group.policy, hostIds }, excludeHostIds };
}

/**
 * The move off `source`: each instance goes to the least utilised host that may take it, and the
 * instance whose move leaves the smallest gap between the two hosts wins — if any narrows it at all.
 * Only hosts less utilised than the source are looked at: no other could narrow its gap.
 */
function bestMove(
  source: Host,
  items: readonly Movable[],
  view: PlanView,
  groups: ReadonlyMap<string, PlannedGroup>,
  index: CapacityIndex,
): { item: Movable; target: Host } | undefined {
  const from = view.utilisation(source);
  const coolest = view.coolerThan(from).next();
  if (coolest.done) return undefined;
  const gapBefore = from - view.utilisation(coolest.value);
  let best: { item: Movable; target: Host; gap: number } | undefined;
  for (const item of items) {
    const request = currentRequest(item, groups, source.id);
    let target: Host | undefined;
    for (const host of view.coolerThan(from)) {
      if (failedFilter(host, request, index) === undefined) {
        target = host;
        break;
      }
    }
    if (target === undefined) continue;
    const after = view.utilisation(withAllocation(source, item.request.resources, -1));
    const landed = view.utilisation(withAllocation(target, item.request.resources, 1));
    const gap = Math.abs(after - landed);
    if (landed < from && gap < gapBefore && (best === undefined || gap < best.gap)) {
      best = { item, target, gap };
    }
  }
  return best;
}
