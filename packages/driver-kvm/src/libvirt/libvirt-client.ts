import type { Readable } from 'node:stream';
import { EcloudError, parseInput } from '@ecloud/core';
import { z } from 'zod';
import { PROCEDURES, procedureNumber, type RemoteProcedure } from '../rpc/procedures.js';
import { type CallOptions, RpcConnection } from '../rpc/rpc-connection.js';
import type { RpcStream } from '../rpc/rpc-stream.js';
import { dial } from '../transport/dial.js';
import { LibvirtTransport } from '../transport/transport-options.js';
import { XdrReader } from '../xdr/xdr-reader.js';
import { XdrWriter } from '../xdr/xdr-writer.js';
import {
  type DomainInfo,
  type DomainRef,
  type DomainState,
  type NetworkRef,
  type NodeInfo,
  type PoolInfo,
  type PoolRef,
  readDomain,
  readDomainInfo,
  readNamed,
  readNodeInfo,
  readPoolInfo,
  readTypedParam,
  readVolume,
  type TypedParamValue,
  uuidBytes,
  type VolumeRef,
  writeDomain,
  writeNamed,
  writeTypedParam,
  writeVolume,
} from './libvirt-types.js';
import { type DomainLifecycleEvent, readLifecycleMessage } from './lifecycle-event.js';
import { pumpUpload, streamCancelled } from './volume-upload.js';

/** Options of {@link LibvirtClient.connect}. @public */
export const LibvirtClientOptions = z.strictObject({
  transport: LibvirtTransport,
  /** The hypervisor URI the daemon opens: `qemu:///system`, `test:///default`, ... */
  uri: z.string().min(1),
  /** Default deadline of one call, in milliseconds. */
  timeoutMs: z.number().int().positive().default(60_000),
  keepalive: z
    .union([
      z.literal(false),
      z.strictObject({ intervalMs: z.number().int().min(100), count: z.number().int().min(1) }),
    ])
    .default({ intervalMs: 5000, count: 5 }),
  /** After a lost connection, the next call dials again, waiting at least this long between tries, doubling to `maxDelayMs`. */
  reconnect: z
    .strictObject({
      initialDelayMs: z.number().int().min(0).default(200),
      maxDelayMs: z.number().int().min(0).default(30_000),
    })
    .default({ initialDelayMs: 200, maxDelayMs: 30_000 }),
});
/** Options of {@link LibvirtClient.connect} (as callers write them). @public */
export type LibvirtClientOptions = z.input<typeof LibvirtClientOptions>;

const ByteRange = z.strictObject({
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  length: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});

/** `VIR_DRV_FEATURE_PROGRAM_KEEPALIVE`: we answer the daemon's PINGs. */
const FEATURE_PROGRAM_KEEPALIVE = 10;
const AUTH_NONE = 0;
const EVENT_ID_LIFECYCLE = 0;

const none = (_reader: XdrReader): undefined => undefined;

/**
 * A typed client of libvirtd's remote protocol, in pure TypeScript (issue 5: no native binding).
 * Calls may overlap on the one connection; a lost connection fails the calls in flight with a
 * retryable `DRIVER_UNAVAILABLE`, and the next call dials again (backing off between failed dials) and
 * re-registers the event callbacks.
 * @public
 */
export class LibvirtClient {
  readonly #options: z.output<typeof LibvirtClientOptions>;
  #connection: RpcConnection | undefined;
  #connecting: Promise<RpcConnection> | undefined;
  #nextDialAt = 0;
  #delayMs: number;
  #closed = false;
  readonly #lifecycleListeners = new Set<(event: DomainLifecycleEvent) => void>();

  private constructor(options: z.output<typeof LibvirtClientOptions>) {
    this.#options = options;
    this.#delayMs = options.reconnect.initialDelayMs;
  }

