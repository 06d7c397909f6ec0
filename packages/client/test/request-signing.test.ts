import { createHash, createHmac } from 'node:crypto';
import type { MockCallHistoryLog } from 'undici';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, RequestSigner } from '../src/http/request-signing.js';
import { EcloudApiError, EcloudClient } from '../src/index.js';
import { header, JSON_REPLY, job, mockApi, PROBLEM_REPLY, problem } from './mock-api.js';

// A 32-byte secret as the server issues it (base64url), and a request whose canonical form and
// signature were computed with @ecloud/core's canonicalRequest and signRequest — the server's side.
const SECRET = 'c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzISE';
const KEY = { keyId: 'apikey-01ABC', secret: SECRET };
const BODY = '{"name":"web"}';
const BODY_SHA256 = '447f02909facb4efb07be873f56f58789cdefad3830594f957cf2731e97f8b98';
const CORE_CANONICAL = [
  'ECLOUD1-HMAC-SHA256',
  'POST',
  '/v1/instances/vm-1/clone',
  'a=%21&a=x%20y&b=2&c=caf%C3%A9&z%2A=%281%29',
  BODY_SHA256,
  '1767225600000',
  'n0nce-n0nce-n0nce_1',
  'apikey-01ABC',
].join('\n');
const CORE_SIGNATURE = '6fee2318ff8da6c4138baf6afa2da1db7fc8e2361ba504b7dd938dfde8321667';
const QUERY = 'b=2&a=x+y&a=%21&c=caf%C3%A9&z*=(1)';

const HEADER =
  /^ECLOUD1-HMAC-SHA256 Credential=(?<keyId>[^,]+), Nonce=(?<nonce>[A-Za-z0-9_-]{16,128}), Timestamp=(?<timestamp>\d+), Signature=(?<signature>[0-9a-f]{64})$/;

/** Checks a recorded request's signature as the server would: recomputed from what was sent. */
function verify(call: MockCallHistoryLog | undefined) {
  const match = HEADER.exec(header(call, 'authorization') ?? '');
  expect(match?.groups).toBeDefined();
  const { keyId = '', nonce = '', timestamp = '', signature } = match?.groups ?? {};
  const url = new URL(call?.fullUrl ?? '');
  const body = call?.body === undefined || call.body === null ? '' : String(call.body);
  const canonical = canonicalRequest({
    method: call?.method ?? '',
    path: url.pathname,
    query: new URLSearchParams(url.search),
    bodySha256: createHash('sha256').update(body).digest('hex'),
    timestamp: Number(timestamp),
    nonce,
    keyId,
  });
  const expected = createHmac('sha256', Buffer.from(SECRET, 'base64url')).update(canonical).digest('hex');
  expect(signature).toBe(expected);
  return { keyId, nonce, timestamp: Number(timestamp) };
}

describe('signing requests with an API key', () => {
  it('writes the canonical request exactly as the server (core) does', () => {
    expect(
      canonicalRequest({
        method: 'post',
        path: '/v1/instances/vm-1/clone',
        query: new URLSearchParams(QUERY),
        bodySha256: BODY_SHA256,
        timestamp: 1767225600000,
        nonce: 'n0nce-n0nce-n0nce_1',
        keyId: 'apikey-01ABC',
      }),
    ).toBe(CORE_CANONICAL);
  });

  it('signs to the same signature as the server (core) computes, in the documented header', () => {
    const signer = new RequestSigner(KEY);
    const url = new URL(`http://cloud.test/v1/instances/vm-1/clone?${QUERY}`);
    const authorization = signer.authorization('POST', url, BODY, {
      timestamp: 1767225600000,
      nonce: 'n0nce-n0nce-n0nce_1',
    });
    expect(authorization).toBe(
      `ECLOUD1-HMAC-SHA256 Credential=apikey-01ABC, Nonce=n0nce-n0nce-n0nce_1, Timestamp=1767225600000, Signature=${CORE_SIGNATURE}`,
    );
    // Any change to what is covered changes the signature.
    const other = signer.authorization('POST', url, `${BODY} `, {
      timestamp: 1767225600000,
      nonce: 'n0nce-n0nce-n0nce_1',
    });
    expect(other).not.toContain(CORE_SIGNATURE);
  });

  it('signs every request of a client with an apiKey, and sends no bearer token', async () => {
    const { client, pool, calls } = mockApi({ token: undefined, apiKey: KEY });
    pool.intercept({ path: '/v1/instances?limit=5', method: 'GET' }).reply(200, { items: [] }, JSON_REPLY);
    const before = Date.now();
    await client.instances.list({ limit: 5 });
    const [list] = calls();
    expect(header(list, 'authorization')).not.toMatch(/^Bearer/);
    const signed = verify(list);
    expect(signed.keyId).toBe('apikey-01ABC');
    expect(signed.timestamp).toBeGreaterThanOrEqual(before);
    expect(signed.timestamp).toBeLessThanOrEqual(Date.now());
  });

  it('signs each try of a retried POST anew: a fresh nonce over the same body', async () => {
    const { client, pool, calls } = mockApi({ token: undefined, apiKey: KEY });
    const busy = problem(503, 'STORE_FAILURE', 'busy', { retryable: true });
    pool.intercept({ path: '/v1/instances', method: 'POST' }).reply(503, busy, PROBLEM_REPLY);
    pool.intercept({ path: '/v1/instances', method: 'POST' }).reply(202, job(), JSON_REPLY);
    await client.instances.create({
      name: 'web-1',
      tenantId: 'tnt-1',
      offeringId: 'off-1',
      imageId: 'img-1',
    });
    const [first, second] = calls();
    const a = verify(first);
    const b = verify(second);
    expect(a.nonce).not.toBe(b.nonce);
    expect(String(first?.body)).toBe(String(second?.body));
    expect(header(first, 'idempotency-key')).toBe(header(second, 'idempotency-key'));
  });

  it('does not sign the open login route', async () => {
    const { client, pool, calls } = mockApi({ token: undefined, apiKey: KEY });
    pool
      .intercept({ path: '/v1/auth/tokens', method: 'POST' })
      .reply(201, { token: 't', expiresAt: '2030-01-01T00:00:00Z', principalId: 'prn-1' }, JSON_REPLY);
    await client.login('robot', 'pw');
    expect(header(calls()[0], 'authorization')).toBeUndefined();
  });

  it('refuses bad credentials, and a token together with a key, before any request', () => {
    const refused = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    for (const apiKey of [
      { keyId: 'has,comma', secret: SECRET },
      { keyId: '', secret: SECRET },
      { keyId: 'apikey-1', secret: 'dG9vLXNob3J0' },
      { keyId: 'apikey-1', secret: 'not base64url!' },
      { keyId: 'apikey-1' } as unknown as { keyId: string; secret: string },
    ]) {
      const error = refused(() => new EcloudClient({ baseUrl: 'http://cloud.test', apiKey }));
      expect(EcloudApiError.is(error, 'INVALID_ARGUMENT'), JSON.stringify(apiKey)).toBe(true);
    }
    const both = refused(() => new EcloudClient({ baseUrl: 'http://cloud.test', apiKey: KEY, token: 't' }));
    expect(EcloudApiError.is(both, 'INVALID_ARGUMENT')).toBe(true);
    expect(refused(() => new EcloudClient({ baseUrl: 'http://cloud.test', apiKey: KEY }))).toBeUndefined();
  });
});
