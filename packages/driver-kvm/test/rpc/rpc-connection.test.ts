import { EcloudError } from '@ecloud/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { encodePacket, type Packet } from '../../src/rpc/packet.js';
import { PROCEDURES } from '../../src/rpc/procedures.js';
import {
  KEEPALIVE_PROC_PING,
  KEEPALIVE_PROC_PONG,
  KEEPALIVE_PROGRAM,
  MessageStatus,
  MessageType,
  REMOTE_PROGRAM,
} from '../../src/rpc/protocol.js';
import type { RpcConnectionOptions } from '../../src/rpc/rpc-connection.js';
import type { XdrReader } from '../../src/xdr/xdr-reader.js';
import { XdrWriter } from '../../src/xdr/xdr-writer.js';
import { expectRejectsEcloud, rejectionOf } from '../helpers/errors.js';
import { connectToFakeDaemon, FakeDaemon, remoteErrorBody } from '../helpers/fake-daemon.js';

const GET_VERSION = PROCEDURES.CONNECT_GET_VERSION;
const LOOKUP = PROCEDURES.DOMAIN_LOOKUP_BY_NAME;
const readU32 = (r: XdrReader) => r.u32();
const u32 = (value: number) => Buffer.from(new XdrWriter().u32(value).finish());
const isKeepalive = (p: Packet) => p.header.prog === KEEPALIVE_PROGRAM;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function setup(options: RpcConnectionOptions = {}) {
  const pair = await connectToFakeDaemon(options);
  cleanups.push(() => {
    pair.connection.close();
    pair.daemon.destroy();
  });
  return pair;
}

/** Whether a promise has settled by the time the event loop has turned a few times. */
async function settledSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await sleep(20);
  return settled;
}

describe('RpcConnection: calls and replies', () => {
  it('frames a call with the program, version, procedure, a fresh serial and the arguments', async () => {
    const { connection, daemon } = await setup();
    const result = connection.call(LOOKUP, new XdrWriter().string('vm1').finish(), readU32);
    const call = await daemon.nextCall();
    expect(call.header).toEqual({
      prog: REMOTE_PROGRAM,
      vers: 1,
      proc: 23,
      type: MessageType.CALL,
      serial: 1,
      status: MessageStatus.OK,
    });
    expect(call.body.toString('hex')).toBe('00000003766d3100');
    daemon.reply(call, u32(7));
    expect(await result).toBe(7);
  });

  it('matches three overlapping calls to replies sent in reverse order, by serial', async () => {
    const { connection, daemon } = await setup();
    const results = [10, 20, 30].map((n) => connection.call(GET_VERSION, u32(n), readU32));
    expect(connection.inFlight).toBe(3);
    const calls = await daemon.calls(3);
    expect(calls.map((c) => c.header.serial)).toEqual([1, 2, 3]);
    expect(calls.map((c) => c.body.readUInt32BE(0))).toEqual([10, 20, 30]);

    const [first, second, third] = calls as [Packet, Packet, Packet];
    daemon.reply(third, u32(31));
    expect(await results[2]).toBe(31);
    expect(await settledSoon(results[0] as Promise<number>)).toBe(false);
    expect(connection.inFlight).toBe(2);
    daemon.reply(second, u32(21));
    daemon.reply(first, u32(11));
    expect(await Promise.all(results)).toEqual([11, 21, 31]);
    expect(connection.inFlight).toBe(0);
  });

  it('resolves calls answered in one chunk, and in chunks of one byte', async () => {
    const { connection, daemon } = await setup();
    const results = [1, 2].map(() => connection.call(GET_VERSION, undefined, readU32));
    const [a, b] = (await daemon.calls(2)) as [Packet, Packet];
    const bytes = Buffer.concat([
      FakeDaemon.replyBytes(b.header, u32(2)),
      FakeDaemon.replyBytes(a.header, u32(1)),
    ]);
    for (const byte of bytes) {
      daemon.write(Buffer.of(byte));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(results)).toEqual([1, 2]);
  });

  it('ignores a reply to a serial it never sent, and replies of the wrong type', async () => {
    const { connection, daemon } = await setup();
    const result = connection.call(GET_VERSION, undefined, readU32);
    const call = await daemon.nextCall();
    daemon.write(FakeDaemon.replyBytes({ ...call.header, serial: 99 }, u32(99)));
    daemon.write(encodePacket({ ...call.header, type: MessageType.CALL }, u32(98)));
    daemon.reply(call, u32(1));
    expect(await result).toBe(1);
    expect(connection.open).toBe(true);
  });
});

