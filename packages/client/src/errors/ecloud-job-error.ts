import type { Job } from '../api-types.js';

const BRAND = Symbol.for('ecloud.job-error');

/**
 * Why a wait for a job ended without success: the job `failed` or was `cancelled`, the wait ran past
 * its `maxWaitTime` (`timeout`, the job itself goes on), or the caller's signal `aborted` it.
 * @public
 */
export type JobWaitFailure = 'failed' | 'cancelled' | 'timeout' | 'aborted';

/**
 * What a {@link waitForJob} throws when the job did not succeed. Branded with
 * `Symbol.for('ecloud.job-error')`, so `instanceof` holds across two copies of the package.
 * @public
 */
export class EcloudJobError extends Error {
  /** Why the wait ended. */
  readonly reason: JobWaitFailure;
  readonly jobId: string;
  /** The job as last seen; undefined when it was never read. */
  readonly job: Job | undefined;
  /** The job's error code for `failed` (e.g. `INSUFFICIENT_CAPACITY`); `CANCELLED` or `TIMEOUT` otherwise. */
  readonly code: string;
  /** The job error's facts, for `failed`. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(reason: JobWaitFailure, jobId: string, job: Job | undefined, cause?: unknown) {
    super(messageOf(reason, jobId, job), cause === undefined ? undefined : { cause });
    this.name = 'EcloudJobError';
    this.reason = reason;
    this.jobId = jobId;
    this.job = job;
    this.code = codeOf(reason, job);
    this.details = (reason === 'failed' && job?.error?.details) || {};
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Recognises the error by its brand, so a copy from another install of the package passes too. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

function codeOf(reason: JobWaitFailure, job: Job | undefined): string {
  if (reason === 'failed') return job?.error?.code ?? 'INTERNAL';
  return reason === 'timeout' ? 'TIMEOUT' : 'CANCELLED';
}

function messageOf(reason: JobWaitFailure, jobId: string, job: Job | undefined): string {
  const what = job ? `Job ${jobId} (${job.operation})` : `Job ${jobId}`;
  switch (reason) {
    case 'failed':
      return `${what} failed: ${job?.error?.detail ?? 'no error was recorded'}`;
    case 'cancelled':
      return `${what} was cancelled.`;
    case 'timeout':
      return `${what} had not finished when the wait ran out (it goes on: ${job?.state ?? 'unknown'}, ${job?.progress ?? 0}%).`;
    case 'aborted':
      return `The wait for ${what} was aborted (the job goes on).`;
  }
}
