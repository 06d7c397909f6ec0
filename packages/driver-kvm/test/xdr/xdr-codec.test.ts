import { EcloudError } from '@ecloud/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_XDR_STRING, XdrReader } from '../../src/xdr/xdr-reader.js';
import { XdrWriter } from '../../src/xdr/xdr-writer.js';
import { expectThrowsEcloud, hex } from '../helpers/errors.js';

function encoded(write: (writer: XdrWriter) => void): string {
  const writer = new XdrWriter();
  write(writer);
  return writer.finish().toString('hex');
}

function reader(text: string): XdrReader {
  return new XdrReader(hex(text));
}

describe('XdrWriter: byte-exact encodings', () => {
  it('writes unsigned and signed ints as 4 big-endian bytes', () => {
    expect(encoded((w) => w.u32(1))).toBe('00000001');
    expect(encoded((w) => w.u32(0xdeadbeef))).toBe('deadbeef');
    expect(encoded((w) => w.u32(0xffffffff))).toBe('ffffffff');
    expect(encoded((w) => w.i32(-2))).toBe('fffffffe');
    expect(encoded((w) => w.i32(-0x80000000))).toBe('80000000');
    expect(encoded((w) => w.i32(0x7fffffff))).toBe('7fffffff');
  });

  it('writes hypers as 8 big-endian bytes from a bigint or a number', () => {
    expect(encoded((w) => w.u64(5n))).toBe('0000000000000005');
    expect(encoded((w) => w.u64(2 ** 40))).toBe('0000010000000000');
    expect(encoded((w) => w.u64(2n ** 64n - 1n))).toBe('ffffffffffffffff');
    expect(encoded((w) => w.u64(Number.MAX_SAFE_INTEGER))).toBe('001fffffffffffff');
    expect(encoded((w) => w.i64(-1n))).toBe('ffffffffffffffff');
    expect(encoded((w) => w.i64(-2))).toBe('fffffffffffffffe');
    expect(encoded((w) => w.i64(-(2n ** 63n)))).toBe('8000000000000000');
    expect(encoded((w) => w.i64(0x0102030405060708n))).toBe('0102030405060708');
  });

  it('writes doubles as IEEE 754 big-endian', () => {
    expect(encoded((w) => w.double(1.5))).toBe('3ff8000000000000');
    expect(encoded((w) => w.double(-2))).toBe('c000000000000000');
    expect(encoded((w) => w.double(-0))).toBe('8000000000000000');
    expect(encoded((w) => w.double(Number.POSITIVE_INFINITY))).toBe('7ff0000000000000');
  });

  it('writes booleans as the ints 0 and 1', () => {
    expect(encoded((w) => w.bool(true))).toBe('00000001');
    expect(encoded((w) => w.bool(false))).toBe('00000000');
  });

  it('writes strings as a length, the UTF-8 bytes and zero padding to 4', () => {
    expect(encoded((w) => w.string('abc'))).toBe('00000003' + '61626300');
    expect(encoded((w) => w.string('abcd'))).toBe('00000004' + '61626364');
    expect(encoded((w) => w.string('abcde'))).toBe('00000005' + '6162636465000000');
    expect(encoded((w) => w.string(''))).toBe('00000000');
    // é is c3 a9, € is e2 82 ac: the length counts bytes, not characters.
    expect(encoded((w) => w.string('é€'))).toBe('00000005' + 'c3a9e282ac000000');
    // U+1F600 is four bytes in UTF-8 (one astral code point, two UTF-16 units).
    expect(encoded((w) => w.string('😀'))).toBe('00000004' + 'f09f9880');
  });

  it('writes a fixed opaque without a length, padded to 4', () => {
    const uuid = hex('00112233445566778899aabbccddeeff');
    expect(encoded((w) => w.fixedOpaque(uuid))).toBe('00112233445566778899aabbccddeeff');
    expect(encoded((w) => w.fixedOpaque(Uint8Array.of(1, 2, 3, 4, 5)))).toBe('0102030405000000');
    expect(encoded((w) => w.fixedOpaque(new Uint8Array(0)))).toBe('');
  });

  it('pads with zeros even when the buffer it grows into held other bytes', () => {
    // allocUnsafe may hand out dirty memory: the padding must be written, not assumed.
    const writer = new XdrWriter(4);
    for (let i = 0; i < 64; i++) writer.fixedOpaque(Uint8Array.of(0xff));
    expect(writer.finish().toString('hex')).toBe('ff000000'.repeat(64));
  });

  it('writes a variable opaque as a length then the padded bytes', () => {
    expect(encoded((w) => w.opaque(Uint8Array.of(1, 2, 3, 4, 5)))).toBe('00000005' + '0102030405000000');
    expect(encoded((w) => w.opaque(new Uint8Array(0)))).toBe('00000000');
  });

  it('writes an optional as 1 then the value, or 0 alone', () => {
    expect(encoded((w) => w.optional('x', (ww, v) => ww.string(v)))).toBe(
      '00000001' + '00000001' + '78000000',
    );
    expect(encoded((w) => w.optional(null, (ww, v: string) => ww.string(v)))).toBe('00000000');
    expect(encoded((w) => w.optional(undefined, (ww, v: string) => ww.string(v)))).toBe('00000000');
    // 0 and '' are values, not absences.
    expect(encoded((w) => w.optional(0, (ww, v) => ww.u32(v)))).toBe('00000001' + '00000000');
    expect(encoded((w) => w.optional('', (ww, v) => ww.string(v)))).toBe('00000001' + '00000000');
  });

  it('writes an array as a count then the elements', () => {
    expect(encoded((w) => w.array([1, 2, 3], (ww, v) => ww.u32(v)))).toBe('00000003000000010000000200000003');
    expect(encoded((w) => w.array([], (ww, v: number) => ww.u32(v)))).toBe('00000000');
    expect(encoded((w) => w.array(['a', 'bc'], (ww, v) => ww.string(v)))).toBe(
      '00000002' + '00000001' + '61000000' + '00000002' + '62630000',
    );
  });

  it('grows past its initial size and reports its length', () => {
    const writer = new XdrWriter(1);
    const big = new Uint8Array(1000).fill(7);
    writer.u32(1).opaque(big).u64(3n);
    expect(writer.length).toBe(4 + 4 + 1000 + 8);
    const bytes = writer.finish();
    expect(bytes.length).toBe(1016);
    expect(bytes.readUInt32BE(4)).toBe(1000);
    expect(bytes.subarray(8, 1008).every((b) => b === 7)).toBe(true);
    expect(bytes.readBigUInt64BE(1008)).toBe(3n);
  });

  it('grows from an initial size of 0 (no endless doubling of zero)', () => {
    const writer = new XdrWriter(0);
    writer.u32(9).string('hello');
    expect(writer.finish().toString('hex')).toBe('00000009' + '00000005' + '68656c6c6f000000');
  });
});

