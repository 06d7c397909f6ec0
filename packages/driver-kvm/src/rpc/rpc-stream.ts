import { Readable } from 'node:stream';
import { EcloudError } from '@ecloud/core';
import { XdrReader } from '../xdr/xdr-reader.js';
import { MessageStatus } from './protocol.js';
import { libvirtFailure, readLibvirtError } from './remote-error.js';

/**
 * Bytes of data per STREAM packet: libvirt's own client and daemon send at most
 * `VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX` (256 KiB) per packet, and older daemons accept no more.
 * @internal
 */
export const STREAM_CHUNK_BYTES = 256 * 1024;

/** What a stream needs of its connection: its packets out, backpressure both ways, its end. @internal */
export interface StreamChannel {
  /** Writes one STREAM packet with the stream's procedure and serial; false when the socket is full. */
  send(status: number, body?: Uint8Array): boolean;
  /** Resolves once the socket takes writes again (or the connection has failed). */
  drained(): Promise<void>;
  /** Stops reading the socket while a download's reader is full, so the daemon waits for us. */
  pause(): void;
  resume(): void;
  /** Forgets the stream: it will receive no more packets. */
  release(): void;
}

type StreamState = 'open' | 'finishing' | 'aborting' | 'done';

/**
 * One libvirt data stream (`virStream`) on an RPC connection, after the call that opened it has
 * answered OK. Data goes as STREAM packets carrying the call's procedure and serial with status
 * CONTINUE; either side ends it with an empty OK, which the daemon confirms with an empty OK; the
 * client aborts it with an empty ERROR. A failure on the daemon's side arrives as an ERROR (REPLY or
 * STREAM) on the same serial.
 * @internal
 */
export class RpcStream {
  readonly #channel: StreamChannel;
  readonly #name: string;
  #state: StreamState = 'open';
  #failure: EcloudError | undefined;
  #confirm: { resolve: () => void; reject: (error: EcloudError) => void } | undefined;
  #incoming: Readable | undefined;
  #paused = false;
  #interrupt: () => void = () => undefined;
  /** Settles when the stream fails or is cancelled: a write waiting for the socket stops waiting. */
  readonly #interrupted = new Promise<void>((resolve) => {
    this.#interrupt = resolve;
  });

  constructor(channel: StreamChannel, name: string) {
    this.#channel = channel;
    this.#name = name;
  }

  /**
   * Sends data, in packets of at most {@link STREAM_CHUNK_BYTES}, waiting whenever the socket is full
   * (the daemon stops reading while its disk is slower than the line).
   */
  async write(data: Uint8Array): Promise<void> {
    for (let offset = 0; offset < data.length; offset += STREAM_CHUNK_BYTES) {
      this.#mustBeOpen();
      const chunk = data.subarray(offset, offset + STREAM_CHUNK_BYTES);
      if (!this.#channel.send(MessageStatus.CONTINUE, chunk)) {
        await Promise.race([this.#channel.drained(), this.#interrupted]);
      }
    }
    this.#mustBeOpen();
  }

  /** Ends the data and resolves once the daemon confirms that all of it landed. */
  async finish(): Promise<void> {
    this.#mustBeOpen();
    await this.#end('finishing', MessageStatus.OK);
  }

  /**
   * Stops the stream from our side: waiting writes and a waiting finish fail with `error`, a reader is
   * destroyed with it, and the daemon is told to drop the stream (its confirmation is not awaited).
   */
  cancel(error: EcloudError): void {
    if (this.#state === 'done' || this.#failure) return;
    this.#failure = error;
    this.#interrupt();
    this.#confirm?.reject(error);
    this.#confirm = undefined;
    if (this.#incoming && !this.#incoming.destroyed) this.#incoming.destroy(error);
    if (this.#state !== 'aborting') void this.#end('aborting', MessageStatus.ERROR).catch(() => undefined);
  }

  /**
   * The data the daemon sends, as a Node stream that ends once the daemon confirms the end. Reading
   * slower than the daemon sends pauses the connection (and every call on it) until the reader drains.
   * Destroying the reader early cancels the stream on the daemon.
   */
  readable(): Readable {
    this.#incoming ??= new Readable({
      highWaterMark: STREAM_CHUNK_BYTES * 4,
      read: () => this.#unpause(),
      destroy: (error, callback) => {
        this.#unpause();
        this.cancel(
          error instanceof EcloudError
            ? error
            : new EcloudError('CANCELLED', `The reader of ${this.#name} stopped early.`, {
                details: { procedure: this.#name },
              }),
        );
        callback(error);
      },
    });
    return this.#incoming;
  }

  /** A packet for this stream: data, its end, the daemon's confirmation, or an error. */
  receive(status: number, body: Buffer): void {
    if (status === MessageStatus.ERROR) {
      this.fail(this.#daemonError(body));
    } else if (status === MessageStatus.CONTINUE && body.length > 0) {
      if (this.#state === 'open') this.#push(body);
    } else if (this.#state === 'open') {
      // The daemon's end of data — an empty packet, CONTINUE after a read hit the end of the volume,
      // OK on a hang-up: we answer with our own end, and it confirms that too.
      void this.#end('finishing', MessageStatus.OK).then(
        () => this.#incoming?.push(null),
        () => undefined,
      );
    } else {
      const confirm = this.#confirm;
      this.#done();
      confirm?.resolve();
    }
  }

  /** Ends the stream with the daemon's or the connection's error: writers and readers see it. */
  fail(error: EcloudError): void {
    if (this.#state === 'done') return;
    const confirm = this.#confirm;
    const aborting = this.#state === 'aborting';
    this.#failure ??= error;
    this.#done();
    this.#interrupt();
    if (aborting) confirm?.resolve();
    else confirm?.reject(error);
    if (this.#incoming && !this.#incoming.destroyed) this.#incoming.destroy(error);
  }

  #end(state: StreamState, status: number): Promise<void> {
    this.#state = state;
    return new Promise<void>((resolve, reject) => {
      this.#confirm = { resolve, reject };
      this.#channel.send(status);
    });
  }

  #push(body: Buffer): void {
    const reader = this.readable();
    if (!reader.push(body) && !this.#paused) {
      this.#paused = true;
      this.#channel.pause();
    }
  }

  #unpause(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#channel.resume();
  }

  #done(): void {
    this.#state = 'done';
    this.#confirm = undefined;
    this.#unpause();
    this.#channel.release();
  }

  #mustBeOpen(): void {
    if (this.#failure) throw this.#failure;
    if (this.#state !== 'open') {
      throw new EcloudError('ILLEGAL_STATE', `The libvirt stream of ${this.#name} has ended.`, {
        details: { procedure: this.#name },
      });
    }
  }

  #daemonError(body: Buffer): EcloudError {
    try {
      return libvirtFailure(readLibvirtError(new XdrReader(body)), this.#name);
    } catch (error) {
      if (error instanceof EcloudError) return error;
      throw error;
    }
  }
}
