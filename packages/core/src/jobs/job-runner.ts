import { EcloudError, type EcloudErrorJson, toEcloudError } from '../errors/ecloud-error.js';
import type { CloudEventBus } from '../events/event-bus.js';
import { transactWithEvents } from '../events/outbox.js';
import { newId } from '../model/ids.js';
import { isFinalJobState, type Job } from '../model/job.js';
import type { Store, StoreSession } from '../store/store.js';
import { JobProgress } from './job-progress.js';
import type { OperationHandler, OperationStep, StepContext } from './operation.js';

/** What a service asks the runner to persist as a new job. @internal */
export interface JobSpec {
  /** Given when the caller must know the id before the job exists (to lock a resource with it). */
  readonly id?: string;
  readonly operation: string;
  readonly tenantId: string | null;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly input: Record<string, unknown>;
  readonly idempotencyKey?: string;
}

/** Options of the runner. @internal */
export interface JobRunnerOptions {
  readonly store: Store;
  readonly bus: CloudEventBus;
  /** This management process; jobs it creates are owned by it (R-HA-3 groundwork). */
  readonly nodeId: string;
  /** Jobs running at once; the rest wait in order. */
  readonly concurrency: number;
  readonly onError: (error: unknown, context: string) => void;
}

/** How a job of this process ended: the stored job and, on success, the value its commit handed over. @internal */
export interface Settled {
  readonly job: Job;
  readonly value?: unknown;
}

interface ActiveJob {
  readonly operation: string;
  readonly controller: AbortController;
  readonly done: Promise<Settled>;
}

/**
 * Runs persisted jobs: queued → running → succeeded | failed | cancelled. Each step is journaled;
 * a failure undoes the journaled steps in reverse and lets the handler release what was reserved.
 * @internal
 */
export class JobRunner {
  readonly #options: JobRunnerOptions;
  readonly #handlers = new Map<string, OperationHandler>();
  readonly #active = new Map<string, ActiveJob>();
  readonly #waiting: Array<() => void> = [];
  #running = 0;
  #closed = false;

  constructor(options: JobRunnerOptions) {
    this.#options = options;
  }

  register(handler: OperationHandler): void {
    this.#handlers.set(handler.operation, handler);
  }

  /** The handler of an operation, if one is registered. */
  handlerFor(operation: string): OperationHandler | undefined {
    return this.#handlers.get(operation);
  }

  /** Persists a queued job inside the caller's transaction. */
  async create(tx: StoreSession, spec: JobSpec): Promise<Job> {
    // With a slot free the job is born `running`, which spares it a write when it starts. Should the
    // slot be gone by then, it waits briefly in memory while the store already says running; after a
    // crash either state is reconciled correctly.
    const running = this.#running + this.#waiting.length < this.#options.concurrency;
    return tx.insert('jobs', {
      id: spec.id ?? newId('job'),
      operation: spec.operation,
      state: running ? 'running' : 'queued',
      progress: 0,
      tenantId: spec.tenantId,
      resourceType: spec.resourceType,
      resourceId: spec.resourceId,
      input: spec.input,
      steps: [],
      result: null,
      error: null,
      idempotencyKey: spec.idempotencyKey ?? null,
      cancelRequested: false,
      ownerNode: this.#options.nodeId,
      startedAt: running ? new Date().toISOString() : null,
      finishedAt: null,
    });
  }

