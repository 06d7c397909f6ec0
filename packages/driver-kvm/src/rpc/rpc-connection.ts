import type { Duplex } from 'node:stream';
import { EcloudError } from '@ecloud/core';
import { XdrReader } from '../xdr/xdr-reader.js';
import { FrameDecoder } from './frame-decoder.js';
import { decodePacket, encodePacket, type Packet, type PacketHeader } from './packet.js';
import {
  KEEPALIVE_PROC_PING,
  KEEPALIVE_PROC_PONG,
  KEEPALIVE_PROGRAM,
  KEEPALIVE_PROTOCOL_VERSION,
  MessageStatus,
  MessageType,
  REMOTE_PROGRAM,
} from './protocol.js';
import { libvirtFailure, readLibvirtError } from './remote-error.js';
import { RpcStream } from './rpc-stream.js';

/** Which program and procedure a call goes to, and its name for errors. @internal */
export interface ProcedureRef {
  readonly program: number;
  readonly version: number;
  readonly proc: number;
  readonly name: string;
}

/** Per-call options: an AbortSignal and a deadline. @public */
export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Milliseconds to wait for the reply (default: the connection's). */
  readonly timeoutMs?: number;
}

/** Options of an RPC connection. @internal */
export interface RpcConnectionOptions {
  /** Default deadline of a call, in milliseconds (default 60 s). */
  readonly timeoutMs?: number;
  /**
   * Keepalive (libvirt's own program): a PING every `intervalMs` while the line is quiet, and the
   * connection declared dead after `count` intervals without a byte from the daemon. Default 5 s × 5,
   * libvirtd's own defaults. `false` turns our PINGs off (the daemon's are always answered).
   */
  readonly keepalive?: { readonly intervalMs: number; readonly count: number } | false;
}

interface Pending {
  readonly ref: ProcedureRef;
  readonly decode: (reader: XdrReader) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly cleanup: () => void;
}

/** A MESSAGE packet of the REMOTE program: a server-sent event. @internal */
export type EventListener = (proc: number, body: Buffer) => void;

/**
 * One libvirt RPC connection over any byte stream (unix socket, TCP, TLS, an SSH channel): serials,
 * calls in flight together matched to their replies by serial, ERROR replies turned into typed errors,
 * server events, keepalive, deadlines and AbortSignals. When the stream ends every call still waiting
 * fails with `DRIVER_UNAVAILABLE` (retryable): what happened to it on the daemon is unknown.
 * @internal
 */
export class RpcConnection {
  readonly #stream: Duplex;
  readonly #decoder = new FrameDecoder();
  readonly #pending = new Map<number, Pending>();
  readonly #streams = new Map<number, RpcStream>();
  readonly #listeners = new Set<EventListener>();
  readonly #closeListeners = new Set<(error: EcloudError) => void>();
  readonly #timeoutMs: number;
  #serial = 0;
  #closed: EcloudError | undefined;
  #lastHeard = Date.now();
  #keepalive: NodeJS.Timeout | undefined;
  #paused = 0;

