import { EcloudError, type EcloudErrorJson } from '../errors/ecloud-error.js';
import type { CloudEventBus } from '../events/event-bus.js';
import { isFinalJobState, type Job } from '../model/job.js';
import type { Store } from '../store/store.js';
import type { JobRunner, Settled } from './job-runner.js';

/** Options of {@link JobHandle.wait}. @public */
export interface WaitOptions {
  /** Stops waiting (the job itself goes on; use `cancel()` to stop it). */
  readonly signal?: AbortSignal;
  /** Longest time to wait, in milliseconds; then `TIMEOUT` is thrown and the job goes on. */
  readonly timeoutMs?: number;
}

/**
 * The handle of a long operation, returned at once (R-COMP-3).
 * @public
 */
export interface JobHandle<R> {
  readonly id: string;
  readonly operation: string;
  /** Resolves with the operation's result once the job succeeded; throws its error on anything else. */
  wait(options?: WaitOptions): Promise<R>;
  /** Asks the job to stop; what it did is undone and it ends `cancelled`. */
  cancel(): Promise<void>;
  /** The job as persisted now. */
  get(): Promise<Job>;
  /** Listens to progress reports; returns the unsubscribe function. */
  onProgress(listener: (progress: number, message?: string) => void): () => void;
}

const POLL_START_MS = 25;
const POLL_MAX_MS = 1000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Everything a handle needs. @internal */
export interface JobHandleDeps {
  readonly store: Store;
  readonly bus: CloudEventBus;
  readonly runner: JobRunner;
  readonly cancel: (jobId: string) => Promise<void>;
}

/**
 * Builds the handle of a job; `result` turns a succeeded job (and the value its commit handed over in this
 * process, if any) into what `wait` returns.
 * @internal
 */
export function jobHandle<R>(
  deps: JobHandleDeps,
  job: Job,
  result: (job: Job, value: unknown) => Promise<R>,
): JobHandle<R> {
  const { store, bus, runner } = deps;
  const load = async (): Promise<Job> => {
    const fresh = await store.get('jobs', job.id);
    if (!fresh) throw new EcloudError('NOT_FOUND', `Job ${job.id} does not exist.`, { jobId: job.id });
    return fresh;
  };
  const poll = async (signal: AbortSignal): Promise<Settled> => {
    let delay = POLL_START_MS;
    for (;;) {
      const fresh = await load();
      if (isFinalJobState(fresh.state)) return { job: fresh };
      await sleep(delay, signal);
      delay = Math.min(POLL_MAX_MS, delay * 2);
    }
  };
  const settle = async (options: WaitOptions): Promise<Settled> => {
    const local = runner.settled(job.id);
    // The common case, a plain wait on a job of this process, needs no signals at all.
    if (local && options.signal === undefined && options.timeoutMs === undefined) return local;
    const controller = new AbortController();
    const signals = [controller.signal];
    if (options.signal) signals.push(options.signal);
    if (options.timeoutMs !== undefined) {
      signals.push(AbortSignal.timeout(options.timeoutMs));
    }
    const signal = AbortSignal.any(signals);
    const aborted = new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    // The finally below aborts on purpose; that rejection has no listener left and must not surface.
    aborted.catch(() => undefined);
    try {
      // A job of this process settles through the runner; one of another process is polled.
      return await Promise.race([local ?? poll(signal), aborted]);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new EcloudError('TIMEOUT', `Job ${job.id} did not finish within ${options.timeoutMs} ms.`, {
          jobId: job.id,
        });
      }
      if (signal.aborted && !(error instanceof EcloudError)) {
        throw new EcloudError('CANCELLED', `Waiting for job ${job.id} was aborted.`, {
          jobId: job.id,
          cause: error,
        });
      }
      throw error;
    } finally {
      controller.abort();
    }
  };
  return {
    id: job.id,
    operation: job.operation,
    async wait(options = {}) {
      const { job: final, value } = await settle(options);
      if (final.state === 'succeeded') return result(final, value);
      if (final.error) throw EcloudError.fromJSON({ ...(final.error as EcloudErrorJson), jobId: job.id });
      throw new EcloudError('INTERNAL', `Job ${job.id} ended ${final.state} without an error.`, {
        jobId: job.id,
      });
    },
    cancel: () => deps.cancel(job.id),
    get: load,
    onProgress(listener) {
      const onProgress = (update: { jobId: string; progress: number; message?: string }) => {
        if (update.jobId === job.id) listener(update.progress, update.message);
      };
      bus.on('job.progress', onProgress);
      return () => bus.off('job.progress', onProgress);
    },
  };
}
