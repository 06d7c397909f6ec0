import { toEcloudError } from '../errors/ecloud-error.js';
import type { Job } from '../model/job.js';
import type { DriverPowerState } from '../spi/compute-driver.js';
import type { DriverRegistry } from '../spi/driver-registry.js';
import { allRecords } from '../store/all-records.js';
import type { Store } from '../store/store.js';
import type { JobRunner } from './job-runner.js';

/** What a reconciliation found and did. @public */
export interface ReconcileReport {
  /** Queued jobs started again. */
  readonly resumed: number;
  /** Interrupted jobs whose completed steps were undone. */
  readonly rolledBack: number;
  /** Instances whose state was corrected from their driver. */
  readonly instancesSynced: number;
  readonly errors: readonly { readonly jobId: string; readonly code: string; readonly message: string }[];
}

/** Everything the reconciler needs. @internal */
export interface ReconcilerDeps {
  readonly store: Store;
  readonly runner: JobRunner;
  readonly drivers: DriverRegistry;
  readonly nodeId: string;
}

/** This process's jobs in `state`; paging by id stays correct while the caller moves them out of it. */
function unfinishedJobs(deps: ReconcilerDeps, state: 'queued' | 'running'): AsyncGenerator<Job> {
  return allRecords(deps.store, 'jobs', { state, ownerNode: deps.nodeId }, 200);
}

const POWER_TO_STATE: Record<DriverPowerState, 'running' | 'stopped' | 'suspended'> = {
  running: 'running',
  stopped: 'stopped',
  suspended: 'suspended',
};

/** Sets an instance's recorded state to what its driver reports. Returns whether it changed. */
async function syncInstance(deps: ReconcilerDeps, instanceId: string): Promise<boolean> {
  const instance = await deps.store.get('instances', instanceId);
  if (!instance?.driver || instance.jobId !== null) return false;
  const driver = deps.drivers.get(instance.driver);
  const found = await driver.findInstance(instance.id, {
    signal: AbortSignal.timeout(60_000),
    progress: () => undefined,
  });
  const state = found ? POWER_TO_STATE[found.power] : 'error';
  if (state === instance.state) return false;
  await deps.store.update('instances', { ...instance, state });
  return true;
}

/**
 * Brings this process's unfinished jobs to an end after a restart (R-COMP-3): queued jobs run, jobs that
 * were running are rolled back (or resumed, where the operation is idempotent), and the instance they
 * touched is re-read from its driver, so nothing is left half-made.
 * @internal
 */
export async function reconcileJobs(deps: ReconcilerDeps): Promise<ReconcileReport> {
  let resumed = 0;
  let rolledBack = 0;
  let instancesSynced = 0;
  const errors: { jobId: string; code: string; message: string }[] = [];
  for await (const job of unfinishedJobs(deps, 'running')) {
    try {
      if (deps.runner.handlerFor(job.operation)?.recovery === 'resume') {
        deps.runner.start(job);
        resumed++;
        continue;
      }
      await deps.runner.rollbackInterrupted(job);
      rolledBack++;
      if (job.resourceType === 'instance' && (await syncInstance(deps, job.resourceId))) instancesSynced++;
    } catch (error) {
      const failure = toEcloudError(error);
      errors.push({ jobId: job.id, code: failure.code, message: failure.message });
    }
  }
  for await (const job of unfinishedJobs(deps, 'queued')) {
    deps.runner.start(job);
    resumed++;
  }
  return { resumed, rolledBack, instancesSynced, errors };
}
