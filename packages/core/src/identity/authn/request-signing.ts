import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { EcloudError } from '../../errors/ecloud-error.js';
import { parseInput } from '../../model/validate.js';

// The first line of every canonical request: a signature over it cannot be replayed as anything else
// signed with the same secret, and a later scheme can change the layout under a new name.
const ALGORITHM = 'ECLOUD1-HMAC-SHA256';
const MIN_SECRET_BYTES = 16;
const MAX_QUERY_PAIRS = 1000;

const KeyId = z.string().regex(/^[!-~]{1,256}$/, { message: 'must be 1–256 printable ASCII characters' });
const Nonce = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, { message: 'must be 16–128 of [A-Za-z0-9_-]' });
const Timestamp = z.union([z.iso.datetime({ offset: true }), z.number().int().min(0).max(8.64e15)]);
const Signature = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hex digits' });
// Not z.record: it copies into a fresh object and so silently drops a `__proto__` parameter, which would
// then be left out of the signature. The record is checked and passed on as it is.
const QueryRecord = z.custom<Record<string, string | string[]>>(isQueryRecord, {
  message: 'must map each name to a string or an array of strings',
});
const Query = z.union([z.instanceof(URLSearchParams), QueryRecord]);

function isQueryRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (one) => typeof one === 'string' || (Array.isArray(one) && one.every((item) => typeof item === 'string')),
  );
}

const requestShape = {
  method: z.string().regex(/^[A-Za-z]{1,16}$/, { message: 'must be an HTTP method' }),
  // Printable ASCII except '?' and '#': the path as sent on the wire, query separate. No newline can
  // occur in any field, so the '\n'-joined canonical form is unambiguous.
  path: z
    .string()
    .max(8192)
    .regex(/^\/[!"$->@-~]*$/, { message: "must start with '/' and be printable ASCII without '?' or '#'" }),
  query: Query.optional(),
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hex digits' }),
};
const credentialShape = { keyId: KeyId, nonce: Nonce, timestamp: Timestamp };

/**
 * What a request signature covers. `path` is the request path exactly as sent (percent-encoded, no query
 * string); `timestamp` is ISO 8601 or epoch milliseconds; `bodySha256` is {@link sha256Hex} of the raw body.
 * @public
 */
export const SigningParts = z.strictObject({ ...requestShape, ...credentialShape });
/** What a request signature covers (the type of the {@link SigningParts} schema, as callers write it). @public */
export type SigningParts = z.input<typeof SigningParts>;
type ParsedParts = z.output<typeof SigningParts>;

/** A request as received: the signed parts and the hex signature. @public */
export type SignedRequest = SigningParts & { readonly signature: string };

const RequestFields = z.object(requestShape);
const CredentialFields = z.object({ ...credentialShape, signature: Signature });

/**
 * Why a signed request was refused, in `details.reason` of the `UNAUTHENTICATED` error.
 * @public
 */
export type RequestAuthFailure = 'malformed' | 'unknown-key' | 'clock-skew' | 'signature' | 'replay';

/**
 * The canonical string a signature covers: the algorithm name, upper-case method, path, query (pairs
 * RFC 3986-encoded, sorted by key then value), body hash, timestamp in epoch milliseconds, nonce and key
 * id, joined by `\n`. Throws `INVALID_ARGUMENT` for malformed parts.
 * @public
 */
export function canonicalRequest(parts: SigningParts): string {
  return canonicalize(parseInput(SigningParts, parts, 'request to sign'));
}

/** The lower-case hex HMAC-SHA256 signature of a request under an API key's secret. @public */
export function signRequest(secret: Buffer | string, parts: SigningParts): string {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (!Buffer.isBuffer(key) || key.length < MIN_SECRET_BYTES) {
    throw new EcloudError('INVALID_ARGUMENT', `Invalid secret: needs at least ${MIN_SECRET_BYTES} bytes.`);
  }
  return hmac(key, canonicalRequest(parts)).toString('hex');
}

/** The lower-case hex SHA-256 of a request body, as `bodySha256` expects. @public */
export function sha256Hex(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

function canonicalize(parts: ParsedParts): string {
  return [
    ALGORITHM,
    parts.method.toUpperCase(),
    parts.path,
    canonicalQuery(parts.query),
    parts.bodySha256,
    String(toMillis(parts.timestamp)),
    parts.nonce,
    parts.keyId,
  ].join('\n');
}

function canonicalQuery(query: ParsedParts['query']): string {
  const pairs = queryPairs(query);
  if (pairs.length > MAX_QUERY_PAIRS) {
    throw new EcloudError('INVALID_ARGUMENT', `Invalid query: more than ${MAX_QUERY_PAIRS} parameters.`);
  }
  // Sorted on the encoded forms by code unit, as every client language can reproduce.
  const encoded = pairs.map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)] as const);
  encoded.sort(([k1, v1], [k2, v2]) => compare(k1, k2) || compare(v1, v2));
  return encoded.map(([key, value]) => `${key}=${value}`).join('&');
}

