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

/**
 * A job left for the next start when the cloud closed: its record stays as last persisted, owned by this
 * node, and the start-up reconciliation finishes it (a queued job runs; a running one is resumed or
 * rolled back, as after a crash).
 * @public
 */
export interface CheckpointedJob {
  readonly jobId: string;
  readonly operation: string;
  /** As persisted: `queued` had not begun and runs from the start; `running` is resumed or undone. */
  readonly state: 'queued' | 'running';
  /** Steps journaled so far, of `stepCount`. */
  readonly stepsDone: number;
  readonly stepCount: number;
  /**
   * The step whose call had not returned when the job was stopped: its effect is unknown, so the next
   * start looks for it (`recover`) before undoing, or runs the step again where the operation resumes.
   */
  readonly abandonedStep: string | null;
}

/** What closing the job runner did. @public */
export interface CloseReport {
  /** Jobs that ended (succeeded, failed or cancelled) while the cloud was closing. */
  readonly finished: number;
  /** Jobs left for the next start's reconciliation, in the order they were stopped. */
  readonly checkpointed: readonly CheckpointedJob[];
}

/** Options of {@link JobRunner.close}. @internal */
export interface RunnerCloseOptions {
  /** How long running jobs may take to end; unbounded when left out. */
  readonly graceMs?: number;
}

/** Of the grace, the share (at most 2 s) that jobs stopped at its end get to reach a step boundary. */
const STOP_SHARE = 0.1;
const STOP_ALLOWANCE_MAX_MS = 2000;

