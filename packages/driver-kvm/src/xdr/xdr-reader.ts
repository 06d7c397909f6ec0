import { malformed } from './xdr-error.js';

/** libvirt's cap on one string (REMOTE_STRING_MAX). */
export const MAX_XDR_STRING = 4 * 1024 * 1024;

/**
 * Decodes XDR from one message body. Every read checks the bytes are there, and a length or count is
 * checked against what is left before anything is allocated, so a hostile or corrupt message costs at
 * most its own size and ends in a typed error.
 * @internal
 */
export class XdrReader {
  readonly #buf: Buffer;
  #at: number;

  constructor(buf: Buffer, offset = 0) {
    this.#buf = buf;
    this.#at = offset;
  }

  get offset(): number {
    return this.#at;
  }

  get remaining(): number {
    return this.#buf.length - this.#at;
  }

  #need(bytes: number, what: string): void {
    if (bytes > this.remaining)
      throw malformed(`${what} needs ${bytes} bytes, ${this.remaining} left`, this.#at);
  }

  u32(): number {
    this.#need(4, 'an unsigned int');
    const value = this.#buf.readUInt32BE(this.#at);
    this.#at += 4;
    return value;
  }

  i32(): number {
    this.#need(4, 'an int');
    const value = this.#buf.readInt32BE(this.#at);
    this.#at += 4;
    return value;
  }

  u64(): bigint {
    this.#need(8, 'an unsigned hyper');
    const value = this.#buf.readBigUInt64BE(this.#at);
    this.#at += 8;
    return value;
  }

  i64(): bigint {
    this.#need(8, 'a hyper');
    const value = this.#buf.readBigInt64BE(this.#at);
    this.#at += 8;
    return value;
  }

  double(): number {
    this.#need(8, 'a double');
    const value = this.#buf.readDoubleBE(this.#at);
    this.#at += 8;
    return value;
  }

  /** An unsigned hyper that callers use as a number (memory sizes, times); exact up to 2^53. */
  u64Number(): number {
    const at = this.#at;
    const value = this.u64();
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed(`${value} is past a safe integer`, at);
    return Number(value);
  }

  bool(): boolean {
    const at = this.#at;
    const value = this.i32();
    if (value !== 0 && value !== 1) throw malformed(`${value} is not a boolean`, at);
    return value === 1;
  }

  fixedOpaque(length: number): Buffer {
    // Arithmetic, not `& ~3`: a length near 2^31 or 2^32 must not wrap to a small or negative size.
    const padded = length + ((4 - (length % 4)) % 4);
    this.#need(padded, `${length} bytes of opaque data`);
    const bytes = Buffer.from(this.#buf.subarray(this.#at, this.#at + length));
    this.#at += padded;
    return bytes;
  }

  opaque(max = MAX_XDR_STRING): Buffer {
    const at = this.#at;
    const length = this.u32();
    if (length > max) throw malformed(`opaque of ${length} bytes is over the ${max} allowed`, at);
    return this.fixedOpaque(length);
  }

  string(max = MAX_XDR_STRING): string {
    return this.opaque(max).toString('utf8');
  }

  optional<T>(read: (reader: this) => T): T | null {
    const at = this.#at;
    const present = this.u32();
    if (present > 1) throw malformed(`${present} is not an optional's 0 or 1`, at);
    return present === 1 ? read(this) : null;
  }

  /** A counted array; every element takes at least 4 bytes, so a count past that is refused at once. */
  array<T>(read: (reader: this) => T, max = Number.MAX_SAFE_INTEGER): T[] {
    const at = this.#at;
    const count = this.u32();
    if (count > max || count * 4 > this.remaining) {
      throw malformed(`an array of ${count} elements cannot fit in ${this.remaining} bytes`, at);
    }
    const items: T[] = [];
    for (let i = 0; i < count; i++) items.push(read(this));
    return items;
  }

  /** Throws unless the whole body was read: trailing bytes mean the structures disagree. */
  end(): void {
    if (this.remaining !== 0) throw malformed(`${this.remaining} bytes left over`, this.#at);
  }
}