describe('XdrReader: decoding the fixtures', () => {
  it('reads ints, hypers, doubles and booleans back', () => {
    const r = reader(
      'deadbeef fffffffe ffffffffffffffff fffffffffffffffe 001fffffffffffff 3ff8000000000000 00000001 00000000',
    );
    expect(r.u32()).toBe(0xdeadbeef);
    expect(r.i32()).toBe(-2);
    expect(r.u64()).toBe(2n ** 64n - 1n);
    expect(r.i64()).toBe(-2n);
    expect(r.u64Number()).toBe(Number.MAX_SAFE_INTEGER);
    expect(r.double()).toBe(1.5);
    expect(r.bool()).toBe(true);
    expect(r.bool()).toBe(false);
    expect(r.remaining).toBe(0);
    expect(() => r.end()).not.toThrow();
  });

  it('reads strings, opaques, fixed opaques, optionals and arrays back', () => {
    const r = reader(
      [
        '00000003 61626300', // 'abc'
        '00000000', // ''
        '00000005 c3a9e282ac000000', // 'é€'
        '00112233445566778899aabbccddeeff', // uuid
        '0102030405000000', // fixed opaque of 5
        '00000005 0102030405000000', // opaque
        '00000001 00000001 78000000', // optional 'x'
        '00000000', // optional absent
        '00000003 00000001 00000002 00000003', // [1,2,3]
      ].join(''),
    );
    expect(r.string()).toBe('abc');
    expect(r.offset).toBe(8);
    expect(r.string()).toBe('');
    expect(r.string()).toBe('é€');
    expect(r.fixedOpaque(16).toString('hex')).toBe('00112233445566778899aabbccddeeff');
    expect(r.fixedOpaque(5).toString('hex')).toBe('0102030405');
    expect(r.opaque().toString('hex')).toBe('0102030405');
    expect(r.optional((x) => x.string())).toBe('x');
    expect(r.optional((x) => x.string())).toBeNull();
    expect(r.array((x) => x.u32())).toEqual([1, 2, 3]);
    r.end();
  });

  it('returns opaque bytes that do not alias the message buffer', () => {
    const buf = hex('00000002 abcd0000');
    const bytes = new XdrReader(buf).opaque();
    buf.fill(0);
    expect(bytes.toString('hex')).toBe('abcd');
  });

  it('starts at the offset it is given', () => {
    const r = new XdrReader(hex('ffffffff 00000007'), 4);
    expect(r.remaining).toBe(4);
    expect(r.u32()).toBe(7);
  });
});

