import { type CallContext, checkContext } from '../context/call-context.js';
import { EcloudError } from '../errors/ecloud-error.js';
import type { JobHandle } from '../jobs/job-handle.js';
import { isFinalJobState, type Job, JobFilter } from '../model/job.js';
import type { Page } from '../model/page.js';
import { parseInput } from '../model/validate.js';
import type { OperationTable } from './access/operation-rule.js';
import { getVisible, listTenant } from './access/record-access.js';
import { auditedAfter, resourceSubject } from './audit/audit-trail.js';
import { listPage, type ServiceDeps } from './service-deps.js';

/** Jobs: look-up, listing, cancellation and handles to wait on (R-COMP-3). @public */
export interface JobService {
  /** Reads one job the caller may see; NOT_FOUND otherwise. */
  get(ctx: CallContext, id: string): Promise<Job>;
  /** One page of the jobs the caller may see, oldest first. */
  list(ctx: CallContext, filter?: JobFilter): Promise<Page<Job>>;
  /** A handle on an existing job; `wait()` resolves with the job itself. */
  handle(ctx: CallContext, id: string): Promise<JobHandle<Job>>;
  /**
   * Cancels a job running in this process: its completed steps are undone and it ends `cancelled`.
   * A finished job cannot be cancelled (ILLEGAL_STATE).
   */
  cancel(ctx: CallContext, id: string): Promise<void>;
}

/** Cancels a job of this process, or explains why not. @internal */
export async function cancelJob(deps: ServiceDeps, job: Job): Promise<void> {
  if (isFinalJobState(job.state)) {
    throw new EcloudError('ILLEGAL_STATE', `Job ${job.id} already ended ${job.state}.`, {
      details: { jobId: job.id, state: job.state },
    });
  }
  if (!deps.runner.cancel(job.id)) {
    throw new EcloudError(
      'ILLEGAL_STATE',
      `Job ${job.id} runs in management process ${job.ownerNode}, not this one.`,
      {
        details: { jobId: job.id, ownerNode: job.ownerNode },
      },
    );
  }
}

/** The right each job operation checks, on the job (a platform job is the platform's). @internal */
export const JOB_OPERATIONS = {
  get: 'job:read',
  list: 'job:read',
  handle: 'job:read',
  cancel: 'job:cancel',
} as const satisfies OperationTable<JobService>;

/** Builds the job service. @internal */
export function createJobService(deps: ServiceDeps): JobService {
  return {
    async get(ctx, id) {
      checkContext(ctx);
      return getVisible(deps.store, ctx, 'jobs', String(id), 'Job', JOB_OPERATIONS.get);
    },
    async list(ctx, filter = {}) {
      checkContext(ctx);
      const { tenantId, state, resourceId, ...page } = parseInput(JobFilter, filter, 'job filter');
      const scope = await listTenant(deps.store, ctx, JOB_OPERATIONS.list, tenantId);
      const where = {
        ...(scope === undefined ? {} : { tenantId: scope }),
        ...(state === undefined ? {} : { state }),
        ...(resourceId === undefined ? {} : { resourceId }),
      };
      return listPage(deps.store, 'jobs', where, page);
    },
    async handle(ctx, id) {
      checkContext(ctx);
      const job = await getVisible(deps.store, ctx, 'jobs', String(id), 'Job', JOB_OPERATIONS.handle);
      return deps.handle(job, async (final) => final);
    },
    async cancel(ctx, id) {
      checkContext(ctx);
      await auditedAfter(
        deps.store,
        ctx,
        resourceSubject(JOB_OPERATIONS.cancel, 'job', String(id)),
        async () =>
          cancelJob(
            deps,
            await getVisible(deps.store, ctx, 'jobs', String(id), 'Job', JOB_OPERATIONS.cancel),
          ),
      );
    },
  };
}
