import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../src/rpc/frame-decoder.js';
import { encodePacket } from '../../src/rpc/packet.js';
import { MAX_PACKET_BYTES } from '../../src/rpc/protocol.js';
import { expectThrowsEcloud, hex } from '../helpers/errors.js';

function packet(serial: number, body: Uint8Array = new Uint8Array(0)): Buffer {
  return encodePacket({ prog: 0x20008086, vers: 1, proc: 6, type: 1, serial, status: 0 }, body);
}

/** Cuts `bytes` at the given points (sorted, duplicates giving empty chunks). */
function cut(bytes: Buffer, points: readonly number[]): Buffer[] {
  const sorted = points.map((p) => p % (bytes.length + 1)).sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const at of sorted) {
    chunks.push(bytes.subarray(from, at));
    from = at;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

function feed(decoder: FrameDecoder, chunks: readonly Buffer[]): string[] {
  const out: string[] = [];
  for (const chunk of chunks) for (const p of decoder.push(chunk)) out.push(p.toString('hex'));
  return out;
}

describe('FrameDecoder', () => {
  it('returns each whole packet once, in order, however the stream is cut (property)', () => {
    const packets = fc.array(fc.uint8Array({ maxLength: 70 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(packets, fc.array(fc.nat(), { maxLength: 20 }), (bodies, points) => {
        const framed = bodies.map((body, i) => packet(i + 1, body));
        const stream = Buffer.concat(framed);
        const decoder = new FrameDecoder();
        expect(feed(decoder, cut(stream, points))).toEqual(framed.map((p) => p.toString('hex')));
        expect(decoder.pending).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('reassembles a stream fed one byte at a time, length words included', () => {
    const framed = [packet(1, Uint8Array.of(1, 2, 3, 4)), packet(2), packet(3, new Uint8Array(40).fill(9))];
    const stream = Buffer.concat(framed);
    const decoder = new FrameDecoder();
    const chunks = [...stream].map((byte) => Buffer.of(byte));
    expect(feed(decoder, chunks)).toEqual(framed.map((p) => p.toString('hex')));
    expect(decoder.pending).toBe(0);
  });

  it('returns several packets from one chunk', () => {
    const framed = [packet(1), packet(2, Uint8Array.of(7, 7, 7, 7)), packet(3)];
    const decoder = new FrameDecoder();
    expect(decoder.push(Buffer.concat(framed)).map((p) => p.readUInt32BE(20))).toEqual([1, 2, 3]);
  });

  it('counts in pending the bytes that do not yet make a packet', () => {
    const first = packet(1, new Uint8Array(12)); // 40 bytes
    const second = packet(2); // 28 bytes
    const stream = Buffer.concat([first, second]);
    const decoder = new FrameDecoder();
    expect(decoder.pending).toBe(0);
    expect(decoder.push(stream.subarray(0, 3))).toEqual([]);
    expect(decoder.pending).toBe(3);
    expect(decoder.push(stream.subarray(3, 33))).toEqual([]);
    expect(decoder.pending).toBe(33);
    const out = decoder.push(stream.subarray(33, 45));
    expect(out.map((p) => p.toString('hex'))).toEqual([first.toString('hex')]);
    expect(decoder.pending).toBe(5);
    expect(decoder.push(stream.subarray(45))).toHaveLength(1);
    expect(decoder.pending).toBe(0);
  });

  it('accepts the smallest packet, 28 bytes of length word and header', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push(packet(1))).toHaveLength(1);
  });

  it('refuses a length word below 28 with DRIVER_FAILURE', () => {
    for (const length of [0, 1, 4, 27]) {
      const word = Buffer.alloc(4);
      word.writeUInt32BE(length);
      expectThrowsEcloud(() => new FrameDecoder().push(word), 'DRIVER_FAILURE');
    }
  });

  it('refuses a bad length word split across chunks', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push(hex('0000'))).toEqual([]);
    expectThrowsEcloud(() => decoder.push(hex('001b')), 'DRIVER_FAILURE');
  });

  it('refuses a length word above the maximum, at once, without waiting for the bytes', () => {
    const word = Buffer.alloc(4);
    word.writeUInt32BE(MAX_PACKET_BYTES + 1);
    expectThrowsEcloud(() => new FrameDecoder().push(word), 'DRIVER_FAILURE');
    expectThrowsEcloud(() => new FrameDecoder().push(hex('ffffffff')), 'DRIVER_FAILURE');
    // Exactly the maximum is a big packet still arriving, not an error.
    word.writeUInt32BE(MAX_PACKET_BYTES);
    const decoder = new FrameDecoder();
    expect(decoder.push(word)).toEqual([]);
    expect(decoder.pending).toBe(4);
  });

  it('reports the stream offset of a bad length word that follows good packets', () => {
    const decoder = new FrameDecoder();
    const stream = Buffer.concat([packet(1), packet(2, new Uint8Array(8)), hex('00000010')]);
    const error = expectThrowsEcloud(() => decoder.push(stream), 'DRIVER_FAILURE');
    expect(error.details.offset).toBe(28 + 36);
  });
});