// A structured value whose shape also drives its decoding.
type Node =
  | { readonly kind: 'u32'; readonly value: number }
  | { readonly kind: 'i32'; readonly value: number }
  | { readonly kind: 'u64'; readonly value: bigint }
  | { readonly kind: 'i64'; readonly value: bigint }
  | { readonly kind: 'double'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'opaque'; readonly value: Uint8Array }
  | { readonly kind: 'fixed'; readonly value: Uint8Array }
  | { readonly kind: 'optional'; readonly value: Node | null }
  | { readonly kind: 'array'; readonly value: readonly Node[] };

function write(writer: XdrWriter, node: Node): void {
  switch (node.kind) {
    case 'u32':
      writer.u32(node.value);
      return;
    case 'i32':
      writer.i32(node.value);
      return;
    case 'u64':
      writer.u64(node.value);
      return;
    case 'i64':
      writer.i64(node.value);
      return;
    case 'double':
      writer.double(node.value);
      return;
    case 'bool':
      writer.bool(node.value);
      return;
    case 'string':
      writer.string(node.value);
      return;
    case 'opaque':
      writer.opaque(node.value);
      return;
    case 'fixed':
      writer.fixedOpaque(node.value);
      return;
    case 'optional':
      writer.optional(node.value, write);
      return;
    case 'array':
      writer.array(node.value, write);
      return;
  }
}

/** Reads a value of the same shape as `shape` (the counts and presence come from the wire). */
function read(reader: XdrReader, shape: Node): Node {
  switch (shape.kind) {
    case 'u32':
      return { kind: 'u32', value: reader.u32() };
    case 'i32':
      return { kind: 'i32', value: reader.i32() };
    case 'u64':
      return { kind: 'u64', value: reader.u64() };
    case 'i64':
      return { kind: 'i64', value: reader.i64() };
    case 'double':
      return { kind: 'double', value: reader.double() };
    case 'bool':
      return { kind: 'bool', value: reader.bool() };
    case 'string':
      return { kind: 'string', value: reader.string() };
    case 'opaque':
      return { kind: 'opaque', value: Uint8Array.from(reader.opaque()) };
    case 'fixed':
      return { kind: 'fixed', value: Uint8Array.from(reader.fixedOpaque(shape.value.length)) };
    case 'optional': {
      const inner = shape.value;
      return { kind: 'optional', value: reader.optional((r) => read(r, inner as Node)) };
    }
    case 'array': {
      let i = 0;
      return { kind: 'array', value: reader.array((r) => read(r, shape.value[i++] as Node)) };
    }
  }
}

function encodeNodes(nodes: readonly Node[]): Buffer {
  const writer = new XdrWriter(8);
  for (const node of nodes) write(writer, node);
  return Buffer.from(writer.finish());
}

function decodeNodes(bytes: Buffer, shapes: readonly Node[]): Node[] {
  const r = new XdrReader(bytes);
  const nodes = shapes.map((shape) => read(r, shape));
  r.end();
  return nodes;
}

