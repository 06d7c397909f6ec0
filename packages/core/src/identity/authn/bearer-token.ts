import { createHmac, createSecretKey, type KeyObject, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { EcloudError } from '../../errors/ecloud-error.js';
import { parseInput } from '../../model/validate.js';

const VERSION = 'v1';
const MAX_TOKEN_LENGTH = 4096;
// Clocks of management nodes drift a little; a token minted a moment "in the future" is still fine.
const ISSUED_AT_LEEWAY_S = 30;
const MAX_TTL_MS = 24 * 60 * 60_000;

const KeyId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1–64 of [A-Za-z0-9._-]' });
const Subject = z.string().min(1).max(256);
const TenantId = z.string().min(1).max(128);
const Seconds = z.number().int().min(0).max(8.64e12);

/** A key tokens are signed with: an id carried in each token and a secret of at least 32 bytes. @public */
export interface TokenKey {
  readonly id: string;
  readonly secret: Buffer;
}

/** Options of a {@link TokenIssuer}. @public */
export interface TokenIssuerOptions {
  /** The first key signs new tokens; the others still verify, so keys can be rotated without a logout. */
  readonly keys: readonly TokenKey[];
  /** How long a token lives; default 15 minutes, at most 24 hours. */
  readonly ttlMs?: number;
  /** The clock, in epoch milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

const IssuerOptions = z.strictObject({
  keys: z
    .array(
      z.strictObject({
        id: KeyId,
        secret: z
          .instanceof(Buffer)
          .refine((secret) => secret.length >= 32, { message: 'needs at least 32 bytes' }),
      }),
    )
    .min(1)
    .max(16)
    .refine((keys) => new Set(keys.map((key) => key.id)).size === keys.length, {
      message: 'ids must be unique',
    }),
  ttlMs: z
    .number()
    .int()
    .min(1000)
    .max(MAX_TTL_MS)
    .default(15 * 60_000),
  now: z.custom<() => number>((v) => typeof v === 'function', { message: 'must be a function' }).optional(),
});

// Strict: a token with fields this version does not know was not made by it.
const Payload = z.strictObject({
  sub: Subject,
  kid: KeyId.optional(),
  tid: TenantId.optional(),
  iat: Seconds,
  exp: Seconds,
  jti: z.string().min(1).max(64),
});
type Payload = z.infer<typeof Payload>;

/** Claims a token may carry besides its subject. @public */
export interface TokenClaims {
  /** The tenant the token is scoped to. */
  readonly tenantId?: string;
}

/** A newly issued token. @public */
export interface IssuedToken {
  /** `v1.<payload base64url>.<HMAC-SHA256 base64url>`. */
  readonly token: string;
  /** When it stops being accepted, ISO 8601. */
  readonly expiresAt: string;
}

/** What a valid token says. @public */
export interface VerifiedToken {
  readonly subject: string;
  readonly tenantId?: string;
  /** ISO 8601. */
  readonly expiresAt: string;
  /** The token's unique id, for revocation lists and audit. */
  readonly jti: string;
}

/** Verified tokens remembered at most (about 3 MB). */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Why a token was refused, in `details.reason` of the `UNAUTHENTICATED` error. @public */
export type TokenFailure = 'malformed' | 'signature' | 'expired' | 'not-yet-valid' | 'unknown-key';

/**
 * Issues and verifies short-lived bearer tokens signed with HMAC-SHA256 (R-SEC-1). The payload names the
 * key that signed it, so verification picks that key among those configured; every refusal is
 * `UNAUTHENTICATED` with a {@link TokenFailure} in `details.reason`, never a crash on bad input.
 * @public
 */
export class TokenIssuer {
  // KeyObjects, so that the secrets do not show when the issuer is logged or inspected.
  readonly #keys: ReadonlyMap<string, KeyObject>;
  readonly #signingKeyId: string;
  readonly #ttlMs: number;
  readonly #now: () => number;
  /**
   * Tokens whose signature checked out, with their payload: a client sends the same token on every
   * request, and the HMAC and decoding were a tenth of a request's cost. Times are still checked on
   * every use. Bounded; the oldest are dropped first.
   */
  readonly #verified = new Map<string, Payload>();

  constructor(options: TokenIssuerOptions) {
    const valid = parseInput(IssuerOptions, options, 'token issuer options');
    this.#keys = new Map(valid.keys.map((key) => [key.id, createSecretKey(key.secret)]));
    this.#signingKeyId = valid.keys[0]?.id ?? '';
    this.#ttlMs = valid.ttlMs;
    this.#now = valid.now ?? Date.now;
  }

  /** Issues a token for `subject`, signed with the first key. Throws `INVALID_ARGUMENT` for bad input. */
  issue(subject: string, claims: TokenClaims = {}): IssuedToken {
    const sub = parseInput(Subject, subject, 'token subject');
    const tid =
      claims.tenantId === undefined ? undefined : parseInput(TenantId, claims.tenantId, 'tenant id');
    const iat = Math.floor(this.#now() / 1000);
    const exp = iat + Math.floor(this.#ttlMs / 1000);
    const payload: Payload = {
      sub,
      kid: this.#signingKeyId,
      ...(tid === undefined ? {} : { tid }),
      iat,
      exp,
      jti: randomBytes(16).toString('base64url'),
    };
    const signed = `${VERSION}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
    const token = `${signed}.${this.#sign(this.#signingKeyId, signed).toString('base64url')}`;
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** Verifies a token; throws `UNAUTHENTICATED` with the reason when it is not acceptable now. */
  verify(token: string): VerifiedToken {
    const payload = this.#verified.get(token) ?? this.#checkSignature(token);
    // Checked after the signature, so that a forged token learns nothing about the clock.
    this.#checkTimes(payload);
    return {
      subject: payload.sub,
      ...(payload.tid === undefined ? {} : { tenantId: payload.tid }),
      expiresAt: new Date(payload.exp * 1000).toISOString(),
      jti: payload.jti,
    };
  }

  /** The payload of a token whose signature is one of ours, remembered for its next use. */
  #checkSignature(token: string): Payload {
    const { signed, payload, signature } = decodeToken(token);
    // Without a key id the token can only be one of the current signing key.
    const kid = payload.kid ?? this.#signingKeyId;
    if (!this.#keys.has(kid)) refuse('unknown-key', 'The token was signed with an unknown key.');
    const expected = this.#sign(kid, signed);
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
      refuse('signature', 'The token signature does not match.');
    }
    if (this.#verified.size >= VERIFIED_TOKENS_KEPT) {
      const oldest = this.#verified.keys().next();
      if (oldest.done !== true) this.#verified.delete(oldest.value);
    }
    this.#verified.set(token, payload);
    return payload;
  }

  #checkTimes(payload: Payload): void {
    const nowMs = this.#now();
    if (payload.iat * 1000 > nowMs + ISSUED_AT_LEEWAY_S * 1000) {
      refuse('not-yet-valid', 'The token was issued in the future.');
    }
    if (nowMs >= payload.exp * 1000) refuse('expired', 'The token has expired.');
  }

  #sign(keyId: string, signed: string): Buffer {
    const key = this.#keys.get(keyId);
    if (key === undefined) throw new EcloudError('INTERNAL', `No token key ${keyId}.`);
    return createHmac('sha256', key).update(signed, 'ascii').digest();
  }
}

function decodeToken(token: string): { signed: string; payload: Payload; signature: Buffer } {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH)
    refuse('malformed', 'The token is malformed.');
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) refuse('malformed', 'The token is malformed.');
  const [version, payloadText, signatureText] = parts as [string, string, string];
  const payloadBytes = strictBase64url(payloadText);
  const signature = strictBase64url(signatureText);
  if (payloadBytes === undefined || signature === undefined) refuse('malformed', 'The token is malformed.');
  const payload = parsePayload(payloadBytes);
  return { signed: `${version}.${payloadText}`, payload, signature };
}

function parsePayload(bytes: Buffer): Payload {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    refuse('malformed', 'The token payload is not JSON.');
  }
  const parsed = Payload.safeParse(json);
  if (!parsed.success || parsed.data.exp <= parsed.data.iat)
    refuse('malformed', 'The token payload is malformed.');
  return parsed.data;
}

// Canonical base64url only: Node's decoder skips stray characters and ignores trailing bits, which would
// let several strings pass for one token.
function strictBase64url(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64url');
  return /^[A-Za-z0-9_-]+$/.test(text) && bytes.toString('base64url') === text ? bytes : undefined;
}

function refuse(reason: TokenFailure, message: string): never {
  throw new EcloudError('UNAUTHENTICATED', message, { details: { reason } });
}