  constructor(stream: Duplex, options: RpcConnectionOptions = {}) {
    this.#stream = stream;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    stream.on('data', (chunk: Buffer) => this.#receive(chunk));
    stream.on('error', (error: Error) => this.#fail(unavailable(`the connection failed: ${error.message}`)));
    stream.on('close', () => this.#fail(unavailable('the connection closed')));
    // A peer that ends its side without closing would otherwise leave calls waiting for their deadline.
    stream.on('end', () => this.#fail(unavailable('the daemon ended the connection')));
    const keepalive = options.keepalive ?? { intervalMs: 5000, count: 5 };
    if (keepalive !== false) this.#startKeepalive(keepalive.intervalMs, keepalive.count);
  }

  /** Whether the connection still carries calls. */
  get open(): boolean {
    return this.#closed === undefined;
  }

  /** Calls waiting for their reply. */
  get inFlight(): number {
    return this.#pending.size;
  }

  /** Hears every event the daemon sends; returns the function that stops it. */
  onEvent(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Hears the end of the connection, with why it ended. */
  onClose(listener: (error: EcloudError) => void): () => void {
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  /**
   * Sends one call and resolves with its decoded reply; the decoder must read the whole body. Rejects
   * with the daemon's error mapped to our code, `TIMEOUT`, `CANCELLED`, or `DRIVER_UNAVAILABLE`.
   */
  call<T>(
    ref: ProcedureRef,
    args: Uint8Array | undefined,
    decode: (reader: XdrReader) => T,
    options: CallOptions = {},
  ): Promise<T> {
    return this.#send(this.#nextSerial(), ref, args, decode, options);
  }

  /**
   * Makes a call that opens a data stream (volume upload or download, ...) and resolves with the
   * stream once the daemon has answered OK. The stream is registered before the call goes out: the
   * daemon may send data right behind its reply.
   */
  async openStream(
    ref: ProcedureRef,
    args: Uint8Array | undefined,
    options: CallOptions = {},
  ): Promise<RpcStream> {
    const serial = this.#nextSerial();
    const stream = new RpcStream(this.#streamChannel(ref, serial), ref.name);
    this.#streams.set(serial, stream);
    try {
      await this.#send(serial, ref, args, () => undefined, options);
    } catch (error) {
      this.#streams.delete(serial);
      throw error;
    }
    return stream;
  }

  #nextSerial(): number {
    this.#serial = (this.#serial + 1) >>> 0 || 1;
    return this.#serial;
  }

  #send<T>(
    serial: number,
    ref: ProcedureRef,
    args: Uint8Array | undefined,
    decode: (reader: XdrReader) => T,
    options: CallOptions,
  ): Promise<T> {
    if (this.#closed) return Promise.reject(this.#closed);
    if (options.signal?.aborted) return Promise.reject(cancelled(ref));
    return new Promise<T>((resolve, reject) => {
      const timeoutMs = Math.min(options.timeoutMs ?? this.#timeoutMs, MAX_TIMER_MS);
      const timer = setTimeout(() => this.#settle(serial, timedOut(ref, timeoutMs)), timeoutMs);
      const onAbort = () => this.#settle(serial, cancelled(ref));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(serial, {
        ref,
        decode,
        resolve: resolve as (value: unknown) => void,
        reject,
        cleanup: () => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
        },
      });
      this.#stream.write(encodePacket(header(ref, MessageType.CALL, serial, MessageStatus.OK), args));
    });
  }

  #streamChannel(ref: ProcedureRef, serial: number) {
    return {
      send: (status: number, body?: Uint8Array) =>
        this.#closed === undefined &&
        this.#stream.write(encodePacket(header(ref, MessageType.STREAM, serial, status), body)),
      drained: () =>
        new Promise<void>((resolve) => {
          if (this.#closed || !this.#stream.writableNeedDrain) return resolve();
          const done = () => {
            this.#stream.off('drain', done);
            this.#stream.off('close', done);
            resolve();
          };
          this.#stream.on('drain', done);
          this.#stream.on('close', done);
        }),
      pause: () => {
        if (this.#paused++ === 0) this.#stream.pause();
      },
      resume: () => {
        if (--this.#paused === 0) this.#stream.resume();
      },
      release: () => {
        this.#streams.delete(serial);
      },
    };
  }

  /** Ends the connection; calls still waiting fail. */
  close(): void {
    this.#fail(unavailable('the connection was closed by the client'));
  }

  #settle(serial: number, outcome: { error: unknown } | EcloudError | { value: unknown }): void {
    const pending = this.#pending.get(serial);
    if (!pending) return;
    this.#pending.delete(serial);
    pending.cleanup();
    if (outcome instanceof EcloudError) pending.reject(outcome);
    else if ('error' in outcome) pending.reject(outcome.error);
    else pending.resolve(outcome.value);
  }

  #receive(chunk: Buffer): void {
    this.#lastHeard = Date.now();
    let packets: Buffer[];
    try {
      packets = this.#decoder.push(chunk);
    } catch (error) {
      this.#fail(error as EcloudError);
      return;
    }
    for (const raw of packets) {
      try {
        this.#dispatch(decodePacket(raw));
      } catch (error) {
        // Only an EcloudError may reach #fail: #settle would resolve calls with anything else.
        this.#fail(
          error instanceof EcloudError
            ? error
            : new EcloudError('DRIVER_FAILURE', `libvirt: handling a message failed: ${String(error)}.`, {
                cause: error,
              }),
        );
        return;
      }
    }
  }

  #dispatch(packet: Packet): void {
    const { header } = packet;
    if (header.prog === KEEPALIVE_PROGRAM) {
      if (header.proc === KEEPALIVE_PROC_PING) this.#sendKeepalive(KEEPALIVE_PROC_PONG);
      return;
    }
    if (header.type === MessageType.MESSAGE) {
      // Only the REMOTE program's events are ours to hear; a listener that throws loses its own event,
      // not the connection every call shares.
      if (header.prog !== REMOTE_PROGRAM) return;
      for (const listener of this.#listeners) {
        try {
          listener(header.proc, packet.body);
        } catch {
          // Deliberately isolated: see above.
        }
      }
      return;
    }
    if (header.type === MessageType.STREAM) {
      this.#streams.get(header.serial)?.receive(header.status, packet.body);
      return;
    }
    if (header.type !== MessageType.REPLY) return;
    const pending = this.#pending.get(header.serial);
    if (pending) {
      this.#settle(header.serial, this.#outcome(pending, header.status, packet.body));
      return;
    }
    // After the reply that opened it, a stream's failure comes as an ERROR reply on its serial; any
    // other stray reply answers a call that timed out or was cancelled: the caller has moved on.
    if (header.status === MessageStatus.ERROR)
      this.#streams.get(header.serial)?.receive(header.status, packet.body);
  }

  #outcome(pending: Pending, status: number, body: Buffer): { error: unknown } | { value: unknown } {
    try {
      const reader = new XdrReader(body);
      if (status === MessageStatus.ERROR)
        return { error: libvirtFailure(readLibvirtError(reader), pending.ref.name) };
      const value = pending.decode(reader);
      reader.end();
      return { value };
    } catch (error) {
      return { error };
    }
  }

  #sendKeepalive(proc: number): void {
    if (this.#closed) return;
    const ref = { program: KEEPALIVE_PROGRAM, version: KEEPALIVE_PROTOCOL_VERSION, proc };
    this.#stream.write(encodePacket(header(ref, MessageType.MESSAGE, 0, MessageStatus.OK)));
  }

  #startKeepalive(intervalMs: number, count: number): void {
    this.#keepalive = setInterval(() => {
      // While a download's reader is full we read nothing on purpose: that is not the daemon's silence.
      if (this.#paused > 0) this.#lastHeard = Date.now();
      const quiet = Date.now() - this.#lastHeard;
      if (quiet >= intervalMs * count) {
        this.#fail(unavailable(`the daemon has been silent for ${quiet} ms (keepalive)`));
      } else if (quiet >= intervalMs) {
        this.#sendKeepalive(KEEPALIVE_PROC_PING);
      }
    }, intervalMs);
    // A keepalive never holds a process open on its own.
    this.#keepalive.unref();
  }

  #fail(error: EcloudError): void {
    if (this.#closed) return;
    this.#closed = error;
    clearInterval(this.#keepalive);
    for (const serial of [...this.#pending.keys()]) this.#settle(serial, error);
    for (const stream of [...this.#streams.values()]) stream.fail(error);
    this.#stream.destroy();
    for (const listener of this.#closeListeners) listener(error);
  }
}

function header(
  ref: Pick<ProcedureRef, 'program' | 'version' | 'proc'>,
  type: number,
  serial: number,
  status: number,
): PacketHeader {
  return { prog: ref.program, vers: ref.version, proc: ref.proc, type, serial, status };
}

/** Node's timers hold 32-bit milliseconds; a longer deadline would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function unavailable(message: string): EcloudError {
  return new EcloudError('DRIVER_UNAVAILABLE', `libvirt: ${message}.`, { details: { reason: message } });
}

function timedOut(ref: ProcedureRef, timeoutMs: number): EcloudError {
  return new EcloudError('TIMEOUT', `libvirt ${ref.name} did not answer within ${timeoutMs} ms.`, {
    details: { procedure: ref.name, timeoutMs },
  });
}

function cancelled(ref: ProcedureRef): EcloudError {
  return new EcloudError('CANCELLED', `libvirt ${ref.name} was cancelled.`, {
    details: { procedure: ref.name },
  });
}
