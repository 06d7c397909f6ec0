import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcloudError } from '../../../src/errors/ecloud-error.js';
import {
  canonicalRequest,
  RequestVerifier,
  type SignedRequest,
  type SigningParts,
  sha256Hex,
  signRequest,
} from '../../../src/identity/authn/request-signing.js';

const SKEW = 60_000;
const T0 = Date.parse('2025-01-01T00:00:00.000Z');
const secrets = new Map([
  ['key-a', Buffer.from('a'.repeat(64), 'hex')],
  ['key-b', Buffer.from('b'.repeat(64), 'hex')],
]);

function verifier(options: { now?: () => number; maxNonces?: number } = {}) {
  let lookups = 0;
  const instance = new RequestVerifier({
    lookupSecret: async (keyId) => {
      lookups += 1;
      return secrets.get(keyId);
    },
    clockSkewMs: SKEW,
    now: options.now ?? (() => T0),
    ...(options.maxNonces === undefined ? {} : { maxNonces: options.maxNonces }),
  });
  return { instance, lookups: () => lookups };
}

let counter = 0;
function nonce(): string {
  counter += 1;
  return `nonce-${String(counter).padStart(16, '0')}`;
}

function parts(overrides: Partial<SigningParts> = {}): SigningParts {
  return {
    method: 'post',
    path: '/v1/instances/vm-1:start',
    query: { dryRun: 'false', tag: ['b', 'a'] },
    bodySha256: sha256Hex('{"force":true}'),
    timestamp: T0,
    nonce: nonce(),
    keyId: 'key-a',
    ...overrides,
  };
}

function signed(overrides: Partial<SigningParts> = {}): SignedRequest {
  const request = parts(overrides);
  const secret = secrets.get(request.keyId) ?? Buffer.from('unknown-key-secret');
  return { ...request, signature: signRequest(secret, request) };
}

