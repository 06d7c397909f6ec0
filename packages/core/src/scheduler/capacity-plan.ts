import { z } from 'zod';
import { EcloudError } from '../errors/ecloud-error.js';
import type { Host } from '../model/host.js';
import { parseInput } from '../model/validate.js';
import { BalanceLimits } from './balance-limits.js';
import { type Movable, planBalance } from './balance-planner.js';
import { CapacityIndex } from './capacity-index.js';
import { withAllocation } from './host-capacity.js';
import type { PlacementRequest, Rejections } from './placement-request.js';
import { SchedulerPolicy, type SchedulerPolicyInput } from './policy.js';

/** A named size, as the rows of an inventory give it. CPU is in thousandths of a CPU. */
const PlanEntry = z.strictObject({
  name: z.string().min(1).max(255),
  cpuMilli: z.number().int().positive(),
  memoryMiB: z.number().int().positive(),
  tags: z.array(z.string().min(1)).default([]),
});

/** A host of a capacity plan: its name, size and tags. CPU is in thousandths of a CPU. @public */
export const PlanHost = PlanEntry;
/** A host of a capacity plan (the type of the {@link PlanHost} schema, as callers write it). @public */
export type PlanHost = z.input<typeof PlanHost>;

/**
 * A request of a capacity plan: what one instance needs, and the host tags it asks for. At least 64 MiB,
 * as for an offering: a host with less free is full to the scheduler.
 * @public
 */
export const PlanRequest = PlanEntry.extend({ memoryMiB: z.number().int().min(64) });
/** A request of a capacity plan (the type of the {@link PlanRequest} schema, as callers write it). @public */
export type PlanRequest = z.input<typeof PlanRequest>;

/** Where a request went, or why it could not go anywhere. @public */
export type PlanDecision =
  | { readonly placed: true; readonly host: string }
  | { readonly placed: false; readonly rejectedBy: Readonly<Record<string, number>> };

/** Limits of a what-if balancing round: the band and the cap on moves, as for the cloud's balancer. @public */
export type PlanBalanceInput = z.input<typeof BalanceLimits>;

/** A what-if balancing round: the moves, by request and host name, and the imbalance before and after. @public */
export interface PlanBalance {
  readonly moves: ReadonlyArray<{ readonly request: string; readonly from: string; readonly to: string }>;
  /** Standard deviation of utilisation, by the policy's resource, over the plan's hosts. */
  readonly imbalanceBefore: number;
  readonly imbalanceAfter: number;
}

/** A what-if placement over an inventory (see {@link createCapacityPlan}). @public */
export interface CapacityPlan {
  /** Adds a host; names are unique. */
  addHost(host: PlanHost): void;
  /** Places one request as the cloud's scheduler would, and books it on the chosen host. */
  place(request: PlanRequest): PlanDecision;
  /**
   * Plans one balancing round over what is placed, as the cloud's balancer would (live migrations
   * that bring utilisation within mean ± band, at most `maxMigrations`), and applies its moves to the
   * plan: "how many migrations would even this out after arrival order has done its worst?".
   */
  balance(limits?: PlanBalanceInput): PlanBalance;
  /** What each host has booked, by name. */
  hosts(): ReadonlyArray<{
    readonly name: string;
    readonly cpuMilli: number;
    readonly memoryMiB: number;
    readonly usedCpuMilli: number;
    readonly usedMemoryMiB: number;
  }>;
}

const EPOCH = '1970-01-01T00:00:00.000Z';
const PLAN_DATACENTER = 'plan-dc';
const PLAN_CLUSTER = 'plan-cluster';

/**
 * Capacity planning: replays an operator's inventory and requests through the scheduler's own filters,
 * index and policy (R-SCHED-2), without a store or drivers — "would these 2,000 VMs fit, and on how
 * many hosts, under fill or spread?". CPU is counted in thousandths of a CPU so fractional requests
 * plan exactly. All hosts share one datacenter and cluster; placement constraints that need the rest of
 * the platform (classification, zones, dedication) are the live cloud's business.
 * @public
 */
