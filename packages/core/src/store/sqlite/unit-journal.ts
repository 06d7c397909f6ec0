/**
 * How to reverse each write of the unit the group commit is running, so that a unit which fails takes
 * back its own writes while the rest of its batch stays. SQLite's own tool for that is a SAVEPOINT per
 * unit, but with one open SQLite copies every page a unit touches into a sub-journal first — the hot
 * last pages of every table and index, again for every unit — which measured as a quarter of the cost
 * of a create. Reversing a few rows by key costs nothing until a unit actually fails.
 * @internal
 */
export class UnitJournal {
  #undos: Array<() => void> | undefined;

  /** A writing unit starts: its writes are recorded from now on. */
  begin(): void {
    this.#undos = [];
  }

  /** Records how to reverse a write that has just landed; ignored outside a unit. */
  record(undo: () => void): void {
    this.#undos?.push(undo);
  }

  /** The unit succeeded: its writes stay. */
  end(): void {
    this.#undos = undefined;
  }

  /**
   * The unit failed: reverses its writes, newest first. Throws if one cannot be reversed; the caller
   * must then roll back the whole batch.
   */
  undo(): void {
    const undos = this.#undos ?? [];
    this.#undos = undefined;
    for (let i = undos.length - 1; i >= 0; i--) undos[i]?.();
  }
}