describe('RpcConnection: ERROR replies', () => {
  it('turns remote_error code 42 into NOT_FOUND with libvirt’s numbers and message', async () => {
    const { connection, daemon } = await setup();
    const result = connection.call(LOOKUP, new XdrWriter().string('vm9').finish(), readU32);
    const call = await daemon.nextCall();
    daemon.replyError(
      call,
      remoteErrorBody({
        code: 42,
        domain: 10,
        message: 'Domain not found',
        dom: { name: 'vm9', uuid: new Uint8Array(16).fill(1), id: -1 },
        str1: 'vm9',
        net: { name: 'default', uuid: new Uint8Array(16).fill(2) },
      }),
    );
    const error = await expectRejectsEcloud(result, 'NOT_FOUND');
    expect(error.message).toContain('Domain not found');
    expect(error.message).toContain('DOMAIN_LOOKUP_BY_NAME');
    expect(error.details).toMatchObject({
      libvirtCode: 42,
      libvirtDomain: 10,
      libvirtMessage: 'Domain not found',
      procedure: 'DOMAIN_LOOKUP_BY_NAME',
    });
    expect(error.retryable).toBe(false);
    expect(connection.open).toBe(true);
  });

  it('maps a code it does not know to DRIVER_FAILURE and copes with no message', async () => {
    const { connection, daemon } = await setup();
    const results = [
      connection.call(GET_VERSION, undefined, readU32),
      connection.call(GET_VERSION, undefined, readU32),
    ];
    const [a, b] = (await daemon.calls(2)) as [Packet, Packet];
    daemon.replyError(a, remoteErrorBody({ code: 1, message: 'internal error: oops' }));
    daemon.replyError(b, remoteErrorBody({ code: 9999, message: null }));
    const unmapped = await expectRejectsEcloud(results[0] as Promise<number>, 'DRIVER_FAILURE');
    expect(unmapped.details.libvirtCode).toBe(1);
    expect(unmapped.message).toContain('internal error: oops');
    const noMessage = await expectRejectsEcloud(results[1] as Promise<number>, 'DRIVER_FAILURE');
    expect(noMessage.details.libvirtCode).toBe(9999);
    expect(noMessage.message).toContain('libvirt error 9999');
  });

  it('maps other codes a caller can act on', async () => {
    const { connection, daemon } = await setup();
    const expected = [
      [28, 'ALREADY_EXISTS'],
      [55, 'ILLEGAL_STATE'],
      [68, 'TIMEOUT'],
      [38, 'DRIVER_FAILURE'], // VIR_ERR_OPERATION_FAILED: not mapped
    ] as const;
    const results = expected.map(() => connection.call(GET_VERSION, undefined, readU32));
    const calls = await daemon.calls(expected.length);
    for (const [i, call] of calls.entries()) {
      daemon.replyError(call, remoteErrorBody({ code: expected[i]?.[0] ?? 0 }));
    }
    for (const [i, [, code]] of expected.entries())
      await expectRejectsEcloud(results[i] as Promise<number>, code);
  });

  it('rejects a call whose ERROR body is malformed with DRIVER_FAILURE, and stays usable', async () => {
    const { connection, daemon } = await setup();
    const result = connection.call(GET_VERSION, undefined, readU32);
    const call = await daemon.nextCall();
    const body = remoteErrorBody({ code: 42, message: 'Domain not found' });
    daemon.replyError(call, body.subarray(0, 10));
    const error = await expectRejectsEcloud(result, 'DRIVER_FAILURE');
    expect(error.details.libvirtCode).toBeUndefined();
    const next = connection.call(GET_VERSION, undefined, readU32);
    daemon.reply(await daemon.nextCall(), u32(5));
    expect(await next).toBe(5);
  });
});

