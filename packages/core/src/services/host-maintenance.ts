import { setTimeout as sleep } from 'node:timers/promises';
import { type CallContext, checkContext, systemContext } from '../context/call-context.js';
import { EcloudError, toEcloudError } from '../errors/ecloud-error.js';
import { type TxEffects, transactWithEvents } from '../events/outbox.js';
import type { JobHandle } from '../jobs/job-handle.js';
import type { OperationHandler, StepContext } from '../jobs/operation.js';
import type { Host, MaintenanceState } from '../model/host.js';
import type { Instance } from '../model/instance.js';
import { allRecords } from '../store/all-records.js';
import type { StoreSession } from '../store/store.js';
import { audited, resourceSubject } from './audit/audit-trail.js';
import { authorize, PLATFORM } from './identity/identity-guard.js';
import { createInstanceService, type InstanceService } from './instance-service.js';
import { requireRecord, type ServiceDeps } from './service-deps.js';

/** Migrations an evacuation runs at once: enough to drain a host quickly, few enough to spare the network. */
const EVACUATION_CONCURRENCY = 4;
/** How long an evacuation waits before trying again an instance another job holds. */
const BUSY_RETRY_MS = 200;

/** Why an instance could not leave the host. */
interface Stuck {
  readonly instanceId: string;
  readonly code: string;
  readonly message: string;
}

async function setMaintenance(
  tx: StoreSession,
  hostId: string,
  from: readonly MaintenanceState[],
  to: MaintenanceState,
  effects: TxEffects,
  deps: ServiceDeps,
): Promise<Host> {
  const host = await requireRecord(tx, 'hosts', hostId, 'Host');
  if (!from.includes(host.maintenance)) {
    throw new EcloudError(
      'ILLEGAL_STATE',
      `Host ${hostId} is ${host.maintenance}, not ${from.join(' or ')}.`,
      {
        details: { hostId, maintenance: host.maintenance },
      },
    );
  }
  const updated = await tx.update('hosts', { ...host, maintenance: to });
  effects.afterCommit(() => deps.index.upsert(updated));
  effects.emit({
    type: `host.maintenance_${to}`,
    resourceType: 'host',
    resourceId: hostId,
    tenantId: null,
    data: { from: host.maintenance },
  });
  return updated;
}

/**
 * Puts a host into maintenance (R-COMP-5): at once it takes no new instances (`entering`), then a job
 * moves every instance off it — live where the instance runs and its driver can, otherwise stopped,
 * moved cold and started again — and the host ends `in_maintenance`. If an instance cannot be moved the
 * job fails naming it, and the host returns to service; those already moved stay where they went.
 * @internal
 */
export async function enterMaintenance(
  deps: ServiceDeps,
  ctx: CallContext,
  hostId: string,
): Promise<JobHandle<Host>> {
  checkContext(ctx);
  const subject = resourceSubject('host:enterMaintenance', 'host', String(hostId));
  const job = await audited(deps.store, ctx, subject, async (done) => {
    await authorize(deps.store, ctx, 'host:maintenance', PLATFORM);
    assertDrainSlots(deps);
    return transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
      await setMaintenance(tx, String(hostId), ['none'], 'entering', effects, deps);
      const created = await deps.runner.create(tx, {
        operation: 'host.maintenance',
        tenantId: null,
        resourceType: 'host',
        resourceId: String(hostId),
        input: { hostId: String(hostId) },
      });
      await done(tx, String(hostId), { jobId: created.id });
      return created;
    });
  });
  deps.runner.start(job);
  return deps.handle(
    job,
    async (_job, value) =>
      (value as Host | undefined) ?? requireRecord(deps.store, 'hosts', String(hostId), 'Host'),
  );
}

/**
 * A drain holds a runner slot while its migrations need slots of their own: with every slot held by a
 * drain, none could move. So at most half the slots drain at once, and a runner of one slot cannot.
 */
function assertDrainSlots(deps: ServiceDeps): void {
  const limit = Math.floor(deps.runner.concurrency / 2);
  const draining = deps.runner.activeCount('host.maintenance');
  if (draining >= limit) {
    throw new EcloudError(
      'ILLEGAL_STATE',
      limit === 0
        ? 'Maintenance needs a job concurrency of at least 2: a drain and its migrations run side by side.'
        : `${draining} hosts are already draining in this process, the most its ${deps.runner.concurrency} job slots allow; wait for one to finish.`,
      { details: { draining, limit, jobConcurrency: deps.runner.concurrency } },
    );
  }
}