  /** Starts a committed job (queued, or interrupted and resumable) as soon as a slot is free. */
  start(job: Job): void {
    if (this.#active.has(job.id)) return;
    const controller = new AbortController();
    const done = this.#schedule(job, controller);
    // A job whose rollback could not be persisted stays `running` in the store for the reconciler.
    done.catch((error: unknown) => this.#options.onError(error, `job ${job.id}`));
    this.#active.set(job.id, { operation: job.operation, controller, done });
  }

  /** Jobs that may run at once in this process. */
  get concurrency(): number {
    return this.#options.concurrency;
  }

  /** How many jobs of `operation` this process runs or has waiting (an O(active jobs) count). */
  activeCount(operation: string): number {
    let count = 0;
    for (const active of this.#active.values()) if (active.operation === operation) count++;
    return count;
  }

  /** Whether the job runs in this process. */
  isActive(jobId: string): boolean {
    return this.#active.has(jobId);
  }

  /** Resolves with the final job if it runs in this process, else undefined. */
  settled(jobId: string): Promise<Settled> | undefined {
    return this.#active.get(jobId)?.done;
  }

  /** Asks a job of this process to stop; its completed steps are undone. */
  cancel(jobId: string): boolean {
    const active = this.#active.get(jobId);
    if (!active) return false;
    active.controller.abort(new EcloudError('CANCELLED', `Job ${jobId} was cancelled.`, { jobId }));
    return true;
  }

  /** Stops taking jobs and waits for those running to end. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#active.values()].map((a) => a.done));
  }

  /** Rolls back a job that was running when its process died. */
  async rollbackInterrupted(job: Job): Promise<Job> {
    const error = new EcloudError(
      'INTERRUPTED',
      `Job ${job.id} was interrupted by a restart and rolled back.`,
      {
        jobId: job.id,
      },
    );
    return (await this.#rollback(this.#handler(job), job, error)).job;
  }

  async #schedule(job: Job, controller: AbortController): Promise<Settled> {
    try {
      try {
        await this.#acquireSlot(controller.signal);
      } catch (error) {
        return await this.#rollback(
          this.#handler(job),
          job,
          toEcloudError(error, 'CANCELLED').withJob(job.id),
          false,
        );
      }
      try {
        return await this.#execute(job, controller);
      } finally {
        this.#releaseSlot();
      }
    } finally {
      this.#active.delete(job.id);
    }
  }

  async #acquireSlot(signal: AbortSignal): Promise<void> {
    if (this.#closed) throw new EcloudError('CANCELLED', 'The cloud is closing.');
    while (this.#running >= this.#options.concurrency) {
      await this.#nextSlot(signal);
      if (signal.aborted) {
        // A wake-up this job cannot use goes to the next in line.
        this.#waiting.shift()?.();
        throw signal.reason;
      }
    }
    if (signal.aborted) throw signal.reason;
    this.#running++;
  }

  /** Resolves when a slot frees, or at once when the job is cancelled while it waits. */
  #nextSlot(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const at = this.#waiting.indexOf(wake);
        if (at >= 0) this.#waiting.splice(at, 1);
        resolve();
      };
      this.#waiting.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  #releaseSlot(): void {
    this.#running = Math.max(0, this.#running - 1);
    this.#waiting.shift()?.();
  }

