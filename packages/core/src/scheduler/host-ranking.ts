import type { Host } from '../model/host.js';
import type { PlacementRequest } from './placement-request.js';
import type { SchedulerPolicy } from './policy.js';

/** A host's place in the scheduler's order: ascending key, then id so that ties are stable. @internal */
export interface RankEntry {
  readonly key: number;
  readonly id: string;
}

/** Orders rank entries: the first is the host the policy prefers. @internal */
export function compareRank(a: RankEntry, b: RankEntry): number {
  return a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The weigher of a policy: the key that orders hosts from most to least preferred, and for best fit the
 * key below which no host can fit a request, where an ordered search may start.
 * @internal
 */
export interface HostRanking {
  key(host: Host): number;
  floor(request: PlacementRequest): number | undefined;
  /**
   * A cost, never negative, that the request adds on top of a host's key: the host preferred is the one
   * with the least key + penalty. Absent, the key alone decides.
   */
  penalty?(host: Host, request: PlacementRequest): number;
  /**
   * Whether no host at or after this one in its list can fit the request: along a list of one host size
   * ordered by the utilisation of one resource, what is free of it only shrinks.
   */
  exhausted?(host: Host, request: PlacementRequest): boolean;
}

/**
 * Under `spread`, how much the request's share of a host counts against it. Least utilised first alone
 * puts a 128 GiB request on an empty 128 GiB host (100 %) as readily as on an empty 768 GiB one (17 %);
 * weighing the share a little steers large requests to large hosts. On `bench:scheduler` 0.1 measured
 * best (imbalance 0.107 → 0.074; 0.05: 0.075, 0.25: 0.078, 1: 0.109).
 */
const SPREAD_SHARE_WEIGHT = 0.1;

/** The share of a host's CPU that is allocated, 0–1 (a host with no capacity counts as full). @internal */
export function cpuUtilisation(host: Host): number {
  return host.capacity.vcpus > 0 ? host.allocated.vcpus / host.capacity.vcpus : 1;
}

/** The share of a host's memory that is allocated, 0–1. @internal */
export function memoryUtilisation(host: Host): number {
  return host.capacity.memoryMiB > 0 ? host.allocated.memoryMiB / host.capacity.memoryMiB : 1;
}

/** CPU and memory utilisation combined by the policy's weights, 0–1. @internal */
export function weightedUtilisation(host: Host, weights: SchedulerPolicy['weights']): number {
  const total = weights.cpu + weights.memory;
  return (weights.cpu * cpuUtilisation(host) + weights.memory * memoryUtilisation(host)) / total;
}

/** Keys of empty hosts under `fill` start here, past any amount a host in use can have free. */
const EMPTY_HOSTS = 2 ** 52;

function isEmpty(host: Host): boolean {
  return host.allocated.vcpus === 0 && host.allocated.memoryMiB === 0;
}

/**
 * The utilisation a policy ranks by — memory, CPU or the weighted mix — which balancing evens out too.
 * Packing by shape weighs both resources alike, so its utilisation is the fuller of the two.
 * @internal
 */
export function policyUtilisation(policy: SchedulerPolicy): (host: Host) => number {
  const { rankBy, weights } = policy;
  if (rankBy === 'cpu') return cpuUtilisation;
  if (rankBy === 'weighted') return (host) => weightedUtilisation(host, weights);
  if (rankBy === 'shape') return (host) => Math.max(cpuUtilisation(host), memoryUtilisation(host));
  return memoryUtilisation;
}

/**
 * The ranking of a policy.
 *
 * `fill` by memory or CPU is best fit among the hosts in use: their key is what is free, in MiB or
 * vCPUs, so the hosts that can take a request start at its size and the first that passes every filter
 * is the tightest fit. Only when no host in use fits is an empty one opened, the largest first (its key
 * is past every host in use, less its size): opening small hosts first measured 1.53 × the fewest hosts
 * the demand needs on `bench:scheduler`, largest first 1.07 ×. `fill` by a weighted combination
 * prefers the most utilised host in use, then the largest empty one (no floor: a combined score says
 * nothing about one resource); `fill` by shape has an order of its own (`ShapeOrder`) and this ranking
 * only stands behind it. `spread` prefers the least utilised host; by memory or CPU it counts a
 * little against each host the share of it the request would take (see `SPREAD_SHARE_WEIGHT`).
 * @internal
 */
export function hostRanking(policy: SchedulerPolicy): HostRanking {
  const { placement, rankBy } = policy;
  if (placement === 'fill' && rankBy === 'memory') {
    return {
      key: (host) =>
        isEmpty(host)
          ? EMPTY_HOSTS - host.capacity.memoryMiB
          : host.capacity.memoryMiB - host.allocated.memoryMiB,
      floor: (request) => request.resources.memoryMiB,
    };
  }
  if (placement === 'fill' && rankBy === 'cpu') {
    return {
      key: (host) =>
        isEmpty(host) ? EMPTY_HOSTS - host.capacity.vcpus : host.capacity.vcpus - host.allocated.vcpus,
      floor: (request) => request.resources.vcpus,
    };
  }
  const utilisation = policyUtilisation(policy);
  if (placement === 'fill') {
    return {
      key: (host) => (isEmpty(host) ? 1 + 1 / (1 + host.capacity.memoryMiB) : 1 - utilisation(host)),
      floor: () => undefined,
    };
  }
  const share = (host: Host, request: PlacementRequest) =>
    rankBy === 'cpu'
      ? request.resources.vcpus / Math.max(1, host.capacity.vcpus)
      : request.resources.memoryMiB / Math.max(1, host.capacity.memoryMiB);
  const exhausted =
    rankBy === 'memory'
      ? (host: Host, request: PlacementRequest) =>
          host.capacity.memoryMiB - host.allocated.memoryMiB < request.resources.memoryMiB
      : rankBy === 'cpu'
        ? (host: Host, request: PlacementRequest) =>
            host.capacity.vcpus - host.allocated.vcpus < request.resources.vcpus
        : undefined;
  // Weighted spread keeps the plain order: with no one resource to stop a list at, a share-weighted
  // merge would walk whole lists for a large request (measured p99 ≈ 1 ms at 5,000 hosts).
  if (exhausted === undefined) return { key: utilisation, floor: () => undefined };
  return {
    key: utilisation,
    floor: () => undefined,
    penalty: (host, request) => SPREAD_SHARE_WEIGHT * share(host, request),
    exhausted,
  };
}