function queryPairs(query: ParsedParts['query']): Array<readonly [string, string]> {
  if (query === undefined) return [];
  if (query instanceof URLSearchParams) return [...query];
  return Object.entries(query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((one) => [key, one] as const),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encodeRfc3986(text: string): string {
  try {
    // encodeURIComponent leaves !'()* alone, which RFC 3986 reserves.
    return encodeURIComponent(text).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  } catch {
    throw new EcloudError('INVALID_ARGUMENT', 'Invalid query: not well-formed Unicode.');
  }
}

function toMillis(timestamp: string | number): number {
  return typeof timestamp === 'number' ? timestamp : Date.parse(timestamp);
}

function hmac(secret: Buffer, canonical: string): Buffer {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest();
}

/** Options of a {@link RequestVerifier}. @public */
export interface RequestVerifierOptions {
  /** The secret of an API key, or `undefined` when there is no such (active) key. */
  readonly lookupSecret: (keyId: string) => Promise<Buffer | undefined>;
  /** How far a request's timestamp may be from the server's clock either way; default 5 minutes. */
  readonly clockSkewMs?: number;
  /** The clock, in epoch milliseconds; default `Date.now`. */
  readonly now?: () => number;
  /** The most nonces remembered at once; default 1,000,000. Beyond it the oldest are forgotten early. */
  readonly maxNonces?: number;
}

const VerifierOptions = z.strictObject({
  lookupSecret: z.custom<RequestVerifierOptions['lookupSecret']>((v) => typeof v === 'function', {
    message: 'must be a function',
  }),
  clockSkewMs: z
    .number()
    .int()
    .min(1000)
    .max(3_600_000)
    .default(5 * 60_000),
  now: z.custom<() => number>((v) => typeof v === 'function', { message: 'must be a function' }).optional(),
  maxNonces: z.number().int().min(1).max(100_000_000).default(1_000_000),
});

/**
 * Verifies HMAC-signed API requests (R-SEC-1): known key, timestamp within the allowed clock skew,
 * correct signature, nonce not seen before for that key. Every refusal is `UNAUTHENTICATED` with a
 * {@link RequestAuthFailure} in `details.reason`; malformed non-credential parts are `INVALID_ARGUMENT`.
 * One verifier per process: the nonce memory is local to it.
 * @public
 */
export class RequestVerifier {
  readonly #lookupSecret: RequestVerifierOptions['lookupSecret'];
  readonly #clockSkewMs: number;
  readonly #now: () => number;
  readonly #nonces: NonceCache;

  constructor(options: RequestVerifierOptions) {
    const valid = parseInput(VerifierOptions, options, 'request verifier options');
    this.#lookupSecret = valid.lookupSecret;
    this.#clockSkewMs = valid.clockSkewMs;
    this.#now = valid.now ?? Date.now;
    this.#nonces = new NonceCache(valid.clockSkewMs, valid.maxNonces);
  }

  /** How many nonces are remembered now. @internal */
  get cachedNonces(): number {
    return this.#nonces.size;
  }

  /** Verifies a signed request and returns the key it was signed with. */
  async verify(request: SignedRequest): Promise<{ keyId: string }> {
    const { parts, signature } = parseSignedRequest(request);
    const keyId = parts.keyId;
    const now = this.#now();
    if (Math.abs(now - toMillis(parts.timestamp)) > this.#clockSkewMs) {
      refuse('clock-skew', 'The request timestamp is outside the allowed clock skew.', keyId);
    }
    const secret = await this.#lookupSecret(keyId);
    if (secret === undefined) refuse('unknown-key', 'Unknown API key.', keyId);
    const expected = hmac(secret, canonicalize(parts));
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
      refuse('signature', 'The request signature does not match.', keyId);
    }
    // Recorded only once authentic, so strangers cannot fill the memory; and after the last await, so
    // two concurrent copies of one request cannot both pass.
    if (!this.#nonces.add(keyId, parts.nonce, now))
      refuse('replay', 'The request nonce was already used.', keyId);
    return { keyId };
  }
}

function parseSignedRequest(request: SignedRequest): { parts: ParsedParts; signature: string } {
  const fields = parseInput(RequestFields, request, 'signed request');
  const credentials = CredentialFields.safeParse(request);
  if (!credentials.success) {
    const issues = credentials.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    refuse('malformed', 'The request credentials are malformed.', undefined, { issues });
  }
  const { signature, ...credentialParts } = credentials.data;
  return { parts: { ...fields, ...credentialParts }, signature };
}

function refuse(
  reason: RequestAuthFailure,
  message: string,
  keyId: string | undefined,
  extra: Record<string, unknown> = {},
): never {
  const details = { reason, ...(keyId === undefined ? {} : { keyId }), ...extra };
  throw new EcloudError('UNAUTHENTICATED', message, { details });
}

// Buckets of a quarter of the skew: dropping the oldest one under memory pressure forgets little.
const BUCKETS_PER_SKEW = 4;

/**
 * Nonces seen recently, in buckets by arrival time. A nonce need only be remembered while a request
 * carrying it could still pass the clock-skew check — at most 2 × skew after it was first accepted —
 * so whole buckets older than that are dropped as time moves, with no scan of single entries.
 */
class NonceCache {
  // Insertion order is bucket order, because the bucket index never goes back (see #newest).
  readonly #buckets = new Map<number, Set<string>>();
  readonly #width: number;
  readonly #max: number;
  #newest = Number.NEGATIVE_INFINITY;
  #size = 0;

  constructor(clockSkewMs: number, max: number) {
    this.#width = clockSkewMs / BUCKETS_PER_SKEW;
    this.#max = max;
  }

  get size(): number {
    return this.#size;
  }

  /** Remembers a nonce; false when it was already remembered for the key. */
  add(keyId: string, nonce: string, now: number): boolean {
    // A clock that steps back does not reopen old buckets or reorder the map.
    this.#newest = Math.max(this.#newest, Math.floor(now / this.#width));
    // A bucket spans one width, so its last entry is kept at least 2 × BUCKETS_PER_SKEW widths.
    this.#dropBefore(this.#newest - 2 * BUCKETS_PER_SKEW);
    const entry = fingerprint(keyId, nonce);
    for (const bucket of this.#buckets.values()) if (bucket.has(entry)) return false;
    while (this.#size >= this.#max) this.#dropOldest();
    const bucket = this.#buckets.get(this.#newest) ?? new Set<string>();
    this.#buckets.set(this.#newest, bucket.add(entry));
    this.#size += 1;
    return true;
  }

  #dropBefore(index: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (key >= index) return;
      this.#buckets.delete(key);
      this.#size -= bucket.size;
    }
  }

  #dropOldest(): void {
    for (const [key, bucket] of this.#buckets) {
      this.#buckets.delete(key);
      this.#size -= bucket.size;
      return;
    }
  }
}

// A fixed 22-character digest instead of the key id and nonce, up to 384 characters together: it bounds
// the memory per entry, and 128 bits leave collisions out of reach.
function fingerprint(keyId: string, nonce: string): string {
  return createHash('sha256').update(keyId).update('\n').update(nonce).digest('base64url').slice(0, 22);
}