  async #execute(initial: Job, controller: AbortController): Promise<Settled> {
    const handler = this.#handler(initial);
    const timer = setTimeout(() => {
      controller.abort(
        new EcloudError('TIMEOUT', `Job ${initial.id} did not finish within ${handler.timeoutMs} ms.`, {
          jobId: initial.id,
        }),
      );
    }, handler.timeoutMs);
    // A deadline must not keep the process alive on its own.
    timer.unref();
    const { store } = this.#options;
    let job =
      initial.state === 'running'
        ? initial
        : await store.update('jobs', { ...initial, state: 'running', startedAt: new Date().toISOString() });
    const progress = new JobProgress(this.#options.bus, job.id, job.progress);
    try {
      const steps = handler.steps(job);
      for (let index = job.steps.length; index < steps.length; index++) {
        job = await this.#runStep(job, steps[index] as OperationStep, controller.signal, {
          index,
          count: steps.length,
          progress,
        });
      }
      return await this.#commit(handler, job, progress);
    } catch (error) {
      const reason = controller.signal.aborted ? controller.signal.reason : error;
      return this.#rollback(handler, job, toEcloudError(reason, 'INTERNAL').withJob(job.id));
    } finally {
      clearTimeout(timer);
    }
  }

  async #runStep(
    job: Job,
    step: OperationStep,
    signal: AbortSignal,
    position: { readonly index: number; readonly count: number; readonly progress: JobProgress },
  ): Promise<Job> {
    const { index, count, progress } = position;
    signal.throwIfAborted();
    const data = await step.run({ job, signal, progress: progress.forStep(index, count) });
    signal.throwIfAborted();
    const next: Job = {
      ...job,
      steps: [...job.steps, { name: step.name, data }],
      progress: JobProgress.afterSteps(index + 1, count),
    };
    progress.report(next.progress, step.name);
    // The last step's journal entry is written by the commit transaction. If the process dies before
    // that, the step's `recover` finds its effect, so a separate write would buy nothing.
    if (index === count - 1 && step.recover) return next;
    return this.#options.store.update('jobs', next);
  }

  async #commit(handler: OperationHandler, job: Job, progress: JobProgress): Promise<Settled> {
    const { store, bus } = this.#options;
    let value: unknown;
    const final = await transactWithEvents(store, bus, async (tx, effects) => {
      const outcome = await handler.commit(job, tx, effects);
      value = outcome.value;
      // Only this runner writes a job while it runs, so `job` is the stored version; a writer elsewhere
      // turns into CONFLICT and the job is left for the reconciler.
      return tx.update('jobs', {
        ...job,
        state: 'succeeded',
        progress: 100,
        result: outcome.result,
        finishedAt: new Date().toISOString(),
      });
    });
    progress.report(100);
    this.#finished(final);
    return { job: final, value };
  }

  /**
   * Undoes what a job did and ends it. `started` says whether a step may have begun: a job cancelled
   * while it waited for a slot has nothing half-done to look for.
   */
  async #rollback(handler: OperationHandler, job: Job, error: EcloudError, started = true): Promise<Settled> {
    const { store, bus, onError } = this.#options;
    const undoSignal = new AbortController().signal;
    const steps = handler.steps(job);
    const undoFailures: EcloudErrorJson[] = [];
    if (started) await this.#undoPartialStep(steps[job.steps.length], job, undoSignal, undoFailures);
    for (let index = job.steps.length - 1; index >= 0; index--) {
      const entry = job.steps[index];
      const step = steps.find((s) => s.name === entry?.name);
      if (!entry || !step?.undo) continue;
      try {
        await step.undo(this.#stepContext(job, undoSignal), entry.data);
      } catch (undoError) {
        undoFailures.push(toEcloudError(undoError, 'DRIVER_FAILURE').toJSON());
      }
    }
    const failure = undoFailures.length
      ? new EcloudError(error.code, error.message, {
          details: { ...error.details, undoFailures },
          retryable: error.retryable,
          ...(error.driver === undefined ? {} : { driver: error.driver }),
          jobId: job.id,
          cause: error,
        })
      : error;
    try {
      const final = await transactWithEvents(store, bus, async (tx, effects) => {
        await handler.abort(job, failure, tx, effects);
        return tx.update('jobs', {
          ...job,
          state: failure.code === 'CANCELLED' ? 'cancelled' : 'failed',
          error: failure.toJSON(),
          finishedAt: new Date().toISOString(),
        });
      });
      this.#finished(final);
      return { job: final };
    } catch (abortError) {
      onError(abortError, `rolling back job ${job.id}`);
      throw abortError;
    }
  }

  /**
   * The step that failed may have taken effect anyway (the hypervisor did the work, the reply was lost):
   * its `recover` finds such an effect so that it is undone like a completed step.
   */
  async #undoPartialStep(
    step: OperationStep | undefined,
    job: Job,
    signal: AbortSignal,
    undoFailures: EcloudErrorJson[],
  ): Promise<void> {
    if (!step?.recover || !step.undo) return;
    try {
      const context = this.#stepContext(job, signal);
      const data = await step.recover(context);
      if (data) await step.undo(context, data);
    } catch (undoError) {
      undoFailures.push(toEcloudError(undoError, 'DRIVER_FAILURE').toJSON());
    }
  }

  /** The context of an undo or a recovery: the job does not move towards done while it rolls back. */
  #stepContext(job: Job, signal: AbortSignal): StepContext {
    return { job, signal, progress: () => undefined };
  }

  #finished(job: Job): void {
    if (isFinalJobState(job.state)) this.#options.bus.emit('job.finished', job);
  }

  #handler(job: Job): OperationHandler {
    const handler = this.#handlers.get(job.operation);
    if (!handler) throw new EcloudError('INTERNAL', `No handler for job operation ${job.operation}.`);
    return handler;
  }
}