describe('RpcConnection: deadlines and cancellation', () => {
  it('rejects with TIMEOUT after timeoutMs, ignores the late reply, and carries on', async () => {
    const { connection, daemon } = await setup();
    const started = Date.now();
    const slow = connection.call(GET_VERSION, undefined, readU32, { timeoutMs: 50 });
    const slowCall = await daemon.nextCall();
    const error = await expectRejectsEcloud(slow, 'TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(error.details).toMatchObject({ procedure: 'CONNECT_GET_VERSION', timeoutMs: 50 });
    expect(connection.inFlight).toBe(0);

    const next = connection.call(GET_VERSION, undefined, readU32);
    const nextCall = await daemon.nextCall();
    expect(nextCall.header.serial).not.toBe(slowCall.header.serial);
    // The late reply comes first: it must not be taken for the next call's.
    daemon.reply(slowCall, u32(111));
    daemon.reply(nextCall, u32(222));
    expect(await next).toBe(222);
    expect(connection.open).toBe(true);
  });

  it('uses the connection’s default deadline when the call gives none', async () => {
    const { connection, daemon } = await setup({ timeoutMs: 40 });
    const result = connection.call(GET_VERSION, undefined, readU32);
    await daemon.nextCall();
    const error = await expectRejectsEcloud(result, 'TIMEOUT');
    expect(error.details.timeoutMs).toBe(40);
  });

  it('rejects with CANCELLED when the signal aborts mid-call, and ignores the reply after', async () => {
    const { connection, daemon } = await setup();
    const controller = new AbortController();
    const result = connection.call(GET_VERSION, undefined, readU32, { signal: controller.signal });
    const call = await daemon.nextCall();
    expect(connection.inFlight).toBe(1);
    controller.abort();
    const error = await expectRejectsEcloud(result, 'CANCELLED');
    expect(error.details.procedure).toBe('CONNECT_GET_VERSION');
    expect(connection.inFlight).toBe(0);
    daemon.reply(call, u32(1));
    const next = connection.call(GET_VERSION, undefined, readU32);
    daemon.reply(await daemon.nextCall(), u32(2));
    expect(await next).toBe(2);
  });

  it('rejects at once, writing nothing, when the signal is already aborted', async () => {
    const { connection, daemon } = await setup();
    const error = await expectRejectsEcloud(
      connection.call(LOOKUP, undefined, readU32, { signal: AbortSignal.abort() }),
      'CANCELLED',
    );
    expect(error.details.procedure).toBe('DOMAIN_LOOKUP_BY_NAME');
    expect(connection.inFlight).toBe(0);
    // The next thing on the wire is the next call, not the cancelled one.
    const next = connection.call(GET_VERSION, undefined, readU32);
    const call = await daemon.nextCall();
    expect(call.header.proc).toBe(GET_VERSION.proc);
    expect(daemon.received.filter((p) => p.header.proc === LOOKUP.proc)).toEqual([]);
    daemon.reply(call, u32(3));
    expect(await next).toBe(3);
  });
});

describe('RpcConnection: keepalive', () => {
  it('answers the daemon’s PING with a PONG, and tells no event listener', async () => {
    const { connection, daemon } = await setup();
    const events: number[] = [];
    connection.onEvent((proc) => events.push(proc));
    daemon.sendKeepalive(KEEPALIVE_PROC_PING);
    const pong = await daemon.next(isKeepalive);
    expect(pong.header).toEqual({
      prog: KEEPALIVE_PROGRAM,
      vers: 1,
      proc: KEEPALIVE_PROC_PONG,
      type: MessageType.MESSAGE,
      serial: 0,
      status: MessageStatus.OK,
    });
    expect(pong.body.length).toBe(0);
    expect(events).toEqual([]);
  });

  it('does not answer the daemon’s PONG', async () => {
    const { connection, daemon } = await setup();
    const events: number[] = [];
    connection.onEvent((proc) => events.push(proc));
    daemon.sendKeepalive(KEEPALIVE_PROC_PONG);
    daemon.sendEvent(318);
    await expect.poll(() => events).toEqual([318]);
    const next = connection.call(GET_VERSION, undefined, readU32);
    daemon.reply(await daemon.nextCall(), u32(1));
    await next;
    expect(daemon.received.filter(isKeepalive)).toEqual([]);
  });

  it('PINGs a silent daemon, then fails the connection: calls, open and onClose all hear it', async () => {
    const { connection, daemon } = await setup({ keepalive: { intervalMs: 50, count: 3 } });
    const closes: EcloudError[] = [];
    connection.onClose((error) => closes.push(error));
    const started = Date.now();
    const result = connection.call(GET_VERSION, undefined, readU32, { timeoutMs: 10_000 });
    await daemon.nextCall();
    const ping = await daemon.next(isKeepalive);
    expect(ping.header).toEqual({
      prog: KEEPALIVE_PROGRAM,
      vers: 1,
      proc: KEEPALIVE_PROC_PING,
      type: MessageType.MESSAGE,
      serial: 0,
      status: MessageStatus.OK,
    });
    expect(connection.open).toBe(true);

    const error = await expectRejectsEcloud(result, 'DRIVER_UNAVAILABLE');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2000);
    expect(error.message).toContain('keepalive');
    expect(connection.open).toBe(false);
    expect(closes).toEqual([error]);
    await daemon.closed;
    await expectRejectsEcloud(connection.call(GET_VERSION, undefined, readU32), 'DRIVER_UNAVAILABLE');
  });

  it('keeps a connection open while the daemon answers its PINGs', async () => {
    const { connection, daemon } = await setup({ keepalive: { intervalMs: 30, count: 3 } });
    daemon.answerPings = true;
    await sleep(300);
    expect(connection.open).toBe(true);
    expect(
      daemon.received.filter((p) => isKeepalive(p) && p.header.proc === KEEPALIVE_PROC_PING).length,
    ).toBeGreaterThanOrEqual(2);
    const result = connection.call(GET_VERSION, undefined, readU32);
    daemon.reply(await daemon.nextCall(), u32(4));
    expect(await result).toBe(4);
  });

  it('sends no PING while keepalive is off', async () => {
    const { connection, daemon } = await setup({ keepalive: false });
    await sleep(120);
    expect(daemon.received).toEqual([]);
    expect(connection.open).toBe(true);
  });
});

