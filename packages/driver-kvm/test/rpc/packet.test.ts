import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePacket, encodePacket, type PacketHeader } from '../../src/rpc/packet.js';
import {
  HEADER_BYTES,
  LENGTH_BYTES,
  MAX_PACKET_BYTES,
  MessageStatus,
  MessageType,
  REMOTE_PROGRAM,
} from '../../src/rpc/protocol.js';
import { XdrWriter } from '../../src/xdr/xdr-writer.js';
import { expectThrowsEcloud, hex } from '../helpers/errors.js';

const CONNECT_OPEN_CALL: PacketHeader = {
  prog: 0x20008086,
  vers: 1,
  proc: 1,
  type: 0,
  serial: 1,
  status: 0,
};

describe('encodePacket', () => {
  it('frames a CONNECT_OPEN call byte for byte: length with itself, 24-byte header, body', () => {
    // remote_connect_open_args: { remote_string name = "test:///default", int flags = 0 }
    const body = new XdrWriter()
      .optional('test:///default', (w, v) => w.string(v))
      .u32(0)
      .finish();
    expect(body.toString('hex')).toBe(
      `000000010000000f${Buffer.from('test:///default').toString('hex')}0000000000`,
    );
    const packet = encodePacket(CONNECT_OPEN_CALL, body);
    expect(packet.toString('hex')).toBe(
      [
        '00000038', // 56 = 4 + 24 + 28
        '20008086', // REMOTE program
        '00000001', // version 1
        '00000001', // CONNECT_OPEN
        '00000000', // CALL
        '00000001', // serial 1
        '00000000', // OK
        body.toString('hex'),
      ].join(''),
    );
  });

  it('frames a header-only packet as 28 bytes', () => {
    expect(encodePacket(CONNECT_OPEN_CALL).toString('hex')).toBe(
      '0000001c 20008086 00000001 00000001 00000000 00000001 00000000'.replaceAll(' ', ''),
    );
  });

  it('writes the unsigned fields as unsigned and the signed ones as two’s complement', () => {
    const packet = encodePacket({
      prog: 0xffffffff,
      vers: 0x80000000,
      proc: -1,
      type: MessageType.MESSAGE,
      serial: 0xfffffffe,
      status: -2,
    });
    expect(packet.toString('hex')).toBe(
      '0000001c ffffffff 80000000 ffffffff 00000002 fffffffe fffffffe'.replaceAll(' ', ''),
    );
  });

  it('refuses a body that would make the packet larger than the limit', () => {
    const atLimit = new Uint8Array(MAX_PACKET_BYTES - LENGTH_BYTES - HEADER_BYTES);
    expect(encodePacket(CONNECT_OPEN_CALL, atLimit).length).toBe(MAX_PACKET_BYTES);
    const over = new Uint8Array(atLimit.length + 1);
    expectThrowsEcloud(() => encodePacket(CONNECT_OPEN_CALL, over), 'DRIVER_FAILURE');
  });
});

describe('decodePacket', () => {
  it('reads back the CONNECT_OPEN fixture', () => {
    const packet = decodePacket(
      hex('00000020 20008086 00000001 00000001 00000001 00000001 00000000 0000002a'),
    );
    expect(packet.header).toEqual({
      prog: REMOTE_PROGRAM,
      vers: 1,
      proc: 1,
      type: MessageType.REPLY,
      serial: 1,
      status: MessageStatus.OK,
    });
    expect(packet.body.toString('hex')).toBe('0000002a');
  });

  it('round-trips any header and body (property)', () => {
    const header = fc.record({
      prog: fc.integer({ min: 0, max: 0xffffffff }),
      vers: fc.integer({ min: 0, max: 0xffffffff }),
      proc: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
      type: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
      serial: fc.integer({ min: 0, max: 0xffffffff }),
      status: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
    });
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 100 }), (h, body) => {
        const packet = encodePacket(h, body);
        expect(packet.length).toBe(28 + body.length);
        expect(packet.readUInt32BE(0)).toBe(packet.length);
        const decoded = decodePacket(packet);
        expect(decoded.header).toEqual(h);
        expect(Uint8Array.from(decoded.body)).toEqual(body);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a length word that disagrees with the bytes given', () => {
    const packet = encodePacket(CONNECT_OPEN_CALL, Uint8Array.of(1, 2, 3, 4));
    const longer = Buffer.concat([packet, Buffer.alloc(4)]);
    expectThrowsEcloud(() => decodePacket(longer), 'DRIVER_FAILURE');
    expectThrowsEcloud(() => decodePacket(packet.subarray(0, packet.length - 4)), 'DRIVER_FAILURE');
    const lying = Buffer.from(packet);
    lying.writeUInt32BE(packet.length + 4, 0);
    expectThrowsEcloud(() => decodePacket(lying), 'DRIVER_FAILURE');
  });

  it('refuses a packet too short for a header, whatever its length word says', () => {
    for (let size = 0; size < 28; size++) {
      const short = Buffer.alloc(size);
      if (size >= 4) short.writeUInt32BE(size, 0);
      expectThrowsEcloud(() => decodePacket(short), 'DRIVER_FAILURE');
    }
  });
});
