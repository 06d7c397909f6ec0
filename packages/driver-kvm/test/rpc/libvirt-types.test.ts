import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DomainState,
  readDomain,
  readDomainInfo,
  readNodeInfo,
  readTypedParam,
  uuidBytes,
  uuidText,
  writeDomain,
  writeTypedParam,
} from '../../src/libvirt/libvirt-types.js';
import { XdrReader } from '../../src/xdr/xdr-reader.js';
import { XdrWriter } from '../../src/xdr/xdr-writer.js';
import { expectThrowsEcloud, hex } from '../helpers/errors.js';

/** `char model[32]` as rpcgen writes it: one 4-byte word per char, NUL-filled. */
function charWords(text: string, length = 32): XdrWriter {
  const writer = new XdrWriter();
  const bytes = Buffer.from(text, 'latin1');
  for (let i = 0; i < length; i++) writer.i32(bytes[i] ?? 0);
  return writer;
}

function nodeInfoBody(model: XdrWriter, memoryKiB: bigint): Buffer {
  return Buffer.from(
    new XdrWriter()
      .fixedOpaque(model.finish())
      .u64(memoryKiB)
      .i32(8) // cpus
      .i32(2400) // mhz
      .i32(1) // nodes
      .i32(1) // sockets
      .i32(4) // cores
      .i32(2) // threads
      .finish(),
  );
}

function decodeAll<T>(body: Buffer, read: (r: XdrReader) => T): T {
  const r = new XdrReader(body);
  const value = read(r);
  r.end();
  return value;
}

describe('NODE_GET_INFO reply', () => {
  it('decodes the model from 32 four-byte words, memory as a hyper, then six ints', () => {
    const body = nodeInfoBody(charWords('x86_64'), 16n * 1024n * 1024n);
    expect(body.length).toBe(128 + 8 + 6 * 4);
    // The first word is 'x' (0x78) in the low byte of a whole word.
    expect(body.subarray(0, 8).toString('hex')).toBe('0000007800000038');
    expect(decodeAll(body, readNodeInfo)).toEqual({
      model: 'x86_64',
      memoryKiB: 16 * 1024 * 1024,
      cpus: 8,
      mhz: 2400,
      nodes: 1,
      sockets: 1,
      cores: 4,
      threads: 2,
    });
  });

  it('reads a model of all 32 chars with no NUL, and a sign-extended char word as its low byte', () => {
    const full = 'abcdefghijklmnopqrstuvwxyz012345';
    expect(decodeAll(nodeInfoBody(charWords(full), 1n), readNodeInfo).model).toBe(full);
    // rpcgen's xdr_char widens a signed char: 0xe9 may come as 0xffffffe9.
    const words = new XdrWriter().u32(0x41).u32(0xffffffe9).u32(0xe9);
    for (let i = 3; i < 32; i++) words.u32(0);
    expect(decodeAll(nodeInfoBody(words, 1n), readNodeInfo).model).toBe('Aéé');
  });

  it('refuses a memory size past 2^53 and a truncated body', () => {
    expectThrowsEcloud(
      () => decodeAll(nodeInfoBody(charWords('x'), 2n ** 53n), readNodeInfo),
      'DRIVER_FAILURE',
    );
    const body = nodeInfoBody(charWords('x86_64'), 1024n);
    expectThrowsEcloud(() => decodeAll(body.subarray(0, body.length - 4), readNodeInfo), 'DRIVER_FAILURE');
    // A body with model as a 32-byte string (not 4 bytes per char) is far too short.
    expectThrowsEcloud(
      () => decodeAll(Buffer.concat([Buffer.alloc(32), body.subarray(128)]), readNodeInfo),
      'DRIVER_FAILURE',
    );
  });
});

describe('DOMAIN_GET_INFO reply', () => {
  it('decodes state and vcpus from whole words, memory as numbers, CPU time as a bigint', () => {
    const body = hex(
      [
        '00000001', // unsigned char state = RUNNING
        '0000000000200000', // maxMem 2 GiB in KiB
        '0000000000100000', // memory 1 GiB in KiB
        '00000002', // unsigned short nrVirtCpu
        '01b69b4ba630f34e', // cpuTime ns
      ].join(''),
    );
    expect(decodeAll(body, readDomainInfo)).toEqual({
      state: DomainState.RUNNING,
      maxMemKiB: 2 * 1024 * 1024,
      memoryKiB: 1024 * 1024,
      vcpus: 2,
      cpuTimeNs: 123456789012345678n,
    });
  });

  it('reads a shut-off domain and refuses a truncated body', () => {
    const body = hex('00000005 0000000000000400 0000000000000000 00000001 0000000000000000');
    expect(decodeAll(body, readDomainInfo)).toMatchObject({
      state: DomainState.SHUTOFF,
      memoryKiB: 0,
      vcpus: 1,
    });
    expectThrowsEcloud(() => decodeAll(body.subarray(0, 28), readDomainInfo), 'DRIVER_FAILURE');
  });
});