/** Returns a host in maintenance to service. One still `entering` has a job to cancel first. @internal */
export async function exitMaintenance(deps: ServiceDeps, ctx: CallContext, hostId: string): Promise<Host> {
  checkContext(ctx);
  const subject = resourceSubject('host:exitMaintenance', 'host', String(hostId));
  return audited(deps.store, ctx, subject, (done) =>
    transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
      await authorize(tx, ctx, 'host:maintenance', PLATFORM);
      const host = await setMaintenance(tx, String(hostId), ['in_maintenance'], 'none', effects, deps);
      await done(tx, host.id);
      return host;
    }),
  );
}

/** Moves one instance off its host the way its state and driver allow. */
async function evacuate(
  instances: InstanceService,
  instance: Instance,
  deps: ServiceDeps,
  signal: AbortSignal,
): Promise<void> {
  const ctx = systemContext('maintenance');
  const wait = { signal };
  const live =
    instance.state === 'running' && deps.drivers.get(instance.driver ?? '').capabilities.liveMigration;
  if (live || instance.state === 'stopped') {
    await (await instances.migrate(ctx, instance.id, { live })).wait(wait);
    return;
  }
  if (instance.state !== 'running') {
    throw new EcloudError(
      'ILLEGAL_STATE',
      `Instance ${instance.id} is ${instance.state}; it cannot be moved.`,
      {
        details: { instanceId: instance.id, state: instance.state },
      },
    );
  }
  await (await instances.stop(ctx, instance.id)).wait(wait);
  await (await instances.migrate(ctx, instance.id, { live: false })).wait(wait);
  await (await instances.start(ctx, instance.id)).wait(wait);
}

/** The instances still on the host. */
async function remaining(deps: ServiceDeps, hostId: string): Promise<Instance[]> {
  const found: Instance[] = [];
  for await (const vm of allRecords(deps.store, 'instances', { hostId }))
    if (vm.state !== 'deleted') found.push(vm);
  return found;
}

/**
 * Drains the host in passes: each pass moves what it can, a few at a time; an instance another job
 * holds (a create or a migration still running, one being rolled back after a restart) is tried again
 * in the next pass. The step ends when the host is empty, or fails with what could not be moved.
 */
async function drain(deps: ServiceDeps, hostId: string, ctx: StepContext): Promise<void> {
  const instances = createInstanceService(deps);
  let total: number | undefined;
  for (;;) {
    ctx.signal.throwIfAborted();
    const left = await remaining(deps, hostId);
    total ??= left.length;
    ctx.progress(total === 0 ? 100 : ((total - left.length) / total) * 100, `${left.length} instances left`);
    if (left.length === 0) return;
    const stuck: Stuck[] = [];
    let busy = 0;
    const queue = [...left];
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        if (next.jobId !== null) {
          busy++;
          continue;
        }
        try {
          await evacuate(instances, next, deps, ctx.signal);
        } catch (error) {
          const failure = toEcloudError(error);
          if (failure.code === 'CONFLICT') busy++;
          else stuck.push({ instanceId: next.id, code: failure.code, message: failure.message });
        }
      }
    };
    await Promise.all(Array.from({ length: EVACUATION_CONCURRENCY }, worker));
    ctx.signal.throwIfAborted();
    if (stuck.length > 0) {
      throw new EcloudError('ILLEGAL_STATE', `${stuck.length} instances could not leave host ${hostId}.`, {
        details: { hostId, stuck },
      });
    }
    if (busy > 0) await sleep(BUSY_RETRY_MS, undefined, { signal: ctx.signal });
  }
}

/** The job of `enterMaintenance`. Draining again is harmless, so a restart resumes it. @internal */
export function maintenanceHandler(deps: ServiceDeps): OperationHandler {
  const hostOf = (input: Record<string, unknown>) => String(input.hostId);
  return {
    operation: 'host.maintenance',
    recovery: 'resume',
    timeoutMs: 6 * 60 * 60_000,
    steps: () => [
      {
        name: 'evacuate',
        async run(ctx) {
          await drain(deps, hostOf(ctx.job.input), ctx);
          return {};
        },
      },
    ],
    async commit(job, tx, effects) {
      const host = await setMaintenance(tx, hostOf(job.input), ['entering'], 'in_maintenance', effects, deps);
      return { result: { hostId: host.id }, value: host };
    },
    async abort(job, _error, tx, effects) {
      const host = await tx.get('hosts', hostOf(job.input));
      if (host?.maintenance === 'entering')
        await setMaintenance(tx, host.id, ['entering'], 'none', effects, deps);
    },
  };
}
