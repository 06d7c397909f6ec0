import type { Job } from '../api-types.js';
import { EcloudApiError } from '../errors/ecloud-api-error.js';
import { EcloudJobError } from '../errors/ecloud-job-error.js';
import type { CallOptions } from '../http/api-request.js';
import { backoffDelay, sleep } from '../timing/backoff.js';

/**
 * How {@link waitForJob} waits.
 * @public
 */
export interface WaitForJobOptions {
  /** Stops waiting (the job goes on); the wait throws an {@link EcloudJobError} `aborted`. */
  readonly signal?: AbortSignal;
  /** Longest wait, milliseconds (default 15 minutes); then it throws an {@link EcloudJobError} `timeout`. */
  readonly maxWaitTime?: number;
  /** First pause between polls, milliseconds (default 250); it doubles up to `maxDelayMs`. */
  readonly minDelayMs?: number;
  /** Longest pause between polls, milliseconds (default 5,000). */
  readonly maxDelayMs?: number;
  /** Called with the job whenever its state or progress has changed since the last call (and first). */
  readonly onProgress?: (job: Job) => void;
}

/** What the waiter reads jobs through (the client's `jobs`). @public */
export interface JobReader {
  get(id: string, options?: CallOptions): Promise<Job>;
}

const DEFAULTS = { maxWaitTime: 15 * 60_000, minDelayMs: 250, maxDelayMs: 5000 };

/**
 * Polls a job until it ends, with exponential backoff: resolves with the job when it `succeeded`,
 * throws an {@link EcloudJobError} when it `failed` or was `cancelled`, when `maxWaitTime` runs out or
 * `signal` aborts. A poll that fails with a retryable error (the server restarting, a dropped
 * connection) is simply tried again at the next turn; any other error is thrown as it is.
 * @public
 */
export async function waitForJob(
  jobs: JobReader,
  jobId: string,
  options: WaitForJobOptions = {},
): Promise<Job> {
  const bounds = { ...DEFAULTS, ...definedOnly(options) };
  const deadline = Date.now() + bounds.maxWaitTime;
  const report = progressReporter(options.onProgress);
  let last: Job | undefined;
  for (let poll = 1; ; poll++) {
    last = (await readJob(jobs, jobId, options.signal, last)) ?? last;
    if (last) {
      report(last);
      if (last.state === 'succeeded') return last;
      if (last.state === 'failed' || last.state === 'cancelled')
        throw new EcloudJobError(last.state, jobId, last);
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new EcloudJobError('timeout', jobId, last);
    await sleep(Math.min(backoffDelay(poll, bounds), remaining), options.signal).catch((reason: unknown) => {
      throw new EcloudJobError('aborted', jobId, last, reason);
    });
  }
}

/** The job now, or undefined when this poll failed in a way worth another poll. */
async function readJob(
  jobs: JobReader,
  jobId: string,
  signal: AbortSignal | undefined,
  last: Job | undefined,
): Promise<Job | undefined> {
  try {
    return await jobs.get(jobId, signal === undefined ? {} : { signal });
  } catch (error) {
    if (signal?.aborted) throw new EcloudJobError('aborted', jobId, last, signal.reason);
    if (error instanceof EcloudApiError && error.retryable) return undefined;
    throw error;
  }
}

/** Calls `onProgress` only when the job's state or progress changed. */
function progressReporter(onProgress: ((job: Job) => void) | undefined): (job: Job) => void {
  let previous: string | undefined;
  return (job) => {
    const now = `${job.state}:${job.progress}`;
    if (onProgress === undefined || now === previous) return;
    previous = now;
    onProgress(job);
  };
}

function definedOnly(options: WaitForJobOptions): Partial<typeof DEFAULTS> {
  return Object.fromEntries(
    Object.entries({
      maxWaitTime: options.maxWaitTime,
      minDelayMs: options.minDelayMs,
      maxDelayMs: options.maxDelayMs,
    }).filter(([, value]) => value !== undefined),
  );
}
