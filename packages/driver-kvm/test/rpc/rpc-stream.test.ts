import { randomBytes } from 'node:crypto';
import { EcloudError } from '@ecloud/core';
import { afterEach, describe, expect, it } from 'vitest';
import { pumpUpload } from '../../src/libvirt/volume-upload.js';
import { encodePacket, type Packet } from '../../src/rpc/packet.js';
import { PROCEDURES } from '../../src/rpc/procedures.js';
import { MessageStatus, MessageType } from '../../src/rpc/protocol.js';
import { STREAM_CHUNK_BYTES } from '../../src/rpc/rpc-stream.js';
import { expectRejectsEcloud } from '../helpers/errors.js';
import { connectToFakeDaemon, FakeDaemon, remoteErrorBody } from '../helpers/fake-daemon.js';

const UPLOAD = PROCEDURES.STORAGE_VOL_UPLOAD;
const DOWNLOAD = PROCEDURES.STORAGE_VOL_DOWNLOAD;
const GET_VERSION = PROCEDURES.CONNECT_GET_VERSION;
const isStream = (p: Packet) => p.header.type === MessageType.STREAM;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function setup() {
  const pair = await connectToFakeDaemon();
  cleanups.push(() => {
    pair.connection.close();
    pair.daemon.destroy();
  });
  return pair;
}

/** A STREAM packet from the daemon on the call's procedure and serial. */
function streamPacket(call: Packet, status: number, body?: Uint8Array): Buffer {
  return encodePacket({ ...call.header, type: MessageType.STREAM, status }, body);
}

/** Opens a stream on `procedure` and answers the opening call OK, as libvirtd does. */
async function opened(procedure = UPLOAD) {
  const pair = await setup();
  const pending = pair.connection.openStream(procedure, undefined);
  const call = await pair.daemon.nextCall();
  pair.daemon.reply(call);
  return { ...pair, call, stream: await pending };
}

/** Stream packets the daemon receives until one with `status` arrives (that one included). */
async function streamPacketsUntil(daemon: FakeDaemon, status: number): Promise<Packet[]> {
  const packets: Packet[] = [];
  for (;;) {
    const packet = await daemon.next(isStream);
    packets.push(packet);
    if (packet.header.status === status) return packets;
  }
}

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

