import { type CallContext, checkContext } from '../context/call-context.js';
import { transactWithEvents } from '../events/outbox.js';
import { type Cluster, ClusterLimits, type ClusterLimitsInput } from '../model/cluster.js';
import type { Resources } from '../model/host.js';
import { CreateInstanceInput } from '../model/instance.js';
import { parseInput } from '../model/validate.js';
import { hostCapacity } from '../scheduler/host-capacity.js';
import type { Rejections } from '../scheduler/placement-request.js';
import { SchedulerPolicy, type SchedulerPolicyInput } from '../scheduler/policy.js';
import type { OperationTable } from './access/operation-rule.js';
import { resolveTenant } from './access/record-access.js';
import { audited, auditedAfter, resourceSubject } from './audit/audit-trail.js';
import { authorize, PLATFORM } from './identity/identity-guard.js';
import { createPlacement } from './instances/create-placement.js';
import { requireRecord, type ServiceDeps } from './service-deps.js';

/** Hosts updated per transaction when a cluster's limits change. */
const HOST_PAGE = 500;

/** Placement policy and cluster limits, set by administrators (R-SCHED-2). @public */
export interface SchedulerService {
  /** The policy placement applies now. */
  policy(ctx: CallContext): Promise<SchedulerPolicy>;
  /** Applies another policy to every later placement in this process. */
  setPolicy(ctx: CallContext, policy: SchedulerPolicyInput): Promise<SchedulerPolicy>;
  /**
   * Sets a cluster's over-commit ratios and disable threshold. Every host of the
   * cluster gets its new capacity (what is already allocated stays, even where it now exceeds it:
   * placement then sees the host as full).
   */
  setClusterLimits(ctx: CallContext, clusterId: string, limits: ClusterLimitsInput): Promise<Cluster>;
  /**
   * Where a create with this input would go now, and why the hosts before it were passed over — or,
   * when nothing fits, why every host was; reserves nothing. A platform right: it names hosts.
   */
  explain(ctx: CallContext, input: CreateInstanceInput): Promise<PlacementExplanation>;
}

/** A placement decision and its reasons (R-SCHED-2). @public */
export interface PlacementExplanation {
  /** The host a create would go to, or null when none can take it. */
  readonly hostId: string | null;
  /** Hosts passed over, counted by the first filter each failed; with no host, every host is counted. */
  readonly rejectedBy: Readonly<Record<string, number>>;
  /** Hosts the scheduler knows. */
  readonly hosts: number;
}

/** The right each scheduler operation checks, all on the platform. @internal */
export const SCHEDULER_OPERATIONS = {
  policy: 'scheduler:read',
  setPolicy: 'scheduler:update',
  setClusterLimits: 'cluster:update',
  explain: 'scheduler:explain',
} as const satisfies OperationTable<SchedulerService>;

/** Builds the scheduler service. @internal */
export function createSchedulerService(deps: ServiceDeps): SchedulerService {
  return {
    async policy(ctx) {
      checkContext(ctx);
      await authorize(deps.store, ctx, SCHEDULER_OPERATIONS.policy, PLATFORM);
      return deps.index.policy;
    },
    async setPolicy(ctx, input) {
      checkContext(ctx);
      const subject = resourceSubject(SCHEDULER_OPERATIONS.setPolicy, 'schedulerPolicy', null);
      return auditedAfter(
        deps.store,
        ctx,
        subject,
        async () => {
          await authorize(deps.store, ctx, SCHEDULER_OPERATIONS.setPolicy, PLATFORM);
          const policy = parseInput(SchedulerPolicy, input, 'scheduler policy');
          deps.index.setPolicy(policy);
          return policy;
        },
        (policy) => ({ ...policy }),
      );
    },
    async explain(ctx, input) {
      checkContext(ctx);
      await authorize(deps.store, ctx, SCHEDULER_OPERATIONS.explain, PLATFORM);
      const parsed = parseInput(CreateInstanceInput, input, 'instance input');
      const tenant = await resolveTenant(
        deps.store,
        ctx,
        parsed.tenantId,
        SCHEDULER_OPERATIONS.explain,
        'instance',
      );
      const { request } = await createPlacement(deps.store, ctx, parsed, tenant, 'explain');
      const rejectedBy: Rejections = {};
      let hostId: string | null = null;
      for (const host of deps.index.candidates(request, rejectedBy)) {
        hostId = host.id;
        break;
      }
      return { hostId, rejectedBy, hosts: deps.index.size };
    },
    async setClusterLimits(ctx, clusterId, input) {
      checkContext(ctx);
      const limits = parseInput(ClusterLimits, input, 'cluster limits');
      const subject = resourceSubject(SCHEDULER_OPERATIONS.setClusterLimits, 'cluster', String(clusterId));
      const cluster = await audited(deps.store, ctx, subject, (done) =>
        transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
          await authorize(tx, ctx, SCHEDULER_OPERATIONS.setClusterLimits, PLATFORM);
          const current = await requireRecord(tx, 'clusters', String(clusterId), 'Cluster');
          const updated = await tx.update('clusters', { ...current, ...limits });
          effects.emit({
            type: 'cluster.limits_changed',
            resourceType: 'cluster',
            resourceId: updated.id,
            tenantId: null,
            data: { ...limits },
          });
          effects.afterCommit(() => deps.index.upsertCluster(updated));
          await done(tx, updated.id, { ...limits });
          return updated;
        }),
      );
      await resizeHosts(deps, cluster);
      return cluster;
    },
  };
}

/**
 * Gives every host of the cluster the capacity its ratios allow, a page per transaction. A process that
 * dies half-way leaves some hosts at their old capacity; `createCloud` finishes the work at start.
 * @internal
 */
export async function resizeHosts(
  deps: Pick<ServiceDeps, 'store' | 'index'>,
  cluster: Cluster,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const page = await deps.store.list('hosts', {
      where: { clusterId: cluster.id },
      limit: HOST_PAGE,
      ...(after === undefined ? {} : { after }),
    });
    const updated = await deps.store.transaction(async (tx) => {
      const hosts = [];
      for (const listed of page.items) {
        // Read again inside the transaction: a reservation may have moved the host since the list.
        const host = await tx.get('hosts', listed.id);
        const capacity = host && hostCapacity(host, cluster.overcommit);
        if (!host || !capacity || sameResources(host.capacity, capacity)) continue;
        hosts.push(await tx.update('hosts', { ...host, capacity }));
      }
      return hosts;
    });
    for (const host of updated) deps.index.upsert(host);
    if (page.nextCursor === undefined) return;
    after = page.nextCursor;
  }
}

function sameResources(a: Resources, b: Resources): boolean {
  return a.vcpus === b.vcpus && a.memoryMiB === b.memoryMiB && a.storageGiB === b.storageGiB;
}
