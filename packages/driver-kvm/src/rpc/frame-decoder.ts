import { malformed } from '../xdr/xdr-error.js';
import { HEADER_BYTES, LENGTH_BYTES, MAX_PACKET_BYTES } from './protocol.js';

/**
 * Cuts a byte stream into packets by their length words. Chunks are kept in a list and joined only
 * once a whole packet is there, so a 16 MiB reply arriving in 64 KiB pieces is copied once, not
 * quadratically. A length word that no packet could have ends the stream with a typed error.
 * @internal
 */
export class FrameDecoder {
  #chunks: Buffer[] = [];
  #buffered = 0;
  #consumed = 0;

  /** Adds bytes; returns every packet they complete, whole (length word included). */
  push(chunk: Buffer): Buffer[] {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    const packets: Buffer[] = [];
    for (;;) {
      const length = this.#peekLength();
      if (length === undefined || this.#buffered < length) return packets;
      packets.push(this.#take(length));
    }
  }

  /** Bytes received that do not yet make a packet. */
  get pending(): number {
    return this.#buffered;
  }

  #peekLength(): number | undefined {
    if (this.#buffered < LENGTH_BYTES) return undefined;
    const head = this.#chunks[0] as Buffer;
    const word =
      head.length >= LENGTH_BYTES ? head.subarray(0, LENGTH_BYTES) : this.#take(LENGTH_BYTES, false);
    const length = word.readUInt32BE(0);
    if (length < LENGTH_BYTES + HEADER_BYTES || length > MAX_PACKET_BYTES) {
      throw malformed(`a length word of ${length} bytes`, this.#consumed);
    }
    return length;
  }

  /** The next `bytes` bytes, removed from the buffer unless `remove` is false. */
  #take(bytes: number, remove = true): Buffer {
    const head = this.#chunks[0] as Buffer;
    let out: Buffer;
    if (head.length >= bytes) {
      out = head.subarray(0, bytes);
    } else {
      out = Buffer.allocUnsafe(bytes);
      let filled = 0;
      for (const chunk of this.#chunks) {
        const part = Math.min(chunk.length, bytes - filled);
        chunk.copy(out, filled, 0, part);
        filled += part;
        if (filled === bytes) break;
      }
    }
    if (remove) this.#drop(bytes);
    return out;
  }

  #drop(bytes: number): void {
    let left = bytes;
    while (left > 0) {
      const head = this.#chunks[0] as Buffer;
      if (head.length <= left) {
        this.#chunks.shift();
        left -= head.length;
      } else {
        this.#chunks[0] = head.subarray(left);
        left = 0;
      }
    }
    this.#buffered -= bytes;
    this.#consumed += bytes;
  }
}
