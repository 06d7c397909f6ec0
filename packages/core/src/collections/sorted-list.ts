/**
 * Entries per chunk before it splits in two. A flat sorted array moves every later entry on an insert
 * or removal in the middle, which measured at over 100 µs per change at 40,000 entries; chunks bound
 * that move to about a thousand entries.
 */
const CHUNK_SPLIT = 1024;

/** How two items order: negative, zero (the same item) or positive, as for `Array.prototype.sort`. */
export type Compare<T> = (a: T, b: T) => number;

/**
 * A set kept in the order of `compare`, as a list of sorted chunks: ordered scans from any point in
 * either direction, logarithmic lookup and cheap changes anywhere. Items that compare equal are the same
 * item, so a caller that needs duplicates breaks ties itself (by id, say).
 * @internal
 */
export class SortedList<T> {
  readonly #compare: Compare<T>;
  readonly #chunks: T[][] = [];
  #size = 0;

  constructor(compare: Compare<T>) {
    this.#compare = compare;
  }

  /** How many items the list holds. */
  get size(): number {
    return this.#size;
  }

  /** Adds `item` in order; adding an item that is present does nothing. */
  add(item: T): void {
    const chunks = this.#chunks;
    const index = this.#chunkIndex(item);
    const chunk = chunks[index];
    if (chunk === undefined) {
      chunks.push([item]);
      this.#size++;
      return;
    }
    const last = chunk[chunk.length - 1];
    // The common case for time-ordered keys: the new item is the greatest yet.
    const at =
      last !== undefined && this.#compare(last, item) < 0 ? chunk.length : this.#lowerBound(chunk, item);
    const there = chunk[at];
    if (there !== undefined && this.#compare(there, item) === 0) return;
    if (at === chunk.length) chunk.push(item);
    else chunk.splice(at, 0, item);
    this.#size++;
    if (chunk.length >= CHUNK_SPLIT) chunks.splice(index + 1, 0, chunk.splice(CHUNK_SPLIT / 2));
  }

  /** Removes the item that compares equal to `item`; removing an absent one does nothing. */
  delete(item: T): void {
    const index = this.#chunkIndex(item);
    const chunk = this.#chunks[index];
    if (chunk === undefined) return;
    const at = this.#lowerBound(chunk, item);
    const there = chunk[at];
    if (there === undefined || this.#compare(there, item) !== 0) return;
    chunk.splice(at, 1);
    this.#size--;
    if (chunk.length === 0) this.#chunks.splice(index, 1);
  }

  /**
   * Visits the items from `from` upwards (from the first without it) until `visit` returns false.
   * `exclusive` skips an item equal to `from`.
   */
  forEachFrom(from: T | undefined, visit: (item: T) => boolean, exclusive = false): void {
    const chunks = this.#chunks;
    let index = 0;
    let at = 0;
    if (from !== undefined) {
      index = this.#chunkIndex(from);
      const chunk = chunks[index] ?? [];
      at = this.#lowerBound(chunk, from);
      const there = chunk[at];
      if (exclusive && there !== undefined && this.#compare(there, from) === 0) at++;
    }
    for (; index < chunks.length; index++, at = 0) {
      const chunk = chunks[index] ?? [];
      for (; at < chunk.length; at++) {
        if (!visit(chunk[at] as T)) return;
      }
    }
  }

  /** The items from `from` upwards (from the first without it), as an iterator for ordered search. */
  *from(from?: T): Generator<T> {
    const chunks = this.#chunks;
    let index = 0;
    let at = 0;
    if (from !== undefined) {
      index = this.#chunkIndex(from);
      at = this.#lowerBound(chunks[index] ?? [], from);
    }
    for (; index < chunks.length; index++, at = 0) {
      const chunk = chunks[index] ?? [];
      for (; at < chunk.length; at++) yield chunk[at] as T;
    }
  }

  /** The items below `below` (all of them without it), greatest first: an ordered search downwards. */
  *downFrom(below?: T): Generator<T> {
    const chunks = this.#chunks;
    let index = chunks.length - 1;
    let at = (chunks[index]?.length ?? 0) - 1;
    if (below !== undefined) {
      index = this.#chunkIndex(below);
      at = this.#lowerBound(chunks[index] ?? [], below) - 1;
    }
    for (; index >= 0; index--, at = (chunks[index]?.length ?? 0) - 1) {
      const chunk = chunks[index] ?? [];
      for (; at >= 0; at--) yield chunk[at] as T;
    }
  }

  /** Position in `chunk` of the first item that is not less than `item`. */
  #lowerBound(chunk: readonly T[], item: T): number {
    let low = 0;
    let high = chunk.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#compare(chunk[middle] as T, item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The chunk that holds or would hold `item`: the first whose last item is not less, else the last. */
  #chunkIndex(item: T): number {
    const chunks = this.#chunks;
    let low = 0;
    let high = chunks.length - 1;
    const greatest = chunks[high];
    if (greatest !== undefined && this.#compare(greatest[greatest.length - 1] as T, item) < 0) return high;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = chunks[middle] ?? [];
      if (this.#compare(chunk[chunk.length - 1] as T, item) < 0) low = middle + 1;
      else high = middle;
    }
    return Math.max(low, 0);
  }
}
