import { z } from 'zod';
import { EcloudError } from '../errors/ecloud-error.js';
import type { Host } from '../model/host.js';
import { parseInput } from '../model/validate.js';
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

/** A what-if placement over an inventory (see {@link createCapacityPlan}). @public */
export interface CapacityPlan {
  /** Adds a host; names are unique. */
  addHost(host: PlanHost): void;
  /** Places one request as the cloud's scheduler would, and books it on the chosen host. */
  place(request: PlanRequest): PlanDecision;
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
      for (const host of index.candidates(placement, rejectedBy)) {
        const booked = withAllocation(host, placement.resources, 1);
        byName.set(host.name, booked);
        index.upsert(booked);
        return { placed: true, host: host.name };
      }
      return { placed: false, rejectedBy };
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
    state: 'up',
    maintenance: 'none',
    tags,
    dedicatedTenantId: null,
    capacity: { vcpus: cpuMilli, memoryMiB, storageGiB: 0 },
    allocated: { vcpus: 0, memoryMiB: 0, storageGiB: 0 },
  };
}
