/**
 * Encodes XDR (RFC 4506) as libvirt's rpcgen does: big-endian 4-byte units, hypers of 8 bytes, strings
 * and variable opaques as a length then the bytes padded to 4, optionals as a 0/1 word then the value,
 * arrays as a count then the elements. Grows its buffer by doubling.
 * @internal
 */
export class XdrWriter {
  #buf: Buffer;
  #at = 0;

  constructor(initial = 256) {
    this.#buf = Buffer.allocUnsafe(initial);
  }

  #room(bytes: number): void {
    if (this.#at + bytes <= this.#buf.length) return;
    let size = Math.max(this.#buf.length, 1) * 2;
    while (size < this.#at + bytes) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.#buf.copy(grown, 0, 0, this.#at);
    this.#buf = grown;
  }

  u32(value: number): this {
    this.#room(4);
    this.#buf.writeUInt32BE(value >>> 0, this.#at);
    this.#at += 4;
    return this;
  }

  i32(value: number): this {
    this.#room(4);
    this.#buf.writeInt32BE(value | 0, this.#at);
    this.#at += 4;
    return this;
  }

  u64(value: bigint | number): this {
    this.#room(8);
    this.#buf.writeBigUInt64BE(BigInt(value), this.#at);
    this.#at += 8;
    return this;
  }

  i64(value: bigint | number): this {
    this.#room(8);
    this.#buf.writeBigInt64BE(BigInt(value), this.#at);
    this.#at += 8;
    return this;
  }

  double(value: number): this {
    this.#room(8);
    this.#buf.writeDoubleBE(value, this.#at);
    this.#at += 8;
    return this;
  }

  bool(value: boolean): this {
    return this.i32(value ? 1 : 0);
  }

  /** Bytes without a length (a UUID), padded to 4. */
  fixedOpaque(bytes: Uint8Array): this {
    const padded = (bytes.length + 3) & ~3;
    this.#room(padded);
    this.#buf.set(bytes, this.#at);
    this.#buf.fill(0, this.#at + bytes.length, this.#at + padded);
    this.#at += padded;
    return this;
  }

  opaque(bytes: Uint8Array): this {
    return this.u32(bytes.length).fixedOpaque(bytes);
  }

  string(value: string): this {
    return this.opaque(Buffer.from(value, 'utf8'));
  }

  /** An XDR optional (`remote_string` and kin): present or not, then the value. */
  optional<T>(value: T | null | undefined, write: (writer: this, value: T) => void): this {
    if (value === null || value === undefined) return this.u32(0);
    this.u32(1);
    write(this, value);
    return this;
  }

  array<T>(items: readonly T[], write: (writer: this, item: T) => void): this {
    this.u32(items.length);
    for (const item of items) write(this, item);
    return this;
  }

  /** The bytes written so far (a view: copy it if the writer is used again). */
  finish(): Buffer {
    return this.#buf.subarray(0, this.#at);
  }

  get length(): number {
    return this.#at;
  }
}