describe('typed parameters', () => {
  const field = '00000004 6e616d65'; // 'name'
  const cases: [string, string, unknown][] = [
    ['INT', '00000001 fffffffb', -5],
    ['UINT', '00000002 ffffffff', 0xffffffff],
    ['LLONG', '00000003 fffffeffffffffff', -(2n ** 40n) - 1n],
    ['ULLONG', '00000004 ffffffffffffffff', 2n ** 64n - 1n],
    ['DOUBLE', '00000005 3fd0000000000000', 0.25],
    ['BOOLEAN', '00000006 00000001', true],
    ['STRING', '00000007 00000004 71656d75', 'qemu'],
  ];

  for (const [type, wire, value] of cases) {
    it(`reads a ${type} parameter`, () => {
      expect(decodeAll(hex(field + wire), readTypedParam)).toEqual(['name', value]);
    });
  }

  it('reads a BOOLEAN 0 as false', () => {
    expect(decodeAll(hex(`${field}00000006 00000000`), readTypedParam)).toEqual(['name', false]);
  });

  it('refuses an unknown type, pointing at the type word', () => {
    const error = expectThrowsEcloud(
      () => decodeAll(hex(`${field}00000008 00000000`), readTypedParam),
      'DRIVER_FAILURE',
    );
    expect(error.details.offset).toBe(8);
    expectThrowsEcloud(() => decodeAll(hex(`${field}00000000 00000000`), readTypedParam), 'DRIVER_FAILURE');
  });

  it('writes each JavaScript value with the wire type it maps to', () => {
    const written = (value: number | bigint | boolean | string) => {
      const writer = new XdrWriter();
      writeTypedParam(writer, 'name', value);
      return writer.finish().toString('hex').slice(16);
    };
    expect(written('qemu')).toBe('00000007' + '00000004' + '71656d75');
    expect(written(true)).toBe('00000006' + '00000001');
    expect(written(false)).toBe('00000006' + '00000000');
    expect(written(5n)).toBe('00000004' + '0000000000000005');
    expect(written(7)).toBe('00000002' + '00000007');
    expect(written(0xffffffff)).toBe('00000002' + 'ffffffff');
    expect(written(2 ** 32)).toBe('00000003' + '0000000100000000');
    expect(written(-7)).toBe('00000003' + 'fffffffffffffff9');
    expect(written(0.5)).toBe('00000005' + '3fe0000000000000');
  });

  it('round-trips a list of parameters as remote_typed_param arrays', () => {
    const params: [string, number | bigint | boolean | string][] = [
      ['migrate_uri', 'tcp://10.0.0.2'],
      ['bandwidth', 100],
      ['persistent', true],
      ['disks_port', 2n ** 63n],
      ['ratio', 1.5],
    ];
    const writer = new XdrWriter().array(params, (w, [name, value]) => writeTypedParam(w, name, value));
    const decoded = decodeAll(Buffer.from(writer.finish()), (r) => r.array(readTypedParam));
    expect(decoded).toEqual(params);
  });
});

describe('UUIDs and domain references', () => {
  const text = '6695eb01-f6a4-8304-79aa-97f2502e193f';

  it('converts between the text and the 16 bytes', () => {
    const bytes = uuidBytes(text);
    expect(bytes.toString('hex')).toBe('6695eb01f6a4830479aa97f2502e193f');
    expect(uuidText(bytes)).toBe(text);
    expect(uuidText(uuidBytes(text.toUpperCase()))).toBe(text);
    expect(uuidBytes('6695eb01f6a4830479aa97f2502e193f').equals(bytes)).toBe(true);
  });

  it('round-trips any 16 bytes through the RFC 4122 text form (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (raw) => {
        const textForm = uuidText(Buffer.from(raw));
        expect(textForm).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(Uint8Array.from(uuidBytes(textForm))).toEqual(raw);
      }),
    );
  });

  it('refuses text that is not a UUID', () => {
    for (const bad of ['', 'not-a-uuid', text.slice(1), `${text}0`, text.replace('6', 'g')]) {
      expectThrowsEcloud(() => uuidBytes(bad), 'DRIVER_FAILURE');
    }
  });

  it('writes remote_nonnull_domain as name, raw uuid, id and reads it back', () => {
    const domain = { name: 'vm1', uuid: text, id: -1 };
    const writer = new XdrWriter();
    writeDomain(writer, domain);
    const bytes = Buffer.from(writer.finish());
    expect(bytes.toString('hex')).toBe(
      '00000003' + '766d3100' + '6695eb01f6a4830479aa97f2502e193f' + 'ffffffff',
    );
    expect(decodeAll(bytes, readDomain)).toEqual(domain);
  });
});
