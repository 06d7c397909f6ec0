import { EcloudError } from '../../errors/ecloud-error.js';

/** Runs one statement of transaction control (`BEGIN`, `COMMIT`, ...) on the store's connection. */
export type Control = (sql: string) => Promise<void>;

/** Whether a unit only reads or writes. Both are answered once their batch has ended. */
export type UnitKind = 'read' | 'write';

interface Unit {
  readonly kind: UnitKind;
  readonly run: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Limits of one batch: a batch holds SQLite's write lock, so it must stay short for other processes. */
export interface GroupCommitLimits {
  readonly maxUnits: number;
  readonly maxMillis: number;
}

/**
 * What the store learns of a batch's life: to keep what it remembers of rows in step with the file, and
 * to take back the writes of a unit that fails.
 */
export interface GroupCommitHooks {
  /** The batch holds the write lock: commits of other connections before now are visible. */
  readonly begun: () => void;
  /**
   * A read runs alone, outside any transaction (see `GroupCommit.submit`): commits of other connections
   * before now are visible, as at `begun`.
   */
  readonly readingAlone: () => void;
  /** The whole batch was rolled back: every write it made is gone from the file. */
  readonly rolledBack: () => void;
  /** A writing unit starts: from now on the store records how to reverse each of its writes. */
  readonly unitStarted: () => void;
  /** The unit succeeded: its writes stay in the batch. */
  readonly unitSucceeded: () => void;
  /**
   * The unit failed: the store reverses its writes, newest first, and leaves the batch's other units
   * alone. Throwing means they could not be reversed, and the whole batch is rolled back.
   */
  readonly unitFailed: () => void;
}

/**
 * Group commit: every operation of the store is a unit in one queue, run one at a time on the single
 * connection. Units that arrive while a batch is open join it, and the batch ends with one COMMIT — so a
 * busy store pays for one commit per batch, not per operation, which is most of the cost of a small
 * write in WAL mode. A writing unit that fails has its own writes reversed by the store (see
 * `GroupCommitHooks.unitFailed`; no SAVEPOINT, see `UnitJournal`) and leaves the others alone.
 * Every unit is answered when its batch has ended: a writer only after the COMMIT, so nobody is told of
 * a write that a failed COMMIT then lost; a reader then too, for answered earlier, its caller could ask
 * another connection of this thread for the write lock while this batch still holds it, and SQLite's
 * busy wait would block the very thread that has to commit. At low load a batch is a single unit and
 * nothing waits.
 */
export class GroupCommit {
  readonly #control: Control;
  readonly #limits: GroupCommitLimits;
  readonly #hooks: GroupCommitHooks;
  readonly #queue: Unit[] = [];
  #draining = false;

  constructor(control: Control, limits: GroupCommitLimits, hooks: GroupCommitHooks) {
    this.#control = control;
    this.#limits = limits;
    this.#hooks = hooks;
  }

  /**
   * Queues `run`; it sees every write committed before it and those of earlier units of its batch. A read
   * that finds the queue idle runs at once and alone, with no transaction: no batch holds the write lock
   * then, so answering it early cannot block a commit, and a store read is one statement (or a page and
   * a probe, which another process may commit between — as between any two reads). BEGIN IMMEDIATE and
   * COMMIT around every lone read were a sixth of a read request's cost.
   */
  submit<T>(kind: UnitKind, run: () => Promise<T>): Promise<T> {
    if (kind === 'read' && !this.#draining) return this.#readAlone(run);
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ kind, run, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  /** Runs a read with the queue held, so no batch begins until it is done, then drains what queued. */
  async #readAlone<T>(run: () => Promise<T>): Promise<T> {
    this.#draining = true;
    try {
      try {
        this.#hooks.readingAlone();
      } catch (error) {
        throw storeFailure(error, 'could not begin');
      }
      return await run();
    } finally {
      this.#draining = false;
      if (this.#queue.length > 0) void this.#drain();
    }
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) await this.#batch();
    } finally {
      this.#draining = false;
    }
  }

  async #batch(): Promise<void> {
    const done: Array<{ unit: Unit; value: unknown }> = [];
    try {
      await this.#control('BEGIN IMMEDIATE');
      this.#hooks.begun();
    } catch (error) {
      this.#fail(this.#queue.splice(0), error, 'could not begin');
      return;
    }
    const started = Date.now();
    try {
      while (
        this.#queue.length > 0 &&
        done.length < this.#limits.maxUnits &&
        Date.now() - started < this.#limits.maxMillis
      ) {
        const unit = this.#queue.shift() as Unit;
        if (unit.kind === 'read') {
          await this.#run(unit, done);
          continue;
        }
        this.#hooks.unitStarted();
        if (await this.#run(unit, done)) this.#hooks.unitSucceeded();
        else this.#hooks.unitFailed();
      }
      await this.#control('COMMIT');
    } catch (error) {
      this.#hooks.rolledBack();
      await this.#control('ROLLBACK').catch(() => undefined);
      // What was read stays true enough to answer; what was written is lost.
      for (const { unit, value } of done) if (unit.kind === 'read') unit.resolve(value);
      this.#fail(
        done.filter((d) => d.unit.kind === 'write').map((d) => d.unit),
        error,
        'could not commit',
      );
      return;
    }
    for (const { unit, value } of done) unit.resolve(value);
  }

  /** Runs one unit; its value waits in `done` for the batch to end, a failure is answered at once. */
  async #run(unit: Unit, done: Array<{ unit: Unit; value: unknown }>): Promise<boolean> {
    try {
      done.push({ unit, value: await unit.run() });
      return true;
    } catch (error) {
      unit.reject(error);
      return false;
    }
  }

  #fail(units: readonly Unit[], error: unknown, what: string): void {
    const failure = storeFailure(error, what);
    for (const unit of units) unit.reject(failure);
  }
}

function storeFailure(error: unknown, what: string): EcloudError {
  const reason = error instanceof Error ? error.message : String(error);
  return new EcloudError('STORE_FAILURE', `The store ${what} a transaction: ${reason}`, {
    cause: error,
    retryable: true,
  });
}
