import { malformed } from '../xdr/xdr-error.js';
import { XdrReader } from '../xdr/xdr-reader.js';
import { HEADER_BYTES, LENGTH_BYTES, MAX_PACKET_BYTES } from './protocol.js';

/** `virNetMessageHeader`. @internal */
export interface PacketHeader {
  readonly prog: number;
  readonly vers: number;
  readonly proc: number;
  readonly type: number;
  readonly serial: number;
  readonly status: number;
}

/** One packet off the wire: its header and its XDR body. @internal */
export interface Packet {
  readonly header: PacketHeader;
  readonly body: Buffer;
}

/** Frames a packet: the length word (counting itself), the header, the body. @internal */
export function encodePacket(header: PacketHeader, body: Uint8Array = new Uint8Array(0)): Buffer {
  const total = LENGTH_BYTES + HEADER_BYTES + body.length;
  if (total > MAX_PACKET_BYTES) throw malformed(`a packet of ${total} bytes is over the limit`, 0);
  const packet = Buffer.allocUnsafe(total);
  packet.writeUInt32BE(total, 0);
  packet.writeUInt32BE(header.prog >>> 0, 4);
  packet.writeUInt32BE(header.vers >>> 0, 8);
  packet.writeInt32BE(header.proc, 12);
  packet.writeInt32BE(header.type, 16);
  packet.writeUInt32BE(header.serial >>> 0, 20);
  packet.writeInt32BE(header.status, 24);
  packet.set(body, LENGTH_BYTES + HEADER_BYTES);
  return packet;
}

/** Reads the header and body of one whole packet (its length word included). @internal */
export function decodePacket(packet: Buffer): Packet {
  const reader = new XdrReader(packet);
  const length = reader.u32();
  if (length !== packet.length) throw malformed(`length word ${length} but ${packet.length} bytes`, 0);
  if (length < LENGTH_BYTES + HEADER_BYTES) throw malformed(`a packet of ${length} bytes has no header`, 0);
  const header: PacketHeader = {
    prog: reader.u32(),
    vers: reader.u32(),
    proc: reader.i32(),
    type: reader.i32(),
    serial: reader.u32(),
    status: reader.i32(),
  };
  return { header, body: packet.subarray(LENGTH_BYTES + HEADER_BYTES) };
}
