import type { EcloudError } from '../errors/ecloud-error.js';
import type { TxEffects } from '../events/outbox.js';
import type { Job } from '../model/job.js';
import type { StoreSession } from '../store/store.js';

/** What a step sees while it runs. @internal */
export interface StepContext {
  /** The job as last persisted: its input and the journal of completed steps. */
  readonly job: Job;
  readonly signal: AbortSignal;
  /** Reports the step's own progress, 0–100; listeners of the job hear it scaled to the step's share. */
  readonly progress: (percent: number, message?: string) => void;
}

/** Journal data of a step: what its undo needs. @internal */
export type StepData = Record<string, unknown>;

/**
 * One step of a multi-step operation (a saga). After `run` returns, its data is journaled in the job,
 * so a failure — or a restart after a crash — can undo exactly what was done.
 * @internal
 */
export interface OperationStep {
  readonly name: string;
  run(ctx: StepContext): Promise<StepData>;
  /** Reverses the step. Must tolerate an effect that is already gone. */
  undo?(ctx: StepContext, data: StepData): Promise<void>;
  /**
   * After a crash during this step: whether its effect exists anyway (e.g. the driver made the VM but
   * the process died before journaling it); returns the data `undo` needs, or undefined if nothing exists.
   */
  recover?(ctx: StepContext): Promise<StepData | undefined>;
}

/** What a successful job leaves: its persisted result, and the record a waiter in this process gets. @internal */
export interface CommitOutcome {
  readonly result: Record<string, unknown>;
  /** Handed to `wait()` callers of this process as is, sparing them a read of what was just written. */
  readonly value?: unknown;
}

/**
 * How one kind of job runs. The store-side preparation (reservations, locks, records) happens in the
 * transaction that creates the job; `commit` and `abort` close it in a transaction of their own.
 * @internal
 */
export interface OperationHandler {
  readonly operation: string;
  /**
   * After a crash: `rollback` undoes the journaled steps and fails the job; `resume` runs the remaining
   * steps again (only for operations whose steps are idempotent, such as delete).
   */
  readonly recovery: 'rollback' | 'resume';
  /** Default deadline of the whole job. */
  readonly timeoutMs: number;
  steps(job: Job): readonly OperationStep[];
  /** The final transaction on success; returns the job's result. */
  commit(job: Job, tx: StoreSession, effects: TxEffects): Promise<CommitOutcome>;
  /** Releases what preparation held, after every completed step was undone. */
  abort(job: Job, error: EcloudError, tx: StoreSession, effects: TxEffects): Promise<void>;
}
