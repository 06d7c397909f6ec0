import type { CollectionName } from './collections.js';

/**
 * Counts the writes a store made to each collection, so that `Store.changeMark` can tell a reader that
 * nothing changed since it last looked. A write counts as it lands, before its transaction commits, and
 * a rollback counts again for every collection: a mark taken before a read and found equal later proves
 * the read is still current, never the other way round.
 * @internal
 */
export class ChangeMarks {
  readonly #writes = new Map<CollectionName, number>();
  /** Moves when every collection may have changed at once: a rollback, or another process's commit. */
  #epoch = 0;

  /** A write to `collection` landed (or was taken back). */
  wrote(collection: CollectionName): void {
    this.#writes.set(collection, (this.#writes.get(collection) ?? 0) + 1);
  }

  /** Anything may have changed. */
  changedAll(): void {
    this.#epoch++;
  }

  /** The mark of `collection` now; `extra` is what else the store knows moved (another process's commits). */
  mark(collection: CollectionName, extra = ''): string {
    return `${extra}:${this.#epoch}:${this.#writes.get(collection) ?? 0}`;
  }
}
