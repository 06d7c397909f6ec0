/** One item read from a {@link RecordStream}; boxed so that an `undefined` item differs from the end. @internal */
export interface StreamItem {
  readonly value: unknown;
}

/**
 * A single pass over a sync or async iterable that can look one item ahead. Holding at most one item
 * keeps verification of a log of millions of records in constant memory; looking ahead tells a forged
 * record from the genuine one it was put in front of.
 * @internal
 */
export class RecordStream {
  readonly #iterator: Iterator<unknown> | AsyncIterator<unknown>;
  #ahead: StreamItem | undefined;
  #done = false;

  constructor(source: Iterable<unknown> | AsyncIterable<unknown>) {
    this.#iterator =
      Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  }

  /** The next item, consumed; undefined at the end. */
  async next(): Promise<StreamItem | undefined> {
    const item = this.#ahead ?? (await this.#read());
    this.#ahead = undefined;
    return item;
  }

  /** The next item, left to be read again by {@link RecordStream.next}; undefined at the end. */
  async peek(): Promise<StreamItem | undefined> {
    this.#ahead ??= await this.#read();
    return this.#ahead;
  }

  /** Lets the source go when reading stops early — a database cursor holds its statement until then. */
  async close(): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    await this.#iterator.return?.();
  }

  async #read(): Promise<StreamItem | undefined> {
    if (this.#done) return undefined;
    const result = await this.#iterator.next();
    if (result.done === true) {
      this.#done = true;
      return undefined;
    }
    return { value: result.value };
  }
}
