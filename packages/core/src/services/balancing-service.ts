import { z } from 'zod';
import { type CallContext, checkContext } from '../context/call-context.js';
import { toEcloudError } from '../errors/ecloud-error.js';
import type { Instance } from '../model/instance.js';
import { parseInput } from '../model/validate.js';
import { BalanceLimits } from '../scheduler/balance-limits.js';
import {
  type BalancePlan,
  balanceable,
  type Movable,
  type PlannedGroup,
  type PlannedMove,
  planBalance,
} from '../scheduler/balance-planner.js';
import { policyUtilisation } from '../scheduler/host-ranking.js';
import { allRecords } from '../store/all-records.js';
import type { OperationTable } from './access/operation-rule.js';
import { auditedAfter, resourceSubject } from './audit/audit-trail.js';
import { authorize, PLATFORM } from './identity/identity-guard.js';
import { instanceVolumes } from './instances/instance-job.js';
import { instancePlacement } from './instances/instance-placement.js';
import { migrateInstance } from './instances/migrate-instance.js';
import type { ServiceDeps } from './service-deps.js';

/** Input of `cloud.balancer.plan`. @public */
export const BalanceInput = BalanceLimits.extend({
  /** Only this cluster's hosts; all hosts when left out. */
  clusterId: z.string().min(1).optional(),
});
/** Input of `cloud.balancer.plan` (the type of the {@link BalanceInput} schema, as callers write it). @public */
export type BalanceInput = z.input<typeof BalanceInput>;

/** Options of `cloud.balancer.execute`. @public */
export const ExecuteBalanceOptions = z.strictObject({
  /** Migrations running at once. */
  concurrency: z.number().int().min(1).max(64).default(4),
});
/** Options of `cloud.balancer.execute` (the type of the {@link ExecuteBalanceOptions} schema, as callers write it). @public */
export type ExecuteBalanceOptions = z.input<typeof ExecuteBalanceOptions>;

/** A plan as `execute` takes it back: what `plan` returned. */
const PlanSchema = z.object({
  moves: z
    .array(
      z.strictObject({
        instanceId: z.string().min(1),
        fromHostId: z.string().min(1),
        toHostId: z.string().min(1),
      }),
    )
    .max(1000),
  imbalanceBefore: z.number(),
  imbalanceAfter: z.number(),
});

/** What executing a plan did. @public */
export interface BalanceOutcome {
  readonly moved: readonly PlannedMove[];
  readonly failed: ReadonlyArray<PlannedMove & { readonly code: string; readonly message: string }>;
}

/** Dynamic balancing, DRS-like (R-SCHED-4); platform callers only. @public */
export interface BalancingService {
  /** Proposes live migrations that bring host utilisation within the band; moves nothing. */
  plan(ctx: CallContext, input?: BalanceInput): Promise<BalancePlan>;
  /**
   * Runs a plan's migrations as ordinary jobs, a few at a time. Each is checked against every filter
   * again when its job is created, so a plan gone stale fails move by move, never over-books.
   */
  execute(ctx: CallContext, plan: BalancePlan, options?: ExecuteBalanceOptions): Promise<BalanceOutcome>;
}

/** Running instances on `hostId` that no job holds and whose driver migrates live. */
async function movableOn(deps: ServiceDeps, hostId: string): Promise<Instance[]> {
  const found: Instance[] = [];
  for await (const vm of allRecords(deps.store, 'instances', { hostId, state: 'running' })) {
    if (vm.jobId === null && deps.drivers.get(vm.driver ?? '').capabilities.liveMigration) found.push(vm);
  }
  return found;
}

async function buildPlan(deps: ServiceDeps, input: z.output<typeof BalanceInput>): Promise<BalancePlan> {
  const hosts = deps.index.hosts(input.clusterId);
  const utilisation = policyUtilisation(deps.index.policy);
  const eligible = hosts.filter(balanceable);
  const mean = eligible.reduce((sum, h) => sum + utilisation(h), 0) / Math.max(1, eligible.length);
  // Only hosts above the band give instances up; reading the instances of the others is wasted work.
  const sources = eligible.filter((h) => utilisation(h) > mean + input.band);
  const movable: Movable[] = [];
  const groups = new Map<string, PlannedGroup>();
  for (const source of sources) {
    for (const vm of await movableOn(deps, source.id)) {
      const volumes = await instanceVolumes(deps.store, vm.id);
      const { group: _, ...request } = await instancePlacement(deps.store, vm, volumes, {
        driver: vm.driver ?? '',
      });
      movable.push({ instanceId: vm.id, hostId: source.id, request, groupId: vm.placementGroupId });
      if (vm.placementGroupId !== null && !groups.has(vm.placementGroupId)) {
        const group = await deps.store.get('placementGroups', vm.placementGroupId);
        if (group)
          groups.set(group.id, { policy: group.policy, members: new Map(Object.entries(group.members)) });
      }
    }
  }
  return planBalance(deps.index, hosts, movable, groups, input);
}

/** The right each balancing operation checks, on the platform. @internal */
export const BALANCING_OPERATIONS = {
  plan: 'balancer:plan',
  execute: 'balancer:execute',
} as const satisfies OperationTable<BalancingService>;

/** Builds the balancing service. @internal */
export function createBalancingService(deps: ServiceDeps): BalancingService {
  return {
    async plan(ctx, input = {}) {
      checkContext(ctx);
      await authorize(deps.store, ctx, BALANCING_OPERATIONS.plan, PLATFORM);
      return buildPlan(deps, parseInput(BalanceInput, input, 'balance input'));
    },
    execute: (ctx, plan, options = {}) =>
      auditedAfter(
        deps.store,
        ctx,
        resourceSubject(BALANCING_OPERATIONS.execute, 'balancePlan', null),
        () => executePlan(deps, ctx, plan, options),
        (outcome) => ({ moved: outcome.moved.length, failed: outcome.failed.length }),
      ),
  };
}

/** Runs a plan's moves, each an audited migration of its own. */
async function executePlan(
  deps: ServiceDeps,
  ctx: CallContext,
  plan: BalancePlan,
  options: ExecuteBalanceOptions,
): Promise<BalanceOutcome> {
  checkContext(ctx);
  await authorize(deps.store, ctx, BALANCING_OPERATIONS.execute, PLATFORM);
  const { concurrency } = parseInput(ExecuteBalanceOptions, options, 'balance options');
  const queue = [...parseInput(PlanSchema, plan, 'balance plan').moves];
  const moved: PlannedMove[] = [];
  const failed: Array<PlannedMove & { code: string; message: string }> = [];
  const worker = async () => {
    for (let move = queue.shift(); move !== undefined; move = queue.shift()) {
      try {
        await (
          await migrateInstance(deps, ctx, move.instanceId, { hostId: move.toHostId, live: true })
        ).wait();
        moved.push(move);
      } catch (error) {
        const failure = toEcloudError(error);
        failed.push({ ...move, code: failure.code, message: failure.message });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { moved, failed };
}