  /** Dials the daemon and opens the hypervisor `uri`; throws a typed error if either fails. */
  static async connect(options: LibvirtClientOptions): Promise<LibvirtClient> {
    const client = new LibvirtClient(parseInput(LibvirtClientOptions, options, 'libvirt client options'));
    await client.#ready();
    return client;
  }

  /** Whether a connection is up now (a call would dial otherwise). */
  get connected(): boolean {
    return this.#connection?.open === true;
  }

  async #ready(): Promise<RpcConnection> {
    if (this.#closed) throw new EcloudError('DRIVER_UNAVAILABLE', 'The libvirt client is closed.');
    if (this.#connection?.open) return this.#connection;
    this.#connecting ??= this.#open().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #open(): Promise<RpcConnection> {
    const wait = this.#nextDialAt - Date.now();
    if (wait > 0) {
      throw new EcloudError('DRIVER_UNAVAILABLE', `libvirtd is unreachable; the next try is in ${wait} ms.`, {
        details: { retryAfterMs: wait },
      });
    }
    try {
      const connection = await this.#handshake(
        new RpcConnection(await dial(this.#options.transport), {
          timeoutMs: this.#options.timeoutMs,
          keepalive: this.#options.keepalive,
        }),
      );
      this.#delayMs = this.#options.reconnect.initialDelayMs;
      this.#nextDialAt = 0;
      this.#connection = connection;
      connection.onClose(() => {
        if (this.#connection === connection) this.#connection = undefined;
      });
      return connection;
    } catch (error) {
      this.#nextDialAt = Date.now() + this.#delayMs;
      this.#delayMs = Math.min(this.#delayMs * 2 || 1, this.#options.reconnect.maxDelayMs);
      throw error;
    }
  }

  async #handshake(connection: RpcConnection): Promise<RpcConnection> {
    try {
      const feature = new XdrWriter().i32(FEATURE_PROGRAM_KEEPALIVE).finish();
      await connection.call(PROCEDURES.CONNECT_SUPPORTS_FEATURE, feature, (r) => r.i32());
      const auth = await connection.call(PROCEDURES.AUTH_LIST, undefined, (r) => r.array((x) => x.i32(), 20));
      if (!auth.includes(AUTH_NONE)) {
        throw new EcloudError(
          'DRIVER_UNAVAILABLE',
          `libvirtd asks for authentication this client does not speak (${auth.join(', ')}).`,
          {
            details: { authTypes: auth },
            retryable: false,
          },
        );
      }
      const open = new XdrWriter()
        .optional(this.#options.uri, (w, uri) => w.string(uri))
        .u32(0)
        .finish();
      await connection.call(PROCEDURES.CONNECT_OPEN, open, none);
      connection.onEvent((proc, body) => this.#onEvent(proc, body));
      if (this.#lifecycleListeners.size > 0) await this.#registerLifecycle(connection);
      return connection;
    } catch (error) {
      connection.close();
      throw error;
    }
  }

  async #call<T>(
    name: RemoteProcedure,
    args: XdrWriter | undefined,
    decode: (reader: XdrReader) => T,
    options?: CallOptions,
  ): Promise<T> {
    const connection = await this.#ready();
    return connection.call(PROCEDURES[name], args?.finish(), decode, options);
  }

  #domainCall<T>(
    name: RemoteProcedure,
    domain: DomainRef,
    extra: (w: XdrWriter) => void,
    decode: (r: XdrReader) => T,
    options?: CallOptions,
  ): Promise<T> {
    const args = new XdrWriter();
    writeDomain(args, domain);
    extra(args);
    return this.#call(name, args, decode, options);
  }

  /** The hypervisor's version, as libvirt encodes it (major × 1,000,000 + minor × 1,000 + release). */
  hypervisorVersion(options?: CallOptions): Promise<number> {
    return this.#call('CONNECT_GET_VERSION', undefined, (r) => r.u64Number(), options);
  }

  /** libvirt's own version, encoded the same way. */
  libVersion(options?: CallOptions): Promise<number> {
    return this.#call('CONNECT_GET_LIB_VERSION', undefined, (r) => r.u64Number(), options);
  }

  hostname(options?: CallOptions): Promise<string> {
    return this.#call('CONNECT_GET_HOSTNAME', undefined, (r) => r.string(), options);
  }

  /** The host's capabilities XML. */
  capabilities(options?: CallOptions): Promise<string> {
    return this.#call('CONNECT_GET_CAPABILITIES', undefined, (r) => r.string(), options);
  }

  nodeInfo(options?: CallOptions): Promise<NodeInfo> {
    return this.#call('NODE_GET_INFO', undefined, readNodeInfo, options);
  }

  /** Free memory of the host, in bytes. */
  freeMemory(options?: CallOptions): Promise<number> {
    return this.#call('NODE_GET_FREE_MEMORY', undefined, (r) => r.u64Number(), options);
  }

  /** Every domain, defined or running (`flags`: `virConnectListAllDomainsFlags`, 0 for all). */
  listAllDomains(flags = 0, options?: CallOptions): Promise<DomainRef[]> {
    return this.#listAll('CONNECT_LIST_ALL_DOMAINS', readDomain, flags, options);
  }

  /** Every virtual network, defined or active (`flags`: `virConnectListAllNetworksFlags`, 0 for all). */
  listAllNetworks(flags = 0, options?: CallOptions): Promise<NetworkRef[]> {
    return this.#listAll('CONNECT_LIST_ALL_NETWORKS', readNamed, flags, options);
  }

  /** The `virConnectListAll*` shape: `need_results`, flags in; the objects and their count out. */
  #listAll<T>(
    name: RemoteProcedure,
    read: (reader: XdrReader) => T,
    flags: number,
    options?: CallOptions,
  ): Promise<T[]> {
    const decode = (r: XdrReader) => {
      const objects = r.array(read);
      r.u32();
      return objects;
    };
    return this.#call(name, new XdrWriter().i32(1).u32(flags), decode, options);
  }

