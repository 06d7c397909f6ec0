import { createHash, createHmac, randomBytes } from 'node:crypto';
import { EcloudApiError } from '../errors/ecloud-api-error.js';

/** The `Authorization` scheme of signed requests, and the first line of every canonical request. @internal */
export const SIGNATURE_SCHEME = 'ECLOUD1-HMAC-SHA256';

/**
 * A service account's API key, as the server issued it, to sign requests with instead of a bearer token.
 * @public
 */
export interface ApiKeyCredentials {
  /** The key's id (`keyId`). */
  readonly keyId: string;
  /** The key's secret exactly as issued (base64url); never sent, only used to sign. */
  readonly secret: string;
}

/** What one signature covers; `query` as the server will decode it. @internal */
export interface CanonicalParts {
  readonly method: string;
  /** The path exactly as sent, percent-encoding kept, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The lower-case hex SHA-256 of the body's bytes as sent (of nothing when there is no body). */
  readonly bodySha256: string;
  /** Epoch milliseconds. */
  readonly timestamp: number;
  readonly nonce: string;
  readonly keyId: string;
}

// The header's parameters are comma-separated and unquoted, so a key id holds no ',', '"' or '\'.
const KEY_ID = /^[!#-+\--[\]-~]{1,256}$/;
const SECRET = /^[A-Za-z0-9_-]+={0,2}$/;
const MIN_SECRET_BYTES = 16;

/**
 * The canonical request a signature covers, as the server's OpenAPI document describes it
 * (`components.securitySchemes.signedRequest`): the scheme name, the upper-case method, the path, the
 * query (pairs RFC 3986-encoded, sorted by name then value), the body hash, the timestamp, the nonce
 * and the key id, joined by `\n`.
 * @internal
 */
export function canonicalRequest(parts: CanonicalParts): string {
  const pairs = [...parts.query].map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const);
  pairs.sort(([n1, v1], [n2, v2]) => compare(n1, n2) || compare(v1, v2));
  return [
    SIGNATURE_SCHEME,
    parts.method.toUpperCase(),
    parts.path,
    pairs.map(([name, value]) => `${name}=${value}`).join('&'),
    parts.bodySha256,
    String(parts.timestamp),
    parts.nonce,
    parts.keyId,
  ].join('\n');
}

/** The lower-case hex SHA-256 of a body as sent; `undefined` is no body. @internal */
export function bodySha256(body: string | undefined): string {
  return createHash('sha256')
    .update(body ?? '')
    .digest('hex');
}

/** When and with which nonce a request is signed; new for every try of a request. @internal */
export interface SigningMoment {
  readonly timestamp: number;
  readonly nonce: string;
}

/**
 * Signs requests with an API key: the `Authorization` header of each try of a request, with a fresh
 * nonce and timestamp — the server refuses a nonce it has seen, so a retry must not repeat one.
 * @internal
 */
export class RequestSigner {
  readonly #keyId: string;
  readonly #secret: Buffer;

  /** Checks the credentials: a bad key id or secret is `INVALID_ARGUMENT`, before any request. */
  constructor(credentials: ApiKeyCredentials) {
    const { keyId, secret } = credentials ?? {};
    if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) {
      throw invalid('apiKey.keyId', "must be 1–256 printable ASCII characters without ',', '\"' or '\\'");
    }
    const bytes = typeof secret === 'string' && SECRET.test(secret) ? Buffer.from(secret, 'base64url') : null;
    if (bytes === null || bytes.length < MIN_SECRET_BYTES) {
      throw invalid(
        'apiKey.secret',
        `must be the base64url secret as issued (${MIN_SECRET_BYTES} bytes or more)`,
      );
    }
    this.#keyId = keyId;
    this.#secret = bytes;
  }

  /** The `Authorization` value of one try of a request to `url` (as sent) with `body` (as sent). */
  authorization(method: string, url: URL, body: string | undefined, at: SigningMoment = now()): string {
    const canonical = canonicalRequest({
      method,
      path: url.pathname,
      // Re-read from the URL's text, as the server reads it: a value the URL had to repair (a lone
      // surrogate) is signed as it goes over the wire.
      query: new URLSearchParams(url.search),
      bodySha256: bodySha256(body),
      timestamp: at.timestamp,
      nonce: at.nonce,
      keyId: this.#keyId,
    });
    const signature = createHmac('sha256', this.#secret).update(canonical, 'utf8').digest('hex');
    return `${SIGNATURE_SCHEME} Credential=${this.#keyId}, Nonce=${at.nonce}, Timestamp=${at.timestamp}, Signature=${signature}`;
  }
}

function now(): SigningMoment {
  return { timestamp: Date.now(), nonce: randomBytes(18).toString('base64url') };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encodeRfc3986(text: string): string {
  // encodeURIComponent leaves !'()* alone, which RFC 3986 reserves.
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function invalid(path: string, message: string): EcloudApiError {
  return new EcloudApiError({
    status: 0,
    code: 'INVALID_ARGUMENT',
    detail: `Invalid ${path}: ${message}.`,
    retryable: false,
    details: { issues: [{ path, message }] },
  });
}
