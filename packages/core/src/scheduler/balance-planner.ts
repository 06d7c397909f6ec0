import type { Host } from '../model/host.js';
import type { CapacityIndex } from './capacity-index.js';
import { failedFilter } from './filters/pipeline.js';
import { withAllocation } from './host-capacity.js';
import { policyUtilisation } from './host-ranking.js';
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

/** Limits of one balancing round. @internal */
export interface BalanceLimits {
  /** Hosts within mean ± band (utilisation, 0–1) are balanced. */
  readonly band: number;
  readonly maxMigrations: number;
}

/**
 * Plans live migrations that bring host utilisation within mean ± band (R-SCHED-4), greedily: the most
 * utilised host above the band gives up the instance that best narrows its gap to the least utilised
 * host that may take it — checked against every placement filter on the plan's own view of the hosts,
 * so later moves see earlier ones (capacity, anti-affinity) — until every host is within the band, no
 * move helps, or the cap is reached. Only running instances that no job holds are offered as movable.
 * Planning reads every host in scope once (O(hosts) per move, a bounded number of moves): a round is
 * an operator action, not a hot path.
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
  const state = new Map(hosts.map((host) => [host.id, host]));
  const onHost = new Map<string, Movable[]>();
  const add = (hostId: string, item: Movable) => {
    const items = onHost.get(hostId);
    if (items === undefined) onHost.set(hostId, [item]);
    else items.push(item);
  };
  for (const item of movable) add(item.hostId, item);
  const moves: PlannedMove[] = [];
  const eligible = () => [...state.values()].filter(balanceable);
  const imbalanceBefore = spread(eligible(), utilisation);
  while (moves.length < limits.maxMigrations) {
    const pool = eligible();
    if (pool.length < 2) break;
    const mean = pool.reduce((sum, h) => sum + utilisation(h), 0) / pool.length;
    const hottest = pool.reduce((a, b) => (utilisation(b) > utilisation(a) ? b : a));
    if (utilisation(hottest) <= mean + limits.band) break;
    const move = bestMove(hottest, onHost.get(hottest.id) ?? [], pool, groups, utilisation, index);
    if (move === undefined) break;
    const { item, target } = move;
    state.set(hottest.id, withAllocation(hottest, item.request.resources, -1));
    state.set(target.id, withAllocation(target, item.request.resources, 1));
    onHost.set(
      hottest.id,
      (onHost.get(hottest.id) ?? []).filter((m) => m !== item),
    );
    add(target.id, { ...item, hostId: target.id });
    if (item.groupId !== null) groups.get(item.groupId)?.members.set(item.instanceId, target.id);
    moves.push({ instanceId: item.instanceId, fromHostId: hottest.id, toHostId: target.id });
  }
  return { moves, imbalanceBefore, imbalanceAfter: spread(eligible(), utilisation) };
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
 */
function bestMove(
  source: Host,
  items: readonly Movable[],
  pool: readonly Host[],
  groups: ReadonlyMap<string, PlannedGroup>,
  utilisation: (host: Host) => number,
  index: CapacityIndex,
): { item: Movable; target: Host } | undefined {
  const coolest = [...pool].sort((a, b) => utilisation(a) - utilisation(b));
  const gapBefore = utilisation(source) - utilisation(coolest[0] ?? source);
  let best: { item: Movable; target: Host; gap: number } | undefined;
  for (const item of items) {
    const request = currentRequest(item, groups, source.id);
    const target = coolest.find((host) => failedFilter(host, request, index) === undefined);
    if (target === undefined) continue;
    const after = utilisation(withAllocation(source, item.request.resources, -1));
    const landed = utilisation(withAllocation(target, item.request.resources, 1));
    const gap = Math.abs(after - landed);
    if (landed < utilisation(source) && gap < gapBefore && (best === undefined || gap < best.gap)) {
      best = { item, target, gap };
    }
  }
  return best;
}