interface ActiveJob {
  readonly operation: string;
  readonly controller: AbortController;
  /** Born `running` by this runner's `create`: if it never begins, it can go back to `queued`. */
  readonly fresh: boolean;
  done: Promise<Settled>;
  /** Holds a slot (rather than waiting for one). */
  slotted: boolean;
  /** The job as last persisted. */
  latest: Job;
  /** The step whose call has not returned (set before it runs, cleared once it returned). */
  inStep: string | null;
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
  /** Abort reasons of jobs stopped because the cloud closes: those are checkpointed, not rolled back. */
  readonly #stopReasons = new WeakSet<object>();
  /** What waiters of a checkpointed job get; never reported to `onError`. */
  readonly #checkpointErrors = new WeakSet<object>();
  /** Records this runner created `running`, identified by the very object `start` gets back. */
  readonly #bornRunning = new WeakSet<Job>();
  /** Rejects the driver calls close has given up on waiting for (see `#unlessDetached`). */
  readonly #detachers = new Set<(reason: unknown) => void>();
  readonly #detachError = new EcloudError('INTERRUPTED', 'The cloud closed before the step returned.');
  #detached = false;
  readonly #checkpointed: CheckpointedJob[] = [];
  #finishedWhileClosing = 0;

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
    // crash either state is reconciled correctly. A closing runner takes nothing new: the job waits,
    // queued, for the next start.
    const running = !this.#closed && this.#running + this.#waiting.length < this.#options.concurrency;
    const job = await tx.insert('jobs', {
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
    if (running) this.#bornRunning.add(job);
    return job;
  }

  /** Starts a committed job (queued, or interrupted and resumable) as soon as a slot is free. */
  start(job: Job): void {
    if (this.#active.has(job.id)) return;
    const active: ActiveJob = {
      operation: job.operation,
      controller: new AbortController(),
      fresh: this.#bornRunning.has(job),
      done: Promise.resolve({ job }),
      slotted: false,
      latest: job,
      inStep: null,
    };
    this.#active.set(job.id, active);
    active.done = this.#schedule(job, active);
    // A job whose rollback could not be persisted stays `running` in the store for the reconciler.
    active.done.catch((error: unknown) => {
      if (!this.#checkpointErrors.has(error as object)) this.#options.onError(error, `job ${job.id}`);
    });
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

  /**
   * Stops taking jobs (one started from now on stays queued for the next start) and waits for the jobs
   * of this process to end. Without `graceMs` the wait is unbounded and jobs waiting for a slot still
   * run, as they always did. With it, jobs waiting for a slot are checkpointed at once, running ones may
   * end until the last tenth of the grace (at most 2 s), then are aborted through their signal and
   * checkpointed at their next step boundary; a step whose call has not returned when the grace is over
   * is given up on, its job left as last persisted — exactly what a crash leaves, so the next start's
   * reconciliation finishes it.
   */
  async close(options: RunnerCloseOptions = {}): Promise<CloseReport> {
    this.#closed = true;
    const { graceMs } = options;
    if (graceMs !== undefined) {
      for (const active of this.#active.values()) if (!active.slotted) this.#stop(active);
      const allowance = Math.min(STOP_ALLOWANCE_MAX_MS, Math.floor(graceMs * STOP_SHARE));
      if (!(await this.#drainedWithin(graceMs - allowance))) {
        for (const active of this.#active.values()) this.#stop(active);
        if (!(await this.#drainedWithin(allowance))) this.#detach();
      }
    }
    await this.#drained();
    return { finished: this.#finishedWhileClosing, checkpointed: [...this.#checkpointed] };
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

  async #schedule(job: Job, active: ActiveJob): Promise<Settled> {
    try {
      try {
        await this.#acquireSlot(active.controller.signal);
      } catch (error) {
        if (this.#stopReasons.has(error as object)) return await this.#leave(active, job);
        return await this.#rollback(
          this.#handler(job),
          job,
          toEcloudError(error, 'CANCELLED').withJob(job.id),
          false,
        );
      }
      active.slotted = true;
      try {
        return await this.#execute(job, active);
      } finally {
        this.#releaseSlot();
      }
    } finally {
      this.#active.delete(job.id);
    }
  }

  /** Aborts a job because the cloud closes: it will be checkpointed, not rolled back. */
  #stop(active: ActiveJob): void {
    const reason = new EcloudError('INTERRUPTED', 'The cloud is closing.');
    this.#stopReasons.add(reason);
    active.controller.abort(reason);
  }

  /** Resolves once no job of this process is left (jobs started meanwhile settle at once). */
  async #drained(): Promise<void> {
    while (this.#active.size > 0) await Promise.allSettled([...this.#active.values()].map((a) => a.done));
  }

  /** Whether every job settled within `ms`. */
  async #drainedWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), Math.max(0, ms));
    });
    try {
      return await Promise.race([this.#drained().then(() => true), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Gives up on every step still in a call: their jobs are left as last persisted. */
  #detach(): void {
    this.#detached = true;
    for (const reject of this.#detachers) reject(this.#detachError);
    this.#detachers.clear();
  }

  /**
   * `work` — a step's run, undo or recovery — unless close gives up on it first. A driver call that
   * ignores its signal would otherwise hold the close forever; what it may still do is found by the next
   * start, as after a crash.
   */
  #unlessDetached<T>(work: () => Promise<T>): Promise<T> {
    if (this.#detached) return Promise.reject(this.#detachError);
    return new Promise<T>((resolve, reject) => {
      this.#detachers.add(reject);
      work().then(
        (value) => {
          this.#detachers.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.#detachers.delete(reject);
          reject(error);
        },
      );
    });
  }

  /**
   * Leaves a stopped job for the next start: as persisted, except that a job this runner created
   * `running` and never began goes back to `queued`, so the next start runs it instead of undoing
   * nothing and failing it. Rejects its waiters with `INTERRUPTED`.
   */
  async #leave(active: ActiveJob | undefined, job: Job): Promise<never> {
    let left = active?.latest ?? job;
    const begun = left.steps.length > 0 || active?.inStep != null;
    if (active?.fresh && !begun && left.state === 'running') {
      try {
        left = await this.#options.store.update('jobs', { ...left, state: 'queued', startedAt: null });
      } catch (error) {
        // Still `running` with nothing journaled: the next start rolls back nothing and fails it.
        this.#options.onError(error, `checkpointing job ${job.id}`);
      }
    }
    const state = left.state === 'queued' ? 'queued' : 'running';
    const stepCount = this.#handlers.get(left.operation)?.steps(left).length ?? left.steps.length;
    this.#checkpointed.push({
      jobId: left.id,
      operation: left.operation,
      state,
      stepsDone: left.steps.length,
      stepCount,
      abandonedStep: active?.inStep ?? null,
    });
    const error = new EcloudError(
      'INTERRUPTED',
      `The cloud closed before job ${job.id} finished; it is kept ${state} for the next start of node ${this.#options.nodeId}, which finishes or undoes it.`,
      { jobId: job.id, details: { checkpointed: true, state, stepsDone: left.steps.length, stepCount } },
    );
    this.#checkpointErrors.add(error);
    throw error;
  }

  async #acquireSlot(signal: AbortSignal): Promise<void> {
    if (this.#closed) {
      const reason = new EcloudError('INTERRUPTED', 'The cloud is closing.');
      this.#stopReasons.add(reason);
      throw reason;
    }
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

  async #execute(initial: Job, active: ActiveJob): Promise<Settled> {
    const { controller } = active;
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
    active.latest = job;
    const progress = new JobProgress(this.#options.bus, job.id, job.progress);
    try {
      const steps = handler.steps(job);
      for (let index = job.steps.length; index < steps.length; index++) {
        job = await this.#runStep(job, steps[index] as OperationStep, active, {
          index,
          count: steps.length,
          progress,
        });
      }
      return await this.#commit(handler, job, progress);
    } catch (error) {
      const reason = controller.signal.aborted ? controller.signal.reason : error;
      if (this.#stopReasons.has(reason as object) || reason === this.#detachError) {
        return await this.#leave(active, job);
      }
      return this.#rollback(handler, job, toEcloudError(reason, 'INTERNAL').withJob(job.id), true, active);
    } finally {
      clearTimeout(timer);
    }
  }

  async #runStep(
    job: Job,
    step: OperationStep,
    active: ActiveJob,
    position: { readonly index: number; readonly count: number; readonly progress: JobProgress },
  ): Promise<Job> {
    const { index, count, progress } = position;
    const { signal } = active.controller;
    signal.throwIfAborted();
    active.inStep = step.name;
    const data = await this.#unlessDetached(() =>
      step.run({ job, signal, progress: progress.forStep(index, count) }),
    );
    active.inStep = null;
    // A step that returned although the cloud began closing is journaled all the same, so the next start
    // knows it happened; the job then stops at this boundary — unless no step is left, since committing
    // costs less than undoing.
    const stopping = signal.aborted && this.#stopReasons.has(signal.reason as object);
    if (signal.aborted && !stopping) throw signal.reason;
    const last = index === count - 1;
    const next: Job = {
      ...job,
      steps: [...job.steps, { name: step.name, data }],
      progress: JobProgress.afterSteps(index + 1, count),
    };
    progress.report(next.progress, step.name);
    // The last step's journal entry is written by the commit transaction. If the process dies before
    // that, the step's `recover` finds its effect, so a separate write would buy nothing.
    if (last && step.recover) return next;
    active.latest = await this.#options.store.update('jobs', next);
    if (stopping && !last) throw signal.reason;
    return active.latest;
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
  async #rollback(
    handler: OperationHandler,
    job: Job,
    error: EcloudError,
    started = true,
    active?: ActiveJob,
  ): Promise<Settled> {
    const { store, bus, onError } = this.#options;
    const undoSignal = new AbortController().signal;
    const steps = handler.steps(job);
    const undoFailures: EcloudErrorJson[] = [];
    try {
      if (started) await this.#undoPartialStep(steps[job.steps.length], job, undoSignal, undoFailures);
      for (let index = job.steps.length - 1; index >= 0; index--) {
        const entry = job.steps[index];
        const step = steps.find((s) => s.name === entry?.name);
        if (!entry || !step?.undo) continue;
        const undo = () => step.undo?.(this.#stepContext(job, undoSignal), entry.data) ?? Promise.resolve();
        try {
          await this.#unlessDetached(undo);
        } catch (undoError) {
          if (undoError === this.#detachError) throw undoError;
          undoFailures.push(toEcloudError(undoError, 'DRIVER_FAILURE').toJSON());
        }
      }
    } catch (detached) {
      // An undo cut off by the close: the journal still lists every step, and undoing them again at the
      // next start is safe (an undo tolerates an effect already gone).
      if (detached === this.#detachError) return this.#leave(active, job);
      throw detached;
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
      const data = await this.#unlessDetached(() => step.recover?.(context) ?? Promise.resolve(undefined));
      if (data) await this.#unlessDetached(() => step.undo?.(context, data) ?? Promise.resolve());
    } catch (undoError) {
      if (undoError === this.#detachError) throw undoError;
      undoFailures.push(toEcloudError(undoError, 'DRIVER_FAILURE').toJSON());
    }
  }

  /** The context of an undo or a recovery: the job does not move towards done while it rolls back. */
  #stepContext(job: Job, signal: AbortSignal): StepContext {
    return { job, signal, progress: () => undefined };
  }

  #finished(job: Job): void {
    if (!isFinalJobState(job.state)) return;
    if (this.#closed) this.#finishedWhileClosing++;
    this.#options.bus.emit('job.finished', job);
  }

  #handler(job: Job): OperationHandler {
    const handler = this.#handlers.get(job.operation);
    if (!handler) throw new EcloudError('INTERNAL', `No handler for job operation ${job.operation}.`);
    return handler;
  }
}
