/**
 * A bounded map of what was lately read or written, kept in two generations: new entries go to the
 * young map, and when it is full the young map becomes the old one and the old one is dropped. A hit in
 * either answers. Evicting one entry at a time from the front of a single `Map` would be the obvious
 * bound, but V8 leaves a hole for every deleted entry until the table is rebuilt, and finding the first
 * live key walks those holes — measured as a twentieth of a create at 50,000 instances.
 * @internal
 */
export class RecentRows<V> {
  readonly #half: number;
  #young = new Map<string, V>();
  #old = new Map<string, V>();

  /** Holds at most `limit` entries; at least the latest `limit / 2` are always kept. */
  constructor(limit: number) {
    this.#half = Math.max(1, Math.floor(limit / 2));
  }

  get(key: string): V | undefined {
    return this.#young.get(key) ?? this.#old.get(key);
  }

  set(key: string, value: V): void {
    if (this.#young.size >= this.#half && !this.#young.has(key)) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }

  delete(key: string): void {
    this.#young.delete(key);
    this.#old.delete(key);
  }

  clear(): void {
    this.#young.clear();
    this.#old.clear();
  }

  /** How many entries are held (an entry in both generations counts twice). */
  get size(): number {
    return this.#young.size + this.#old.size;
  }
}