describe('RpcStream: upload', () => {
  it('sends data as CONTINUE packets of at most 256 KiB on the call’s serial, ends with OK and waits for the confirmation', async () => {
    const { daemon, call, stream } = await opened();
    const data = randomBytes(2 * STREAM_CHUNK_BYTES + 12_345);
    await stream.write(data);
    let finished = false;
    const finishing = stream.finish().then(() => {
      finished = true;
    });
    const packets = await streamPacketsUntil(daemon, MessageStatus.OK);
    const dataPackets = packets.filter((p) => p.header.status === MessageStatus.CONTINUE);
    expect(dataPackets.map((p) => p.body.length)).toEqual([STREAM_CHUNK_BYTES, STREAM_CHUNK_BYTES, 12_345]);
    for (const packet of packets) {
      expect(packet.header).toMatchObject({
        proc: UPLOAD.proc,
        serial: call.header.serial,
        prog: UPLOAD.program,
      });
    }
    expect(Buffer.concat(dataPackets.map((p) => p.body)).equals(data)).toBe(true);
    expect(packets.at(-1)?.body.length).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(finished).toBe(false);
    daemon.write(streamPacket(call, MessageStatus.OK));
    await finishing;
    expect(finished).toBe(true);
  });

  it('fails writes and the finish with the daemon’s error sent as a REPLY on the stream’s serial, and the connection carries on', async () => {
    const { connection, daemon, call, stream } = await opened();
    await stream.write(Buffer.alloc(10));
    daemon.replyError(call, remoteErrorBody({ code: 38, message: 'cannot write: No space left on device' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const error = await expectRejectsEcloud(stream.write(Buffer.alloc(10)), 'DRIVER_FAILURE');
    expect(error.message).toContain('No space left');
    await expectRejectsEcloud(stream.finish(), 'DRIVER_FAILURE');

    const version = connection.call(GET_VERSION, undefined, (r) => r.u64Number());
    daemon.reply(await daemon.nextCall(), Buffer.from([0, 0, 0, 0, 0, 0, 0, 7]));
    expect(await version).toBe(7);
  });

  it('pumpUpload aborts the stream on the daemon when the source fails, and says whose failure it was', async () => {
    const { daemon, stream } = await opened();
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('first');
      throw new Error('disk image unreadable');
    }
    const error = await expectRejectsEcloud(pumpUpload(stream, failing(), undefined), 'INVALID_ARGUMENT');
    expect(error.message).toContain('disk image unreadable');
    const packets = await streamPacketsUntil(daemon, MessageStatus.ERROR);
    expect(packets.map((p) => p.header.status)).toEqual([MessageStatus.CONTINUE, MessageStatus.ERROR]);
    expect(packets[1]?.body.length).toBe(0);
  });

  it('pumpUpload refuses a source that yields something other than bytes', async () => {
    const { daemon, stream } = await opened();
    async function* strings(): AsyncGenerator<unknown> {
      yield 'not bytes';
    }
    await expectRejectsEcloud(
      pumpUpload(stream, strings() as AsyncIterable<Uint8Array>, undefined),
      'INVALID_ARGUMENT',
    );
    expect((await daemon.next(isStream)).header.status).toBe(MessageStatus.ERROR);
  });

  it('pumpUpload stops with CANCELLED when the signal aborts, and tells the daemon', async () => {
    const { daemon, stream } = await opened();
    const controller = new AbortController();
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        yield Buffer.alloc(1024);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    const pumping = pumpUpload(stream, endless(), controller.signal);
    await daemon.next(isStream);
    controller.abort();
    await expectRejectsEcloud(pumping, 'CANCELLED');
    const packets = await streamPacketsUntil(daemon, MessageStatus.ERROR);
    expect(packets.at(-1)?.body.length).toBe(0);
  });

  it('resolves with the byte count once the daemon confirms', async () => {
    const { daemon, call, stream } = await opened();
    const pumping = pumpUpload(stream, chunks(Buffer.alloc(100), Buffer.alloc(23)), undefined);
    await streamPacketsUntil(daemon, MessageStatus.OK);
    daemon.write(streamPacket(call, MessageStatus.OK));
    expect(await pumping).toBe(123);
  });
});

describe('RpcStream: download', () => {
  it('reads data sent right behind the reply, answers the daemon’s end with its own, and ends after the confirmation', async () => {
    const { connection, daemon } = await setup();
    const pending = connection.openStream(DOWNLOAD, undefined);
    const call = await daemon.nextCall();
    const parts = [randomBytes(1000), randomBytes(70_000)];
    // The reply and the first data in one chunk: the stream must already be listening.
    daemon.write(
      Buffer.concat([
        FakeDaemon.replyBytes(call.header),
        streamPacket(call, MessageStatus.CONTINUE, parts[0]),
        streamPacket(call, MessageStatus.CONTINUE, parts[1]),
        streamPacket(call, MessageStatus.OK),
      ]),
    );
    const reader = (await pending).readable();
    const received: Buffer[] = [];
    const ended = new Promise<void>((resolve, reject) => {
      reader.on('data', (chunk: Buffer) => received.push(chunk));
      reader.on('end', resolve);
      reader.on('error', reject);
    });
    const finish = await daemon.next(isStream);
    expect(finish.header).toMatchObject({
      status: MessageStatus.OK,
      serial: call.header.serial,
      proc: DOWNLOAD.proc,
    });
    let done = false;
    void ended.then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    daemon.write(streamPacket(call, MessageStatus.OK));
    await ended;
    expect(Buffer.concat(received).equals(Buffer.concat(parts))).toBe(true);
  });

  it('takes an empty CONTINUE packet as the end of data, as libvirtd sends when a read hits the end of the volume', async () => {
    const { daemon, call, stream } = await opened(DOWNLOAD);
    const reader = stream.readable();
    const received = (async () => {
      const parts: Buffer[] = [];
      for await (const part of reader) parts.push(part as Buffer);
      return Buffer.concat(parts);
    })();
    daemon.write(streamPacket(call, MessageStatus.CONTINUE, Buffer.from('abc')));
    daemon.write(streamPacket(call, MessageStatus.CONTINUE));
    expect((await daemon.next(isStream)).header.status).toBe(MessageStatus.OK);
    daemon.write(streamPacket(call, MessageStatus.OK));
    expect((await received).toString()).toBe('abc');
  });

  it('errors the reader with the daemon’s STREAM ERROR', async () => {
    const { daemon, call, stream } = await opened(DOWNLOAD);
    const reader = stream.readable();
    const failed = new Promise<unknown>((resolve) => reader.on('error', resolve));
    reader.resume();
    daemon.write(
      streamPacket(call, MessageStatus.ERROR, remoteErrorBody({ code: 38, message: 'read failed' })),
    );
    const error = await failed;
    expect(error).toBeInstanceOf(EcloudError);
    expect((error as EcloudError).code).toBe('DRIVER_FAILURE');
  });

  it('tells the daemon to drop the stream when the reader is destroyed early', async () => {
    const { daemon, call, stream } = await opened(DOWNLOAD);
    daemon.write(streamPacket(call, MessageStatus.CONTINUE, Buffer.alloc(10)));
    stream.readable().destroy();
    const abort = await daemon.next(isStream);
    expect(abort.header).toMatchObject({ status: MessageStatus.ERROR, serial: call.header.serial });
    expect(abort.body.length).toBe(0);
  });

  it('errors the reader and fails writes with DRIVER_UNAVAILABLE when the connection drops', async () => {
    const { daemon, stream } = await opened(DOWNLOAD);
    const reader = stream.readable();
    const failed = new Promise<unknown>((resolve) => reader.on('error', resolve));
    daemon.destroy();
    expect((await failed) as EcloudError).toMatchObject({ code: 'DRIVER_UNAVAILABLE' });
    await expectRejectsEcloud(stream.write(Buffer.alloc(1)), 'DRIVER_UNAVAILABLE');
  });

  it('fails the opening call like any call, and registers no stream', async () => {
    const { connection, daemon } = await setup();
    const pending = connection.openStream(DOWNLOAD, undefined);
    daemon.replyError(await daemon.nextCall(), remoteErrorBody({ code: 50, message: 'no storage vol' }));
    await expectRejectsEcloud(pending, 'NOT_FOUND');
  });
});