describe('RpcConnection: the end of the connection', () => {
  for (const how of ['end', 'destroy'] as const) {
    it(`fails every pending call with DRIVER_UNAVAILABLE when the daemon ${how}s the stream`, async () => {
      const { connection, daemon } = await setup();
      const closes: EcloudError[] = [];
      connection.onClose((error) => closes.push(error));
      const results = [1, 2, 3].map(() =>
        connection.call(GET_VERSION, undefined, readU32, { timeoutMs: 10_000 }),
      );
      await daemon.calls(3);
      daemon[how]();
      for (const result of results) await expectRejectsEcloud(result, 'DRIVER_UNAVAILABLE');
      expect(connection.open).toBe(false);
      expect(connection.inFlight).toBe(0);
      expect(closes).toHaveLength(1);
      expect(closes[0]?.code).toBe('DRIVER_UNAVAILABLE');
      // A new call fails at once rather than waiting for its deadline.
      const started = Date.now();
      await expectRejectsEcloud(
        connection.call(GET_VERSION, undefined, readU32, { timeoutMs: 10_000 }),
        'DRIVER_UNAVAILABLE',
      );
      expect(Date.now() - started).toBeLessThan(100);
    });
  }

  it('fails pending calls and tells onClose once when the client closes, and closes the socket', async () => {
    const { connection, daemon } = await setup();
    const closes: EcloudError[] = [];
    const stop = connection.onClose((error) => closes.push(error));
    const other: EcloudError[] = [];
    connection.onClose((error) => other.push(error));
    stop();
    const result = connection.call(GET_VERSION, undefined, readU32);
    await daemon.nextCall();
    connection.close();
    connection.close();
    await expectRejectsEcloud(result, 'DRIVER_UNAVAILABLE');
    expect(connection.open).toBe(false);
    expect(closes).toEqual([]);
    expect(other).toHaveLength(1);
    await daemon.closed;
  });

  it('fails the connection with DRIVER_FAILURE on a length word of 0xFFFFFFFF', async () => {
    const { connection, daemon } = await setup();
    const closes: EcloudError[] = [];
    connection.onClose((error) => closes.push(error));
    const results = [
      connection.call(GET_VERSION, undefined, readU32),
      connection.call(LOOKUP, undefined, readU32),
    ];
    await daemon.calls(2);
    daemon.write(Buffer.from('ffffffff', 'hex'));
    for (const result of results) await expectRejectsEcloud(result, 'DRIVER_FAILURE');
    expect(connection.open).toBe(false);
    expect(closes.map((e) => e.code)).toEqual(['DRIVER_FAILURE']);
    await daemon.closed;
    await expectRejectsEcloud(connection.call(GET_VERSION, undefined, readU32), 'DRIVER_FAILURE');
  });

  it('fails the connection on a length word below a header, even split across writes', async () => {
    const { connection, daemon } = await setup();
    const result = connection.call(GET_VERSION, undefined, readU32);
    await daemon.nextCall();
    daemon.write(Buffer.from('0000', 'hex'));
    await sleep(5);
    daemon.write(Buffer.from('0010', 'hex'));
    await expectRejectsEcloud(result, 'DRIVER_FAILURE');
    expect(connection.open).toBe(false);
  });
});