async function refusal(promise: Promise<unknown>): Promise<EcloudError> {
  try {
    await promise;
  } catch (error) {
    if (EcloudError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function expectRefused(promise: Promise<unknown>, reason: string): Promise<void> {
  const error = await refusal(promise);
  expect({ code: error.code, reason: error.details.reason }).toEqual({ code: 'UNAUTHENTICATED', reason });
}

const queryPairs = fc.array(
  fc.tuple(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom('__proto__', 'constructor', 'valueOf'),
    ),
    fc.string({ maxLength: 8 }),
  ),
  { maxLength: 12 },
);

describe('canonical request', () => {
  it('joins the algorithm, method, path, sorted RFC 3986 query, body hash, time, nonce and key id', () => {
    const body = sha256Hex('');
    const canonical = canonicalRequest({
      method: 'get',
      path: '/v1/instances',
      query: { z: "it's (a) *test*!", a: ['2', '1'], 'é k': 'x y' },
      bodySha256: body,
      timestamp: '2025-01-01T01:00:00+01:00',
      nonce: 'abcdefghijklmnop',
      keyId: 'key-a',
    });
    expect(canonical).toBe(
      [
        'ECLOUD1-HMAC-SHA256',
        'GET',
        '/v1/instances',
        // Sorted on the encoded form, where '%' comes before letters.
        '%C3%A9%20k=x%20y&a=1&a=2&z=it%27s%20%28a%29%20%2Atest%2A%21',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        String(T0),
        'abcdefghijklmnop',
        'key-a',
      ].join('\n'),
    );
  });

  it('does not depend on the order or the form of the query parameters', () => {
    const pairsAndPermutation = queryPairs.chain((pairs) =>
      fc.tuple(fc.constant(pairs), fc.shuffledSubarray(pairs, { minLength: pairs.length })),
    );
    fc.assert(
      fc.property(pairsAndPermutation, ([pairs, shuffled]) => {
        const groups = new Map<string, string[]>();
        for (const [key, value] of shuffled) groups.set(key, [...(groups.get(key) ?? []), value]);
        // fromEntries defines own properties, so even `__proto__` or `valueOf` become parameters.
        const grouped = Object.fromEntries(groups);
        const base = parts({ nonce: 'n'.repeat(16) });
        const expected = canonicalRequest({ ...base, query: new URLSearchParams(pairs) });
        expect(canonicalRequest({ ...base, query: new URLSearchParams(shuffled) })).toBe(expected);
        expect(canonicalRequest({ ...base, query: grouped })).toBe(expected);
      }),
    );
  });

  it('covers every query parameter, whatever its name', () => {
    const base = parts();
    const record = canonicalRequest({ ...base, query: JSON.parse('{"__proto__":"x"}') });
    expect(record).toBe(canonicalRequest({ ...base, query: new URLSearchParams([['__proto__', 'x']]) }));
    expect(record).not.toBe(canonicalRequest({ ...base, query: {} }));
  });

  it('signs an ISO timestamp and its epoch milliseconds alike', () => {
    const base = parts();
    const iso = { ...base, timestamp: new Date(T0).toISOString() };
    expect(signRequest(secrets.get('key-a') ?? '', iso)).toBe(signRequest(secrets.get('key-a') ?? '', base));
  });

  it('rejects malformed parts and short secrets with INVALID_ARGUMENT', () => {
    for (const bad of [
      { method: 'GET /x' },
      { path: 'v1/instances' },
      { path: '/v1/instances?x=1' },
      { path: '/v1/\ninstances' },
      { bodySha256: 'ABC' },
      { nonce: 'short' },
      { nonce: 'x'.repeat(15) },
      { nonce: 'has space in the nonce' },
      { timestamp: 'yesterday' },
      { keyId: 'key a' },
      { query: { a: '\ud800' } },
    ]) {
      expect(() => canonicalRequest(parts(bad as Partial<SigningParts>))).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
    expect(() => signRequest('too-short', parts())).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('request verifier', () => {
  it('accepts what signRequest signed, for any request', async () => {
    const { instance } = verifier();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'put', 'Delete'),
        fc.webPath().filter((p) => p.startsWith('/') && /^\/[!"$->@-~]*$/.test(p)),
        queryPairs,
        fc.uint8Array({ maxLength: 64 }),
        async (method, path, query, body) => {
          const request = signed({
            method,
            path,
            query: new URLSearchParams(query),
            bodySha256: sha256Hex(body),
          });
          await expect(instance.verify(request)).resolves.toEqual({ keyId: 'key-a' });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses a request whose method, path, query, body, time or key was changed after signing', async () => {
    const { instance } = verifier();
    const tampered: Array<Partial<SignedRequest>> = [
      { method: 'GET' },
      { path: '/v1/instances/vm-2:start' },
      { query: { dryRun: 'true', tag: ['b', 'a'] } },
      { query: { dryRun: 'false', tag: ['b'] } },
      { query: { dryRun: 'false', tag: ['b', 'a'], extra: '' } },
      { bodySha256: sha256Hex('{"force":false}') },
      { timestamp: T0 + 1 },
      { keyId: 'key-b' },
    ];
    for (const change of tampered)
      await expectRefused(instance.verify({ ...signed(), ...change }), 'signature');
    await expect(instance.verify(signed())).resolves.toEqual({ keyId: 'key-a' });
  });

  it('refuses any single-character change of the signature', async () => {
    const { instance } = verifier();
    await fc.assert(
      fc.asyncProperty(fc.nat(63), fc.constantFrom(...'0123456789abcdefABCDEF'), async (index, char) => {
        const request = signed();
        fc.pre(request.signature[index] !== char);
        const signature = request.signature.slice(0, index) + char + request.signature.slice(index + 1);
        const error = await refusal(instance.verify({ ...request, signature }));
        expect(error.code).toBe('UNAUTHENTICATED');
        expect(['signature', 'malformed']).toContain(error.details.reason);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses timestamps beyond the clock skew either way, before looking up the key', async () => {
    const { instance, lookups } = verifier();
    await expectRefused(instance.verify(signed({ timestamp: T0 - SKEW - 1 })), 'clock-skew');
    await expectRefused(instance.verify(signed({ timestamp: T0 + SKEW + 1 })), 'clock-skew');
    expect(lookups()).toBe(0);
    await expect(instance.verify(signed({ timestamp: T0 - SKEW }))).resolves.toEqual({ keyId: 'key-a' });
    await expect(instance.verify(signed({ timestamp: new Date(T0 + SKEW).toISOString() }))).resolves.toEqual({
      keyId: 'key-a',
    });
  });

  it('refuses a replayed nonce for the same key, but not the same nonce under another key', async () => {
    const { instance } = verifier();
    const request = signed();
    await expect(instance.verify(request)).resolves.toEqual({ keyId: 'key-a' });
    await expectRefused(instance.verify(request), 'replay');
    await expectRefused(instance.verify(signed({ nonce: request.nonce, method: 'GET' })), 'replay');
    await expect(instance.verify(signed({ nonce: request.nonce, keyId: 'key-b' }))).resolves.toEqual({
      keyId: 'key-b',
    });
  });

  it('lets only one of two concurrent copies of a request through', async () => {
    const { instance } = verifier();
    const request = signed();
    const results = await Promise.allSettled([instance.verify(request), instance.verify(request)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('does not remember the nonce of a request it refused', async () => {
    const { instance } = verifier();
    const request = signed();
    await expectRefused(instance.verify({ ...request, signature: '0'.repeat(64) }), 'signature');
    expect(instance.cachedNonces).toBe(0);
    await expect(instance.verify(request)).resolves.toEqual({ keyId: 'key-a' });
  });

  it('refuses an unknown key and malformed credentials as UNAUTHENTICATED, other parts as INVALID_ARGUMENT', async () => {
    const { instance } = verifier();
    await expectRefused(instance.verify(signed({ keyId: 'key-gone' })), 'unknown-key');
    await expectRefused(instance.verify({ ...signed(), signature: 'A'.repeat(64) }), 'malformed');
    await expectRefused(instance.verify({ ...signed(), signature: '' }), 'malformed');
    await expectRefused(instance.verify({ ...signed(), nonce: 'short' }), 'malformed');
    await expectRefused(instance.verify({ ...signed(), timestamp: 'now' }), 'malformed');
    await expectRefused(instance.verify({ ...signed(), keyId: '' }), 'malformed');
    await expect(instance.verify({ ...signed(), path: 'relative' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(instance.verify(null as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('never reveals the secret or the expected signature', async () => {
    const { instance } = verifier();
    const request = signed();
    const error = await refusal(instance.verify({ ...request, signature: 'f'.repeat(64) }));
    const visible = JSON.stringify(error.toJSON());
    expect(visible).not.toContain(request.signature);
    expect(visible).not.toContain('a'.repeat(16));
  });

  it('forgets nonces whole buckets at a time once no request carrying them could pass the skew check', async () => {
    let now = T0;
    const { instance } = verifier({ now: () => now });
    // A request dated at the far edge of the skew, accepted now, can be replayed until 2 × skew from now.
    const edge = signed({ timestamp: T0 + SKEW });
    await instance.verify(edge);
    for (let i = 0; i < 9; i++) await instance.verify(signed({ timestamp: now }));
    expect(instance.cachedNonces).toBe(10);

    now = T0 + 2 * SKEW;
    await expectRefused(instance.verify(edge), 'replay');
    await instance.verify(signed({ timestamp: now }));
    expect(instance.cachedNonces).toBe(11);

    // Once 2 × skew and one bucket (a quarter of the skew) have passed, the old bucket is gone.
    now = T0 + 2 * SKEW + SKEW / 4;
    await instance.verify(signed({ timestamp: now }));
    expect(instance.cachedNonces).toBe(2);
    now = T0 + 5 * SKEW;
    await instance.verify(signed({ timestamp: now }));
    expect(instance.cachedNonces).toBe(1);
  });

  it('drops the oldest bucket early when the cap is reached', async () => {
    let now = T0;
    const { instance } = verifier({ now: () => now, maxNonces: 4 });
    await instance.verify(signed());
    await instance.verify(signed());
    now = T0 + SKEW / 2;
    await instance.verify(signed({ timestamp: now }));
    await instance.verify(signed({ timestamp: now }));
    expect(instance.cachedNonces).toBe(4);

    await instance.verify(signed({ timestamp: now }));
    // The bucket of the first two went; the newer bucket stayed.
    expect(instance.cachedNonces).toBe(3);
    for (let i = 0; i < 20; i++) {
      await instance.verify(signed({ timestamp: now }));
      expect(instance.cachedNonces).toBeLessThanOrEqual(4);
    }
  });

  it('validates its options', () => {
    const lookupSecret = async () => undefined;
    for (const bad of [
      { clockSkewMs: 0 },
      { clockSkewMs: 1.5 },
      { maxNonces: 0 },
      { now: 5 },
      { lookupSecret: 'x' },
    ]) {
      expect(() => new RequestVerifier({ lookupSecret, ...(bad as object) } as never)).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
  });
});
