import { randomUUID } from 'node:crypto';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FrameDecoder } from '../../src/rpc/frame-decoder.js';
import { decodePacket, encodePacket, type Packet, type PacketHeader } from '../../src/rpc/packet.js';
import {
  KEEPALIVE_PROC_PING,
  KEEPALIVE_PROC_PONG,
  KEEPALIVE_PROGRAM,
  KEEPALIVE_PROTOCOL_VERSION,
  MessageStatus,
  MessageType,
  REMOTE_PROGRAM,
  REMOTE_PROTOCOL_VERSION,
} from '../../src/rpc/protocol.js';
import { RpcConnection, type RpcConnectionOptions } from '../../src/rpc/rpc-connection.js';
import { XdrWriter } from '../../src/xdr/xdr-writer.js';

interface Waiter {
  readonly match: (packet: Packet) => boolean;
  readonly resolve: (packet: Packet) => void;
}

/**
 * The daemon end of a real unix socket pair: decodes what the client sends with the client's own
 * framing, and lets a test script the replies byte for byte.
 */
export class FakeDaemon {
  readonly socket: Socket;
  /** Every packet received, in order, consumed or not. */
  readonly received: Packet[] = [];
  /** A framing error in what the client sent (a client bug), if any. */
  decodeError: unknown;
  /** Answer every keepalive PING with a PONG, as libvirtd does. */
  answerPings = false;
  readonly #decoder = new FrameDecoder();
  readonly #unclaimed: Packet[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #closed: Promise<void>;

  constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const raw of this.#decoder.push(chunk)) this.#deliver(decodePacket(Buffer.from(raw)));
      } catch (error) {
        this.decodeError = error;
      }
    });
    // The client may reset the socket while the test writes garbage: not the daemon's failure.
    socket.on('error', () => {});
    this.#closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  #deliver(packet: Packet): void {
    this.received.push(packet);
    const { prog, proc } = packet.header;
    if (this.answerPings && prog === KEEPALIVE_PROGRAM && proc === KEEPALIVE_PROC_PING) {
      this.sendKeepalive(KEEPALIVE_PROC_PONG);
    }
    const index = this.#waiters.findIndex((w) => w.match(packet));
    if (index === -1) {
      this.#unclaimed.push(packet);
      return;
    }
    const [waiter] = this.#waiters.splice(index, 1);
    waiter?.resolve(packet);
  }

  /** The next packet (received already or still to come) that `match` accepts; it is consumed. */
  next(match: (packet: Packet) => boolean = () => true, timeoutMs = 2000): Promise<Packet> {
    const index = this.#unclaimed.findIndex(match);
    if (index !== -1) return Promise.resolve(this.#unclaimed.splice(index, 1)[0] as Packet);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const at = this.#waiters.indexOf(waiter);
        if (at !== -1) this.#waiters.splice(at, 1);
        reject(new Error(`the fake daemon received no matching packet within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (packet) => {
          clearTimeout(timer);
          resolve(packet);
        },
      };
      this.#waiters.push(waiter);
    });
  }

  /** The next CALL packet. */
  nextCall(timeoutMs?: number): Promise<Packet> {
    return this.next((p) => p.header.type === MessageType.CALL, timeoutMs);
  }

  /** The next `count` CALL packets, in the order they arrived. */
  async calls(count: number): Promise<Packet[]> {
    const calls: Packet[] = [];
    for (let i = 0; i < count; i++) calls.push(await this.nextCall());
    return calls;
  }

  /** Packets received but not yet consumed by `next`. */
  get unclaimed(): readonly Packet[] {
    return this.#unclaimed;
  }

  /** The bytes of a reply to `call`: same program, procedure and serial, type REPLY. */
  static replyBytes(
    call: PacketHeader,
    body: Uint8Array = new Uint8Array(0),
    status: number = MessageStatus.OK,
  ): Buffer {
    return encodePacket({ ...call, type: MessageType.REPLY, status }, body);
  }

  reply(call: Packet, body?: Uint8Array, status?: number): void {
    this.write(FakeDaemon.replyBytes(call.header, body, status));
  }

  replyError(call: Packet, remoteError: Uint8Array): void {
    this.reply(call, remoteError, MessageStatus.ERROR);
  }

  /** A server event: a MESSAGE packet of the REMOTE program, serial 0. */
  sendEvent(proc: number, body: Uint8Array = new Uint8Array(0)): void {
    this.write(
      encodePacket(
        {
          prog: REMOTE_PROGRAM,
          vers: REMOTE_PROTOCOL_VERSION,
          proc,
          type: MessageType.MESSAGE,
          serial: 0,
          status: MessageStatus.OK,
        },
        body,
      ),
    );
  }

  sendKeepalive(proc: number = KEEPALIVE_PROC_PING): void {
    this.write(
      encodePacket({
        prog: KEEPALIVE_PROGRAM,
        vers: KEEPALIVE_PROTOCOL_VERSION,
        proc,
        type: MessageType.MESSAGE,
        serial: 0,
        status: MessageStatus.OK,
      }),
    );
  }

  /** Raw bytes, exactly as given. */
  write(bytes: Uint8Array): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  /** Ends the daemon's side (FIN), as a daemon that exits cleanly does. */
  end(): void {
    this.socket.end();
  }

  /** Resolves once the socket has closed on the daemon's side. */
  get closed(): Promise<void> {
    return this.#closed;
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** A client socket and the fake daemon at its other end, over a fresh unix socket in the temp dir. */
export async function socketPair(): Promise<{ client: Socket; daemon: FakeDaemon }> {
  const path = join(tmpdir(), `ecloud-fake-libvirtd-${process.pid}-${randomUUID()}.sock`);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  try {
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    const client = createConnection(path);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
    });
    const daemon = new FakeDaemon(await accepted);
    return { client, daemon };
  } finally {
    // Stops listening and removes the socket file; the accepted connection lives on. (close's callback
    // waits for every connection to end, so it is not awaited.)
    server.close();
  }
}

/** An RpcConnection (our keepalive off unless asked for) talking to a fresh fake daemon. */
export async function connectToFakeDaemon(
  options: RpcConnectionOptions = {},
): Promise<{ connection: RpcConnection; daemon: FakeDaemon; client: Socket }> {
  const { client, daemon } = await socketPair();
  const connection = new RpcConnection(client, { keepalive: false, ...options });
  return { connection, daemon, client };
}

/** The fields of libvirt's `remote_error`; what is left out gets a plausible default. */
export interface RemoteErrorFields {
  readonly code: number;
  readonly domain?: number;
  readonly message?: string | null;
  readonly level?: number;
  readonly dom?: { readonly name: string; readonly uuid: Uint8Array; readonly id: number } | null;
  readonly str1?: string | null;
  readonly str2?: string | null;
  readonly str3?: string | null;
  readonly int1?: number;
  readonly int2?: number;
  readonly net?: { readonly name: string; readonly uuid: Uint8Array } | null;
}

/**
 * A `remote_error` body as libvirtd writes it: int code, int domain, optional message, int level,
 * optional domain {name, uuid[16], id}, optional str1..str3, int int1, int int2, optional network
 * {name, uuid[16]}.
 */
export function remoteErrorBody(fields: RemoteErrorFields): Buffer {
  const str = (w: XdrWriter, value: string) => w.string(value);
  const writer = new XdrWriter()
    .i32(fields.code)
    .i32(fields.domain ?? 10)
    .optional(fields.message ?? null, str)
    .i32(fields.level ?? 2)
    .optional(fields.dom ?? null, (w, d) => w.string(d.name).fixedOpaque(d.uuid).i32(d.id))
    .optional(fields.str1 ?? null, str)
    .optional(fields.str2 ?? null, str)
    .optional(fields.str3 ?? null, str)
    .i32(fields.int1 ?? 0)
    .i32(fields.int2 ?? 0)
    .optional(fields.net ?? null, (w, n) => w.string(n.name).fixedOpaque(n.uuid));
  return Buffer.from(writer.finish());
}