export function createCapacityPlan(policy: SchedulerPolicyInput = {}): CapacityPlan {
  const index = new CapacityIndex(parseInput(SchedulerPolicy, policy, 'scheduler policy'));
  index.upsertDatacenter({
    id: PLAN_DATACENTER,
    version: 1,
    createdAt: EPOCH,
    updatedAt: EPOCH,
    name: 'plan',
    regionId: null,
    classification: 'public',
    description: '',
  });
  const byName = new Map<string, Host>();
  /** Where each placed request is, for balancing: request name → host id and what it holds. */
  const placed = new Map<string, Movable>();
  const book = (host: Host, resources: PlacementRequest['resources'], sign: 1 | -1) => {
    const booked = withAllocation(host, resources, sign);
    byName.set(host.name, booked);
    index.upsert(booked);
  };
  return {
    addHost(input) {
      const host = parseInput(PlanHost, input, 'plan host');
      if (byName.has(host.name)) {
        throw new EcloudError('ALREADY_EXISTS', `Plan host ${host.name} is already added.`, {
          details: { name: host.name },
        });
      }
      // Ids sort in inventory order, so hosts that rank equal are taken in the order they were added.
      const record = planHost(
        `h${String(byName.size).padStart(9, '0')}`,
        host.name,
        host.cpuMilli,
        host.memoryMiB,
        host.tags,
      );
      byName.set(host.name, record);
      index.upsert(record);
    },
    place(input) {
      const request = parseInput(PlanRequest, input, 'plan request');
      const rejectedBy: Rejections = {};
      const placement: PlacementRequest = {
        resources: { vcpus: request.cpuMilli, memoryMiB: request.memoryMiB, storageGiB: 0 },
        hypervisors: ['simulator'],
        tenantId: 'plan',
        classification: 'public',
        tags: request.tags,
      };
      if (placed.has(request.name)) {
        throw new EcloudError('ALREADY_EXISTS', `Plan request ${request.name} is already placed.`, {
          details: { name: request.name },
        });
      }
      for (const host of index.candidates(placement, rejectedBy)) {
        book(host, placement.resources, 1);
        placed.set(request.name, {
          instanceId: request.name,
          hostId: host.id,
          request: placement,
          groupId: null,
        });
        return { placed: true, host: host.name };
      }
      return { placed: false, rejectedBy };
    },
    balance(input = {}) {
      const limits = parseInput(BalanceLimits, input, 'balance limits');
      const plan = planBalance(index, index.hosts(), [...placed.values()], new Map(), limits);
      const moves = plan.moves.map((move) => {
        const item = placed.get(move.instanceId) as Movable;
        const from = index.get(move.fromHostId) as Host;
        const to = index.get(move.toHostId) as Host;
        book(from, item.request.resources, -1);
        book(to, item.request.resources, 1);
        placed.set(move.instanceId, { ...item, hostId: to.id });
        return { request: move.instanceId, from: from.name, to: to.name };
      });
      return { moves, imbalanceBefore: plan.imbalanceBefore, imbalanceAfter: plan.imbalanceAfter };
    },
    hosts() {
      return [...byName.values()].map((host) => ({
        name: host.name,
        cpuMilli: host.capacity.vcpus,
        memoryMiB: host.capacity.memoryMiB,
        usedCpuMilli: host.allocated.vcpus,
        usedMemoryMiB: host.allocated.memoryMiB,
      }));
    },
  };
}

/** A host record the index can rank; `vcpus` carries thousandths of a CPU here. */
function planHost(id: string, name: string, cpuMilli: number, memoryMiB: number, tags: string[]): Host {
  return {
    id,
    version: 1,
    createdAt: EPOCH,
    updatedAt: EPOCH,
    name,
    clusterId: PLAN_CLUSTER,
    datacenterId: PLAN_DATACENTER,
    driver: 'plan',
    ref: name,
    hypervisor: 'simulator',
    cpu: {
      sockets: 1,
      coresPerSocket: Math.max(1, Math.ceil(cpuMilli / 1000)),
      threadsPerCore: 1,
      mhz: 1000,
    },
    memoryMiB,
    storageGiB: 0,
    storagePools: [],
    state: 'up',
    maintenance: 'none',
    tags,
    dedicatedTenantId: null,
    capacity: { vcpus: cpuMilli, memoryMiB, storageGiB: 0 },
    allocated: { vcpus: 0, memoryMiB: 0, storageGiB: 0 },
  };
}
