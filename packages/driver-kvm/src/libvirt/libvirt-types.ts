import { malformed } from '../xdr/xdr-error.js';
import type { XdrReader } from '../xdr/xdr-reader.js';
import type { XdrWriter } from '../xdr/xdr-writer.js';

/** A domain as libvirt names it on the wire (`remote_nonnull_domain`). @public */
export interface DomainRef {
  readonly name: string;
  /** RFC 4122 form, lower case. */
  readonly uuid: string;
  /** The running id, or -1 while the domain is not running. */
  readonly id: number;
}

/** `virDomainState`, as libvirt numbers it. @public */
export const DomainState = {
  NOSTATE: 0,
  RUNNING: 1,
  BLOCKED: 2,
  PAUSED: 3,
  SHUTDOWN: 4,
  SHUTOFF: 5,
  CRASHED: 6,
  PMSUSPENDED: 7,
} as const;
/** A `virDomainState` number. @public */
export type DomainState = (typeof DomainState)[keyof typeof DomainState];

/** What `virNodeGetInfo` says of the host. @public */
export interface NodeInfo {
  readonly model: string;
  readonly memoryKiB: number;
  readonly cpus: number;
  readonly mhz: number;
  readonly nodes: number;
  readonly sockets: number;
  readonly cores: number;
  readonly threads: number;
}

/** What `virDomainGetInfo` says of a domain. @public */
export interface DomainInfo {
  readonly state: DomainState;
  readonly maxMemKiB: number;
  readonly memoryKiB: number;
  readonly vcpus: number;
  /** CPU time used, in nanoseconds. */
  readonly cpuTimeNs: bigint;
}

/** A typed parameter (`virTypedParameter`): stats and migration parameters. @public */
export type TypedParamValue = number | bigint | boolean | string;

/** Bytes of a UUID, from its text form. @internal */
export function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replaceAll('-', '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw malformed(`${uuid} is not a UUID`, 0);
  return Buffer.from(hex, 'hex');
}

/** The text form of a 16-byte UUID. @internal */
export function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** @internal */
export function writeDomain(writer: XdrWriter, domain: DomainRef): void {
  writer.string(domain.name).fixedOpaque(uuidBytes(domain.uuid)).i32(domain.id);
}

/** @internal */
export function readDomain(reader: XdrReader): DomainRef {
  return { name: reader.string(), uuid: uuidText(reader.fixedOpaque(16)), id: reader.i32() };
}

/** rpcgen writes each `char` as a whole 4-byte word, so `char model[32]` is 128 bytes. */
function readCharArray(reader: XdrReader, length: number): string {
  const bytes: number[] = [];
  for (let i = 0; i < length; i++) bytes.push(reader.i32() & 0xff);
  const end = bytes.indexOf(0);
  return Buffer.from(end === -1 ? bytes : bytes.slice(0, end)).toString('latin1');
}

/** @internal */
export function readNodeInfo(reader: XdrReader): NodeInfo {
  return {
    model: readCharArray(reader, 32),
    memoryKiB: reader.u64Number(),
    cpus: reader.i32(),
    mhz: reader.i32(),
    nodes: reader.i32(),
    sockets: reader.i32(),
    cores: reader.i32(),
    threads: reader.i32(),
  };
}

/** @internal */
export function readDomainInfo(reader: XdrReader): DomainInfo {
  // `unsigned char state` and `unsigned short nrVirtCpu` take a word each on the wire.
  return {
    state: (reader.u32() & 0xff) as DomainState,
    maxMemKiB: reader.u64Number(),
    memoryKiB: reader.u64Number(),
    vcpus: reader.u32() & 0xffff,
    cpuTimeNs: reader.u64(),
  };
}

const TYPED_PARAM = { INT: 1, UINT: 2, LLONG: 3, ULLONG: 4, DOUBLE: 5, BOOLEAN: 6, STRING: 7 } as const;

/** `remote_typed_param`: a field name and a value of one of seven types. @internal */
export function readTypedParam(reader: XdrReader): [string, TypedParamValue] {
  const field = reader.string();
  const at = reader.offset;
  const type = reader.i32();
  switch (type) {
    case TYPED_PARAM.INT:
      return [field, reader.i32()];
    case TYPED_PARAM.UINT:
      return [field, reader.u32()];
    case TYPED_PARAM.LLONG:
      return [field, reader.i64()];
    case TYPED_PARAM.ULLONG:
      return [field, reader.u64()];
    case TYPED_PARAM.DOUBLE:
      return [field, reader.double()];
    case TYPED_PARAM.BOOLEAN:
      return [field, reader.i32() !== 0];
    case TYPED_PARAM.STRING:
      return [field, reader.string()];
    default:
      throw malformed(`typed parameter ${field} has unknown type ${type}`, at);
  }
}

/** Writes a typed parameter, choosing its wire type from the value. @internal */
export function writeTypedParam(writer: XdrWriter, field: string, value: TypedParamValue): void {
  writer.string(field);
  if (typeof value === 'string') writer.i32(TYPED_PARAM.STRING).string(value);
  else if (typeof value === 'boolean') writer.i32(TYPED_PARAM.BOOLEAN).i32(value ? 1 : 0);
  else if (typeof value === 'bigint') writer.i32(TYPED_PARAM.ULLONG).u64(value);
  else if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff)
    writer.i32(TYPED_PARAM.UINT).u32(value);
  else if (Number.isInteger(value)) writer.i32(TYPED_PARAM.LLONG).i64(value);
  else writer.i32(TYPED_PARAM.DOUBLE).double(value);
}

/** An object libvirt names on the wire by its name and UUID: a storage pool, a network. @public */
export interface NamedRef {
  readonly name: string;
  readonly uuid: string;
}

/** A storage pool as libvirt names it on the wire. @public */
export type PoolRef = NamedRef;

/** A virtual network as libvirt names it on the wire. @public */
export type NetworkRef = NamedRef;

/** A storage volume as libvirt names it on the wire: its pool, its name, its key (usually its path). @public */
export interface VolumeRef {
  readonly pool: string;
  readonly name: string;
  readonly key: string;
}

/** What `virStoragePoolGetInfo` says: sizes in bytes. @public */
export interface PoolInfo {
  readonly state: number;
  readonly capacity: number;
  readonly allocation: number;
  readonly available: number;
}

/** `remote_nonnull_storage_pool`, `remote_nonnull_network`. @internal */
export function writeNamed(writer: XdrWriter, ref: NamedRef): void {
  writer.string(ref.name).fixedOpaque(uuidBytes(ref.uuid));
}

/** @internal */
export function readNamed(reader: XdrReader): NamedRef {
  return { name: reader.string(), uuid: uuidText(reader.fixedOpaque(16)) };
}

/** @internal */
export function writeVolume(writer: XdrWriter, volume: VolumeRef): void {
  writer.string(volume.pool).string(volume.name).string(volume.key);
}

/** @internal */
export function readVolume(reader: XdrReader): VolumeRef {
  return { pool: reader.string(), name: reader.string(), key: reader.string() };
}

/** @internal */
export function readPoolInfo(reader: XdrReader): PoolInfo {
  return {
    state: reader.u32() & 0xff,
    capacity: reader.u64Number(),
    allocation: reader.u64Number(),
    available: reader.u64Number(),
  };
}
