import { SortedList } from '../../collections/sorted-list.js';

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A set of ids kept in ascending order (a {@link SortedList} of strings): ordered scans from a cursor,
 * logarithmic lookup and cheap changes anywhere. Ids are time-ordered, so most inserts append.
 * @internal
 */
export class SortedIds {
  readonly #list = new SortedList<string>(compareIds);

  /** How many ids the set holds. */
  get size(): number {
    return this.#list.size;
  }

  /** Adds `id` in order; adding an id that is present does nothing. */
  add(id: string): void {
    this.#list.add(id);
  }

  /** Removes `id`; removing an absent id does nothing. */
  delete(id: string): void {
    this.#list.delete(id);
  }

  /**
   * Visits the ids greater than `after` (all of them without a cursor) in ascending order until
   * `visit` returns false.
   */
  forEachAfter(after: string | undefined, visit: (id: string) => boolean): void {
    this.#list.forEachFrom(after, visit, true);
  }
}