describe('RpcConnection: events', () => {
  it('hands a MESSAGE of the REMOTE program to every onEvent listener, until it unsubscribes', async () => {
    const { connection, daemon } = await setup();
    const first: [number, string][] = [];
    const second: [number, string][] = [];
    const stopFirst = connection.onEvent((proc, body) => first.push([proc, body.toString('hex')]));
    connection.onEvent((proc, body) => second.push([proc, body.toString('hex')]));
    daemon.sendEvent(318, u32(0xabcdef01));
    await expect.poll(() => second.length).toBe(1);
    expect(first).toEqual([[318, 'abcdef01']]);
    expect(second).toEqual([[318, 'abcdef01']]);
    stopFirst();
    daemon.sendEvent(318, u32(2));
    await expect.poll(() => second.length).toBe(2);
    expect(first).toHaveLength(1);
    expect(second[1]).toEqual([318, '00000002']);
  });

  it('never takes an event for the reply of a call with the same serial', async () => {
    const { connection, daemon } = await setup();
    const events: number[] = [];
    connection.onEvent((proc) => events.push(proc));
    const result = connection.call(GET_VERSION, undefined, readU32);
    const call = await daemon.nextCall();
    daemon.write(
      encodePacket(
        { ...call.header, type: MessageType.MESSAGE, proc: 318, status: MessageStatus.OK },
        u32(66),
      ),
    );
    await expect.poll(() => events).toEqual([318]);
    expect(connection.inFlight).toBe(1);
    daemon.reply(call, u32(1));
    expect(await result).toBe(1);
  });

  it('keeps the connection when an event listener throws: the reply still arrives', async () => {
    const { connection, daemon } = await setup();
    const heard: number[] = [];
    connection.onEvent(() => {
      throw new TypeError('a bug in a listener');
    });
    connection.onEvent((proc) => heard.push(proc));
    const result = connection.call(GET_VERSION, undefined, readU32, { timeoutMs: 2000 });
    const call = await daemon.nextCall();
    daemon.sendEvent(318);
    daemon.reply(call, u32(8));
    expect(await result).toBe(8);
    expect(heard).toEqual([318]);
    expect(connection.open).toBe(true);
  });

  it('hears only the REMOTE program: a MESSAGE of another program is not an event of ours', async () => {
    const { connection, daemon } = await setup();
    const heard: number[] = [];
    connection.onEvent((proc) => heard.push(proc));
    daemon.write(encodePacket({ prog: 0x20008087, vers: 1, proc: 318, type: 2, serial: 0, status: 0 }));
    daemon.sendEvent(318);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual([318]);
  });

  it('fails the calls in flight when the daemon ends its side without closing', async () => {
    const { connection, daemon } = await setup({ keepalive: false });
    const result = connection.call(GET_VERSION, undefined, readU32, { timeoutMs: 10_000 });
    await daemon.nextCall();
    daemon.end();
    await expectRejectsEcloud(result, 'DRIVER_UNAVAILABLE');
    expect(connection.open).toBe(false);
  });
});

describe('RpcConnection: malformed replies', () => {
  it('rejects a reply with trailing bytes with DRIVER_FAILURE, and stays usable', async () => {
    const { connection, daemon } = await setup();
    const result = connection.call(GET_VERSION, undefined, readU32);
    daemon.reply(await daemon.nextCall(), Buffer.concat([u32(1), u32(2)]));
    const error = await expectRejectsEcloud(result, 'DRIVER_FAILURE');
    expect(String(error.details.reason)).toContain('left over');
    expect(connection.open).toBe(true);
    const next = connection.call(GET_VERSION, undefined, readU32);
    daemon.reply(await daemon.nextCall(), u32(3));
    expect(await next).toBe(3);
  });

  it('rejects a truncated reply body with DRIVER_FAILURE, and stays usable', async () => {
    const { connection, daemon } = await setup();
    const result = connection.call(GET_VERSION, undefined, (r) => r.u64());
    daemon.reply(await daemon.nextCall(), u32(1));
    await expectRejectsEcloud(result, 'DRIVER_FAILURE');
    expect(connection.open).toBe(true);
    const next = connection.call(GET_VERSION, undefined, (r) => r.u64());
    daemon.reply(await daemon.nextCall(), Buffer.from('0000000000000009', 'hex'));
    expect(await next).toBe(9n);
  });
});