const leaf: fc.Arbitrary<Node> = fc.oneof(
  fc.record({ kind: fc.constant('u32' as const), value: fc.integer({ min: 0, max: 0xffffffff }) }),
  fc.record({ kind: fc.constant('i32' as const), value: fc.integer({ min: -0x80000000, max: 0x7fffffff }) }),
  fc.record({ kind: fc.constant('u64' as const), value: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) }),
  fc.record({
    kind: fc.constant('i64' as const),
    value: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  }),
  fc.record({ kind: fc.constant('double' as const), value: fc.double() }),
  fc.record({ kind: fc.constant('bool' as const), value: fc.boolean() }),
  fc.record({ kind: fc.constant('string' as const), value: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({ kind: fc.constant('opaque' as const), value: fc.uint8Array({ maxLength: 11 }) }),
  fc.record({ kind: fc.constant('fixed' as const), value: fc.uint8Array({ minLength: 1, maxLength: 17 }) }),
);

const { node: nodeArb } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ kind: fc.constant('optional' as const), value: fc.option(tie('node'), { nil: null }) }),
    fc.record({ kind: fc.constant('array' as const), value: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
}));

const nodesArb = fc.array(nodeArb, { minLength: 1, maxLength: 6 });

describe('XDR round trip (property)', () => {
  it('decodes what it encodes, consuming exactly the bytes written, always a multiple of 4', () => {
    fc.assert(
      fc.property(nodesArb, (nodes) => {
        const bytes = encodeNodes(nodes);
        expect(bytes.length % 4).toBe(0);
        expect(decodeNodes(bytes, nodes)).toEqual(nodes);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses every truncation of a valid encoding with DRIVER_FAILURE, never a RangeError', () => {
    fc.assert(
      fc.property(nodesArb, (nodes) => {
        const bytes = encodeNodes(nodes);
        for (let cut = 0; cut < bytes.length; cut++) {
          const error = expectThrowsEcloud(
            () => decodeNodes(bytes.subarray(0, cut), nodes),
            'DRIVER_FAILURE',
          );
          expect(error.details.offset).toBeLessThanOrEqual(cut);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a truncation at every byte of a fixture holding every kind of field', () => {
    const bytes = hex(
      'deadbeef fffffffe 0000000000000005 fffffffffffffffe 3ff8000000000000 00000001' +
        '00000003 61626300 0102030405000000 00000001 00000001 78000000 00000002 00000001 00000002',
    );
    const decode = (buf: Buffer) => {
      const r = new XdrReader(buf);
      r.u32();
      r.i32();
      r.u64Number();
      r.i64();
      r.double();
      r.bool();
      r.string();
      r.fixedOpaque(5);
      r.optional((x) => x.string());
      r.array((x) => x.u32());
      r.end();
    };
    expect(() => decode(bytes)).not.toThrow();
    for (let cut = 0; cut < bytes.length; cut++) {
      expectThrowsEcloud(() => decode(bytes.subarray(0, cut)), 'DRIVER_FAILURE');
    }
  });
});

describe('XdrReader: refusing malformed input', () => {
  it('refuses a string or opaque longer than its maximum even when the bytes are there', () => {
    const error = expectThrowsEcloud(() => reader('00000005 6162636465000000').string(4), 'DRIVER_FAILURE');
    expect(error.details.offset).toBe(0);
    expect(String(error.details.reason)).toContain('over');
    expect(reader('00000004 61626364').string(4)).toBe('abcd');
    expectThrowsEcloud(() => reader('00000005 0102030405000000').opaque(4), 'DRIVER_FAILURE');
  });

  it('refuses a string over libvirt’s 4 MiB cap by default, before looking for its bytes', () => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(MAX_XDR_STRING + 1);
    const error = expectThrowsEcloud(() => new XdrReader(length).string(), 'DRIVER_FAILURE');
    expect(String(error.details.reason)).toContain('over');
    const atCap = Buffer.alloc(4 + MAX_XDR_STRING, 0x61);
    atCap.writeUInt32BE(MAX_XDR_STRING);
    expect(new XdrReader(atCap).string()).toHaveLength(MAX_XDR_STRING);
  });

  it('refuses a string length past what is left', () => {
    expectThrowsEcloud(() => reader('00000009 61626364').string(), 'DRIVER_FAILURE');
    expectThrowsEcloud(() => reader('ffffffff 61626364').opaque(Number.MAX_SAFE_INTEGER), 'DRIVER_FAILURE');
  });

  it('refuses an opaque length whose padding would overflow 32-bit arithmetic', () => {
    // A caller allowing huge opaques must still get a typed error, not a short read or a negative offset.
    expectThrowsEcloud(() => reader('7fffffff 00000000').opaque(Number.MAX_SAFE_INTEGER), 'DRIVER_FAILURE');
    expectThrowsEcloud(() => reader('fffffffd 00000000').opaque(Number.MAX_SAFE_INTEGER), 'DRIVER_FAILURE');
    expectThrowsEcloud(() => reader('fffffffe').opaque(Number.MAX_SAFE_INTEGER), 'DRIVER_FAILURE');
  });

  it('refuses an array count the remaining bytes cannot hold, before reading any element', () => {
    let reads = 0;
    const element = (r: XdrReader) => {
      reads++;
      return r.u32();
    };
    const error = expectThrowsEcloud(
      () => reader('ffffffff 00000001 00000002').array(element),
      'DRIVER_FAILURE',
    );
    expect(error.details.offset).toBe(0);
    expect(reads).toBe(0);
    // 3 elements of at least 4 bytes need 12; 8 are left.
    expectThrowsEcloud(() => reader('00000003 00000001 00000002').array(element), 'DRIVER_FAILURE');
    expect(reads).toBe(0);
    expect(reader('00000002 00000001 00000002').array(element)).toEqual([1, 2]);
    expect(reads).toBe(2);
  });

  it('refuses an array count over the maximum the caller gives', () => {
    expectThrowsEcloud(
      () => reader('00000003 00000001 00000002 00000003').array((r) => r.u32(), 2),
      'DRIVER_FAILURE',
    );
    expect(reader('00000002 00000001 00000002').array((r) => r.u32(), 2)).toEqual([1, 2]);
  });

  it('refuses a boolean that is neither 0 nor 1, pointing at its offset', () => {
    const r = reader('00000000 00000002');
    r.u32();
    const error = expectThrowsEcloud(() => r.bool(), 'DRIVER_FAILURE');
    expect(error.details.offset).toBe(4);
    expectThrowsEcloud(() => reader('ffffffff').bool(), 'DRIVER_FAILURE');
    expectThrowsEcloud(() => reader('00000100').bool(), 'DRIVER_FAILURE');
  });

  it('refuses an optional marker other than 0 or 1 without reading the value', () => {
    let reads = 0;
    const error = expectThrowsEcloud(
      () =>
        reader('00000002 00000001 78000000').optional((r) => {
          reads++;
          return r.string();
        }),
      'DRIVER_FAILURE',
    );
    expect(error.details.offset).toBe(0);
    expect(reads).toBe(0);
    expectThrowsEcloud(() => reader('80000001').optional((r) => r.u32()), 'DRIVER_FAILURE');
  });

  it('refuses trailing bytes at end(), naming how many', () => {
    const r = reader('00000001 00000002');
    r.u32();
    const error = expectThrowsEcloud(() => r.end(), 'DRIVER_FAILURE');
    expect(error.details.offset).toBe(4);
    expect(String(error.details.reason)).toContain('4 bytes');
    r.u32();
    expect(() => r.end()).not.toThrow();
    expectThrowsEcloud(() => reader('00').end(), 'DRIVER_FAILURE');
  });

  it('refuses an unsigned hyper past 2^53 when read as a number, but not as a bigint', () => {
    expect(reader('001fffffffffffff').u64Number()).toBe(2 ** 53 - 1);
    const error = expectThrowsEcloud(() => reader('0020000000000000').u64Number(), 'DRIVER_FAILURE');
    expect(error.details.offset).toBe(0);
    expectThrowsEcloud(() => reader('ffffffffffffffff').u64Number(), 'DRIVER_FAILURE');
    expect(reader('0020000000000000').u64()).toBe(2n ** 53n);
  });

  it('throws an EcloudError with a message that names the byte offset', () => {
    const r = reader('00000001 0000');
    r.u32();
    const error = expectThrowsEcloud(() => r.u32(), 'DRIVER_FAILURE');
    expect(error).toBeInstanceOf(EcloudError);
    expect(error.message).toContain('byte 4');
    expect(error.details.offset).toBe(4);
  });
});
