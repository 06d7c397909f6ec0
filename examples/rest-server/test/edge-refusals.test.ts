// Refusals at the very edge, over a real listening socket: what Node's HTTP parser refuses before any
// request exists, and the rate limit by client address that runs before authentication.

import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { expectThrowsEcloud } from '../../../test-support/ecloud-errors.js';
import { AddressRateLimiter } from '../src/http/ip-rate-limit.js';
import { type TestServer, testServer } from './test-server.js';

let server: TestServer | undefined;
let port = 0;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function listening(options: Parameters<typeof testServer>[0] = {}): Promise<TestServer> {
  server = await testServer(options);
  port = Number(new URL(await server.app.listen({ host: '127.0.0.1', port: 0 })).port);
  return server;
}

/** Writes `bytes` to the server as they are and reads the answer until the server closes. */
function raw(bytes: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.end(bytes);
  });
}

/** An answer's status, headers and problem document, from its raw text. */
function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, problem: JSON.parse(body) };
}

/** A GET over HTTP from a chosen local address (every 127.0.0.0/8 address is this host's). */
function get(path: string, from: string, authorization?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path,
          localAddress: from,
          agent: false,
          headers: authorization ? { authorization } : {},
        },
        (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

/** Waits past the next minute boundary if it is near: the address limit counts in whole minutes. */
async function clearOfWindowEdge() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe("Node's own refusals, as problem documents", () => {
  it('answers 431 for a header block over 16 KiB, and serves the next connection', async () => {
    await listening();
    const answer = parse(
      await raw(`GET /v1/offerings HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`),
    );
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers.connection).toBe('close');
    expect(answer.problem).toMatchObject({
      status: 431,
      code: 'INVALID_ARGUMENT',
      details: { reason: 'HPE_HEADER_OVERFLOW' },
    });
    expect((await get('/healthz', '127.0.0.1')).status).toBe(200);
  });

  it('answers 400 for a broken request line and for raw non-ASCII in the path', async () => {
    await listening();
    const broken = parse(await raw('GARBAGE\r\n\r\n'));
    expect(broken.status).toBe(400);
    expect(broken.headers['content-type']).toBe('application/problem+json');
    expect(broken.problem).toMatchObject({ status: 400, code: 'INVALID_ARGUMENT', retryable: false });
    expect(broken.problem.details.reason).toMatch(/^HPE_/);

    const nonAscii = parse(
      await raw(
        Buffer.concat([
          Buffer.from('GET /v1/caf'),
          Buffer.from('é'),
          Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
        ]),
      ),
    );
    expect(nonAscii.status).toBe(400);
    expect(nonAscii.problem).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { reason: 'HPE_INVALID_URL' },
    });

    const badHeader = parse(await raw('GET / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'));
    expect(badHeader.status).toBe(400);
    expect(badHeader.problem.code).toBe('INVALID_ARGUMENT');
    expect((await get('/healthz', '127.0.0.1')).status).toBe(200);
  });
});

describe('the rate limit by client address, before authentication', () => {
  it('limits a flood of bad tokens with 429 and Retry-After, but not another address', async () => {
    const { tokens } = await listening({ ipRateLimitPerMinute: 5, rateLimitPerMinute: 1_000_000 });
    await clearOfWindowEdge();
    for (let i = 0; i < 5; i++) {
      const refused = await get('/v1/offerings', '127.0.0.2', `Bearer forged-${i}`);
      expect(refused.status).toBe(401);
    }
    const limited = await get('/v1/offerings', '127.0.0.2', 'Bearer forged-6');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(JSON.parse(limited.body)).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      retryable: true,
      details: { reason: 'address', limit: 5 },
    });
    // The address is limited before anyone is authenticated: a good token from it waits too.
    expect((await get('/v1/offerings', '127.0.0.2', `Bearer ${tokens.sysadmin}`)).status).toBe(429);
    // Another address is not.
    expect((await get('/v1/offerings', '127.0.0.3', `Bearer ${tokens.sysadmin}`)).status).toBe(200);
  });

  it('keeps the per-caller limit after authentication', async () => {
    // Five: the test server's five logins spend 127.0.0.1's count (no caller yet), not these callers'.
    const { tokens } = await listening({ rateLimitPerMinute: 5, ipRateLimitPerMinute: 1000 });
    for (let i = 0; i < 5; i++) {
      expect((await get('/v1/offerings', '127.0.0.2', `Bearer ${tokens['demo-admin']}`)).status).toBe(200);
    }
    const limited = await get('/v1/offerings', '127.0.0.2', `Bearer ${tokens['demo-admin']}`);
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body).code).toBe('RATE_LIMITED');
    // Another caller from the same address has its own count.
    expect((await get('/v1/offerings', '127.0.0.2', `Bearer ${tokens['other-admin']}`)).status).toBe(200);
  });

  it('counts in whole windows: the next window starts afresh, per address', () => {
    let now = 120_000;
    const limiter = new AddressRateLimiter({ max: 2, windowMs: 60_000, now: () => now });
    expect(limiter.take('a')).toBeUndefined();
    now += 10_000;
    expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toBe(50_000);
    expect(limiter.take('b')).toBeUndefined();
    now = 180_000;
    expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toBe(60_000);
  });

  it('stops counting new addresses past maxAddresses rather than growing without bound', () => {
    const limiter = new AddressRateLimiter({ max: 1, maxAddresses: 2, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    expect(limiter.take('a')).toBe(60_000);
    // A third address is let through uncounted, however often it comes, until the window ends.
    expect(limiter.take('c')).toBeUndefined();
    expect(limiter.take('c')).toBeUndefined();
  });

  it('refuses invalid options with INVALID_ARGUMENT', () => {
    const zero = expectThrowsEcloud(() => new AddressRateLimiter({ max: 0 }), 'INVALID_ARGUMENT');
    expect(JSON.stringify(zero.details)).toContain('max');
    const short = expectThrowsEcloud(
      () => new AddressRateLimiter({ max: 1, windowMs: 10 }),
      'INVALID_ARGUMENT',
    );
    expect(JSON.stringify(short.details)).toContain('windowMs');
  });
});