  lookupDomainByName(name: string, options?: CallOptions): Promise<DomainRef> {
    return this.#call('DOMAIN_LOOKUP_BY_NAME', new XdrWriter().string(name), readDomain, options);
  }

  lookupDomainByUuid(uuid: string, options?: CallOptions): Promise<DomainRef> {
    return this.#call(
      'DOMAIN_LOOKUP_BY_UUID',
      new XdrWriter().fixedOpaque(uuidBytes(uuid)),
      readDomain,
      options,
    );
  }

  /** Defines (or redefines) a persistent domain from its XML. */
  defineXml(xml: string, flags = 0, options?: CallOptions): Promise<DomainRef> {
    return this.#call('DOMAIN_DEFINE_XML_FLAGS', new XdrWriter().string(xml).u32(flags), readDomain, options);
  }

  /** Removes a domain's definition (`flags`: `virDomainUndefineFlagsValues`, e.g. 1 = managed save, 2 = snapshot metadata). */
  undefine(domain: DomainRef, flags = 0, options?: CallOptions): Promise<void> {
    return this.#domainCall('DOMAIN_UNDEFINE_FLAGS', domain, (w) => w.u32(flags), none, options);
  }

  /** Starts a defined domain (`virDomainCreateWithFlags`); resolves with it, now holding its id. */
  start(domain: DomainRef, flags = 0, options?: CallOptions): Promise<DomainRef> {
    return this.#domainCall('DOMAIN_CREATE_WITH_FLAGS', domain, (w) => w.u32(flags), readDomain, options);
  }

  /** Cuts the power (`virDomainDestroyFlags`): no guest shutdown. */
  destroy(domain: DomainRef, flags = 0, options?: CallOptions): Promise<void> {
    return this.#domainCall('DOMAIN_DESTROY_FLAGS', domain, (w) => w.u32(flags), none, options);
  }

  /** Asks the guest to shut down (ACPI or agent); returns once asked, not once off. */
  shutdown(domain: DomainRef, flags = 0, options?: CallOptions): Promise<void> {
    return this.#domainCall('DOMAIN_SHUTDOWN_FLAGS', domain, (w) => w.u32(flags), none, options);
  }

  reboot(domain: DomainRef, flags = 0, options?: CallOptions): Promise<void> {
    return this.#domainCall('DOMAIN_REBOOT', domain, (w) => w.u32(flags), none, options);
  }

  suspend(domain: DomainRef, options?: CallOptions): Promise<void> {
    return this.#domainCall('DOMAIN_SUSPEND', domain, () => undefined, none, options);
  }

  resume(domain: DomainRef, options?: CallOptions): Promise<void> {
    return this.#domainCall('DOMAIN_RESUME', domain, () => undefined, none, options);
  }

  domainInfo(domain: DomainRef, options?: CallOptions): Promise<DomainInfo> {
    return this.#domainCall('DOMAIN_GET_INFO', domain, () => undefined, readDomainInfo, options);
  }

  domainState(domain: DomainRef, options?: CallOptions): Promise<{ state: DomainState; reason: number }> {
    return this.#domainCall(
      'DOMAIN_GET_STATE',
      domain,
      (w) => w.u32(0),
      (r) => ({ state: r.i32() as DomainState, reason: r.i32() }),
      options,
    );
  }

  /** The domain's XML (`flags`: `virDomainXMLFlags`, 2 = the inactive definition). */
  domainXml(domain: DomainRef, flags = 0, options?: CallOptions): Promise<string> {
    return this.#domainCall(
      'DOMAIN_GET_XML_DESC',
      domain,
      (w) => w.u32(flags),
      (r) => r.string(),
      options,
    );
  }

  /** Sets vCPUs (`flags`: `virDomainModificationImpact`, 1 = live, 2 = config). */
  setVcpus(domain: DomainRef, vcpus: number, flags: number, options?: CallOptions): Promise<void> {
    return this.#domainCall('DOMAIN_SET_VCPUS_FLAGS', domain, (w) => w.u32(vcpus).u32(flags), none, options);
  }

  /** Sets memory in KiB (`flags` as for {@link LibvirtClient.setVcpus}; 4 = the maximum). */
  setMemory(domain: DomainRef, memoryKiB: number, flags: number, options?: CallOptions): Promise<void> {
    return this.#domainCall(
      'DOMAIN_SET_MEMORY_FLAGS',
      domain,
      (w) => w.u64(memoryKiB).u32(flags),
      none,
      options,
    );
  }

  attachDevice(domain: DomainRef, xml: string, flags: number, options?: CallOptions): Promise<void> {
    return this.#domainCall(
      'DOMAIN_ATTACH_DEVICE_FLAGS',
      domain,
      (w) => w.string(xml).u32(flags),
      none,
      options,
    );
  }

  detachDevice(domain: DomainRef, xml: string, flags: number, options?: CallOptions): Promise<void> {
    return this.#domainCall(
      'DOMAIN_DETACH_DEVICE_FLAGS',
      domain,
      (w) => w.string(xml).u32(flags),
      none,
      options,
    );
  }

  /** Takes a snapshot from its XML; resolves with its name. */
  createSnapshot(domain: DomainRef, xml: string, flags = 0, options?: CallOptions): Promise<string> {
    return this.#domainCall(
      'DOMAIN_SNAPSHOT_CREATE_XML',
      domain,
      (w) => w.string(xml).u32(flags),
      (r) => {
        const name = r.string();
        readDomain(r);
        return name;
      },
      options,
    );
  }

  #snapshotCall(
    name: RemoteProcedure,
    domain: DomainRef,
    snapshot: string,
    flags: number,
    options?: CallOptions,
  ): Promise<void> {
    const args = new XdrWriter().string(snapshot);
    writeDomain(args, domain);
    args.u32(flags);
    return this.#call(name, args, none, options);
  }

  revertToSnapshot(domain: DomainRef, snapshot: string, flags = 0, options?: CallOptions): Promise<void> {
    return this.#snapshotCall('DOMAIN_REVERT_TO_SNAPSHOT', domain, snapshot, flags, options);
  }

  deleteSnapshot(domain: DomainRef, snapshot: string, flags = 0, options?: CallOptions): Promise<void> {
    return this.#snapshotCall('DOMAIN_SNAPSHOT_DELETE', domain, snapshot, flags, options);
  }

  lookupPool(name: string, options?: CallOptions): Promise<PoolRef> {
    return this.#call('STORAGE_POOL_LOOKUP_BY_NAME', new XdrWriter().string(name), readNamed, options);
  }

  poolInfo(pool: PoolRef, options?: CallOptions): Promise<PoolInfo> {
    const args = new XdrWriter();
    writeNamed(args, pool);
    return this.#call('STORAGE_POOL_GET_INFO', args, readPoolInfo, options);
  }

  /** Makes a volume in a pool from its XML. */
  createVolume(pool: PoolRef, xml: string, flags = 0, options?: CallOptions): Promise<VolumeRef> {
    const args = new XdrWriter();
    writeNamed(args, pool);
    args.string(xml).u32(flags);
    return this.#call('STORAGE_VOL_CREATE_XML', args, readVolume, options);
  }

  /** Makes a volume in a pool as a copy of another (`virStorageVolCreateXMLFrom`). */
  cloneVolume(
    pool: PoolRef,
    xml: string,
    source: VolumeRef,
    flags = 0,
    options?: CallOptions,
  ): Promise<VolumeRef> {
    const args = new XdrWriter();
    writeNamed(args, pool);
    args.string(xml);
    writeVolume(args, source);
    args.u32(flags);
    return this.#call('STORAGE_VOL_CREATE_XML_FROM', args, readVolume, options);
  }

  lookupVolume(pool: PoolRef, name: string, options?: CallOptions): Promise<VolumeRef> {
    const args = new XdrWriter();
    writeNamed(args, pool);
    args.string(name);
    return this.#call('STORAGE_VOL_LOOKUP_BY_NAME', args, readVolume, options);
  }

  /** A volume's type (`virStorageVolType`), capacity and allocation in bytes. */
  volumeInfo(
    volume: VolumeRef,
    options?: CallOptions,
  ): Promise<{ type: number; capacity: number; allocation: number }> {
    const args = new XdrWriter();
    writeVolume(args, volume);
    return this.#call(
      'STORAGE_VOL_GET_INFO',
      args,
      (r) => ({ type: r.i32(), capacity: r.u64Number(), allocation: r.u64Number() }),
      options,
    );
  }

  volumePath(volume: VolumeRef, options?: CallOptions): Promise<string> {
    const args = new XdrWriter();
    writeVolume(args, volume);
    return this.#call('STORAGE_VOL_GET_PATH', args, (r) => r.string(), options);
  }

  /** Overwrites a volume's data (`virStorageVolWipe`, R-SEC-6). */
  wipeVolume(volume: VolumeRef, options?: CallOptions): Promise<void> {
    const args = new XdrWriter();
    writeVolume(args, volume);
    args.u32(0);
    return this.#call('STORAGE_VOL_WIPE', args, none, options);
  }

  deleteVolume(volume: VolumeRef, options?: CallOptions): Promise<void> {
    const args = new XdrWriter();
    writeVolume(args, volume);
    args.u32(0);
    return this.#call('STORAGE_VOL_DELETE', args, none, options);
  }

  lookupNetwork(name: string, options?: CallOptions): Promise<NetworkRef> {
    return this.#call('NETWORK_LOOKUP_BY_NAME', new XdrWriter().string(name), readNamed, options);
  }

  /** Defines (or redefines) a persistent virtual network from its XML; it stays inactive until started. */
  defineNetwork(xml: string, options?: CallOptions): Promise<NetworkRef> {
    return this.#call('NETWORK_DEFINE_XML', new XdrWriter().string(xml), readNamed, options);
  }

  /** Starts a defined network (`virNetworkCreate`): its bridge comes up. */
  startNetwork(network: NetworkRef, options?: CallOptions): Promise<void> {
    return this.#networkCall('NETWORK_CREATE', network, () => undefined, none, options);
  }

  /** Stops an active network; a persistent one stays defined. */
  destroyNetwork(network: NetworkRef, options?: CallOptions): Promise<void> {
    return this.#networkCall('NETWORK_DESTROY', network, () => undefined, none, options);
  }

  undefineNetwork(network: NetworkRef, options?: CallOptions): Promise<void> {
    return this.#networkCall('NETWORK_UNDEFINE', network, () => undefined, none, options);
  }

  networkXml(network: NetworkRef, flags = 0, options?: CallOptions): Promise<string> {
    return this.#networkCall(
      'NETWORK_GET_XML_DESC',
      network,
      (w) => w.u32(flags),
      (r) => r.string(),
      options,
    );
  }

  /** The host bridge an active network's guests plug into. */
  networkBridge(network: NetworkRef, options?: CallOptions): Promise<string> {
    return this.#networkCall(
      'NETWORK_GET_BRIDGE_NAME',
      network,
      () => undefined,
      (r) => r.string(),
      options,
    );
  }

  networkIsActive(network: NetworkRef, options?: CallOptions): Promise<boolean> {
    return this.#networkCall(
      'NETWORK_IS_ACTIVE',
      network,
      () => undefined,
      (r) => r.i32() !== 0,
      options,
    );
  }

  #networkCall<T>(
    name: RemoteProcedure,
    network: NetworkRef,
    extra: (w: XdrWriter) => void,
    decode: (r: XdrReader) => T,
    options?: CallOptions,
  ): Promise<T> {
    const args = new XdrWriter();
    writeNamed(args, network);
    extra(args);
    return this.#call(name, args, decode, options);
  }

  /**
   * Writes `source` into a volume from byte `offset` (`virStorageVolUpload`), streamed in 256 KiB
   * packets at the pace the daemon's disk takes them; resolves with the bytes written once the daemon
   * confirms they landed. `length` (0: no limit) makes the daemon refuse more than that. An abort of
   * `signal`, or a failing `source`, aborts the stream on the daemon and leaves the connection usable.
   */
  async uploadVolume(
    volume: VolumeRef,
    source: AsyncIterable<Uint8Array>,
    range: { readonly offset?: number; readonly length?: number } = {},
    options: CallOptions = {},
  ): Promise<number> {
    const stream = await this.#openVolumeStream('STORAGE_VOL_UPLOAD', volume, range, options);
    return pumpUpload(stream, source, options.signal);
  }

  /**
   * Reads a volume from byte `offset` (`virStorageVolDownload`; `length` 0: to its end) as a Node
   * stream. A slow reader pauses the connection rather than buffering without bound; destroying the
   * reader early aborts the download on the daemon.
   */
  async downloadVolume(
    volume: VolumeRef,
    range: { readonly offset?: number; readonly length?: number } = {},
    options: CallOptions = {},
  ): Promise<Readable> {
    const stream = await this.#openVolumeStream('STORAGE_VOL_DOWNLOAD', volume, range, options);
    const reader = stream.readable();
    options.signal?.addEventListener('abort', () => reader.destroy(streamCancelled('download')), {
      once: true,
    });
    return reader;
  }

  async #openVolumeStream(
    name: RemoteProcedure,
    volume: VolumeRef,
    range: { readonly offset?: number; readonly length?: number },
    options: CallOptions,
  ): Promise<RpcStream> {
    const { offset, length } = parseInput(ByteRange, range, 'volume byte range');
    const args = new XdrWriter();
    writeVolume(args, volume);
    args.u64(offset).u64(length).u32(0);
    const connection = await this.#ready();
    return connection.openStream(PROCEDURES[name], args.finish(), options);
  }

  /** Aborts the domain's running job (a migration, a save, a dump); the job's own call then fails. */
  abortJob(domain: DomainRef, options?: CallOptions): Promise<void> {
    return this.#domainCall('DOMAIN_ABORT_JOB', domain, () => undefined, none, options);
  }

  /**
   * Live or cold migration driven by the source daemon (`VIR_MIGRATE_PEER2PEER`): one
   * `virDomainMigratePerform3Params` call with the destination's URI; the daemons run the v3 flow
   * (begin, prepare, perform, finish, confirm) between themselves.
   */
  migratePeerToPeer(
    domain: DomainRef,
    destinationUri: string,
    params: ReadonlyMap<string, TypedParamValue>,
    flags: number,
    options?: CallOptions,
  ): Promise<void> {
    const args = new XdrWriter();
    writeDomain(args, domain);
    args.optional(destinationUri, (w, uri) => w.string(uri));
    args.array([...params], (w, [field, value]) => writeTypedParam(w, field, value));
    args.opaque(new Uint8Array(0)).u32(flags);
    return this.#call(
      'DOMAIN_MIGRATE_PERFORM3_PARAMS',
      args,
      (r) => {
        r.opaque();
      },
      options,
    );
  }

  /**
   * Stats of many domains in one call (`virConnectGetAllDomainStats`): `stats` is a mask of
   * `virDomainStatsTypes` (0 = all the driver has), `flags` selects domains (0 = all).
   */
  allDomainStats(
    stats = 0,
    flags = 0,
    options?: CallOptions,
  ): Promise<Array<{ domain: DomainRef; params: Map<string, TypedParamValue> }>> {
    const args = new XdrWriter()
      .array([] as DomainRef[], writeDomain)
      .u32(stats)
      .u32(flags);
    return this.#call(
      'CONNECT_GET_ALL_DOMAIN_STATS',
      args,
      (r) =>
        r.array((record) => ({ domain: readDomain(record), params: new Map(record.array(readTypedParam)) })),
      options,
    );
  }

  /**
   * Hears lifecycle events of every domain (defined, started, stopped, ...); returns the function that
   * stops listening. The registration survives reconnects.
   */
  async onLifecycleEvent(listener: (event: DomainLifecycleEvent) => void): Promise<() => void> {
    const first = this.#lifecycleListeners.size === 0;
    this.#lifecycleListeners.add(listener);
    if (first) await this.#registerLifecycle(await this.#ready());
    return () => this.#lifecycleListeners.delete(listener);
  }

  async #registerLifecycle(connection: RpcConnection): Promise<void> {
    const args = new XdrWriter().i32(EVENT_ID_LIFECYCLE).u32(0);
    await connection.call(PROCEDURES.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, args.finish(), (r) =>
      r.i32(),
    );
  }

  #onEvent(proc: number, body: Buffer): void {
    if (proc !== procedureNumber('DOMAIN_EVENT_CALLBACK_LIFECYCLE')) return;
    try {
      const { event } = readLifecycleMessage(new XdrReader(body));
      for (const listener of this.#lifecycleListeners) listener(event);
    } catch {
      // A malformed event is dropped: it answers no call, and the stream itself is still sound.
    }
  }

  /** Closes the hypervisor connection politely, then the stream. */
  async close(): Promise<void> {
    this.#closed = true;
    const connection = this.#connection;
    this.#connection = undefined;
    if (!connection?.open) return;
    try {
      await connection.call(PROCEDURES.CONNECT_CLOSE, undefined, none, { timeoutMs: 5000 });
    } catch {
      // The daemon may already be gone; the stream is closed either way.
    }
    connection.close();
  }
}