/** What the fake daemon does with one call in the fuzz. */
type Action =
  | { readonly kind: 'valid' }
  | { readonly kind: 'none' }
  | { readonly kind: 'flip'; readonly flips: readonly { at: number; xor: number }[] }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'append'; readonly extra: Uint8Array }
  | { readonly kind: 'body'; readonly body: Uint8Array; readonly status: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'valid' as const }),
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), extra: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({
    kind: fc.constant('body' as const),
    body: fc.uint8Array({ maxLength: 64 }),
    status: fc.constantFrom(MessageStatus.OK, MessageStatus.ERROR, MessageStatus.CONTINUE),
  }),
);

const scenarioArb = fc.record({
  actions: fc.array(actionArb, { minLength: 1, maxLength: 3 }),
  noise: fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 2 }),
  noiseFirst: fc.boolean(),
  splits: fc.array(fc.nat(), { maxLength: 8 }),
  endAfter: fc.boolean(),
});

function actionBytes(action: Action, call: Packet, value: number): Buffer {
  const valid = FakeDaemon.replyBytes(call.header, u32(value));
  switch (action.kind) {
    case 'valid':
      return valid;
    case 'none':
      return Buffer.alloc(0);
    case 'flip': {
      const bytes = Buffer.from(valid);
      for (const { at, xor } of action.flips) {
        const i = at % bytes.length;
        bytes[i] = (bytes[i] ?? 0) ^ xor;
      }
      return bytes;
    }
    case 'truncate':
      return valid.subarray(0, action.at % valid.length);
    case 'append':
      return Buffer.concat([valid, action.extra]);
    case 'body':
      return FakeDaemon.replyBytes(call.header, action.body, action.status);
  }
}

describe('RpcConnection: fuzz', () => {
  it('settles every call with a value or an EcloudError, whatever bytes the daemon sends', async () => {
    const strays: unknown[] = [];
    const onStray = (reason: unknown) => strays.push(reason);
    process.on('unhandledRejection', onStray);
    process.on('uncaughtException', onStray);
    try {
      await fc.assert(
        fc.asyncProperty(scenarioArb, async (scenario) => {
          const { connection, daemon } = await connectToFakeDaemon({ timeoutMs: 100 });
          try {
            connection.onEvent(() => {});
            const results = scenario.actions.map((_, i) => connection.call(GET_VERSION, u32(i), readU32));
            // Observed from the start: a call may fail while the daemon is still writing.
            const settled = Promise.allSettled(results);
            const calls = await daemon.calls(results.length);
            const parts = calls.map((call, i) => actionBytes(scenario.actions[i] as Action, call, 1000 + i));
            const noise = scenario.noise.map((n) => Buffer.from(n));
            const stream = Buffer.concat(scenario.noiseFirst ? [...noise, ...parts] : [...parts, ...noise]);
            const points = scenario.splits.map((p) => p % (stream.length + 1)).sort((a, b) => a - b);
            let from = 0;
            for (const at of [...points, stream.length]) {
              daemon.write(stream.subarray(from, at));
              from = at;
              await new Promise((resolve) => setImmediate(resolve));
            }
            if (scenario.endAfter) daemon.end();

            let hung = false;
            const guard = sleep(2000).then(() => {
              hung = true;
            });
            const outcomes = await Promise.race([settled, guard.then(() => undefined)]);
            expect(hung, 'a call never settled').toBe(false);
            for (const outcome of outcomes ?? []) {
              if (outcome.status === 'rejected') {
                expect(outcome.reason, String(outcome.reason)).toBeInstanceOf(EcloudError);
              } else {
                expect(typeof outcome.value).toBe('number');
              }
            }
            expect(connection.inFlight).toBe(0);
            if (scenario.actions.every((a) => a.kind === 'valid') && noise.every((n) => n.length === 0)) {
              expect(outcomes?.map((o) => (o.status === 'fulfilled' ? o.value : o.reason))).toEqual(
                scenario.actions.map((_, i) => 1000 + i),
              );
            }
            if (!connection.open) {
              expect(await rejectionOf(connection.call(GET_VERSION, undefined, readU32))).toBeInstanceOf(
                EcloudError,
              );
            }
          } finally {
            connection.close();
            daemon.destroy();
          }
        }),
        { numRuns: 200 },
      );
      // Let any late timer or stream event run before looking for strays.
      await sleep(50);
    } finally {
      process.off('unhandledRejection', onStray);
      process.off('uncaughtException', onStray);
    }
    expect(strays).toEqual([]);
  }, 120_000);
});
