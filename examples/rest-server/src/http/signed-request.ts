import { type CallContext, type Cloud, EcloudError, type SignedRequest, sha256Hex } from '@ecloud/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * The `Authorization` scheme of API-key signed requests — also the first line of the canonical request
 * core signs:
 *
 * `Authorization: ECLOUD1-HMAC-SHA256 Credential=<keyId>, Nonce=<nonce>, Timestamp=<ms|ISO 8601>, Signature=<hex>`
 */
export const SIGNATURE_SCHEME = 'ECLOUD1-HMAC-SHA256';

// The four parameters fit in ~550 characters; anything much longer is not ours to parse.
const MAX_HEADER_LENGTH = 1024;
const EMPTY_BODY_SHA256 = sha256Hex('');

/**
 * The credentials of a signed request's `Authorization` header. Values are checked here as core
 * checks them, so that a bad header is refused with the parameter named before anything is looked up.
 */
const SignatureParams = z.strictObject({
  // Printable ASCII as core's key ids, but no ',' — it separates the parameters.
  credential: z
    .string()
    .regex(/^[!-+\--~]{1,256}$/, { message: "must be 1–256 printable ASCII characters, no ','" }),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, { message: 'must be 16–128 of [A-Za-z0-9_-]' }),
  timestamp: z.union(
    [
      z
        .string()
        .regex(/^\d{1,16}$/)
        .transform(Number),
      z.iso.datetime({ offset: true }),
    ],
    { message: 'must be epoch milliseconds or an ISO 8601 date-time with an offset' },
  ),
  signature: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hex digits' }),
});

/** What a signed request's `Authorization` header says (the output of its schema). */
export type SignatureCredentials = z.output<typeof SignatureParams>;

/** Whether an `Authorization` header uses {@link SIGNATURE_SCHEME} (the scheme name is case-insensitive). */
export function usesSignatureScheme(header: string): boolean {
  return /^ECLOUD1-HMAC-SHA256(?:\s|$)/i.test(header);
}

/**
 * Reads the parameters of a {@link SIGNATURE_SCHEME} header: `Name=value` pairs separated by commas,
 * names case-insensitive, each exactly once, a value optionally in double quotes. Anything else is
 * `UNAUTHENTICATED` with `details.reason` `malformed` and the faulty parameters in `details.issues`.
 */
export function parseSignatureHeader(header: string): SignatureCredentials {
  if (header.length > MAX_HEADER_LENGTH) malformed(`longer than ${MAX_HEADER_LENGTH} characters`);
  const params = new Map<string, string>();
  for (const part of header.replace(/^\S+\s*/, '').split(',')) {
    const pair = /^\s*([A-Za-z]+)=(?:"([^"\\]*)"|([^\s",\\]*))\s*$/.exec(part);
    if (!pair?.[1]) malformed('each parameter must be Name=value, separated by commas');
    const name = pair[1].toLowerCase();
    if (params.has(name)) malformed(`${pair[1]} is given twice`);
    params.set(name, pair[2] ?? pair[3] ?? '');
  }
  const parsed = SignatureParams.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    malformed(
      'see details.issues',
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/**
 * The caller a signed request stands for, verified by core (`cloud.identity.apiKeys`): the method, the
 * path and query exactly as sent, and the SHA-256 of the body's bytes as received (`request.rawBody`;
 * none is the empty body). Every refusal is `UNAUTHENTICATED` with core's `details.reason`
 * (`unknown-key`, `clock-skew`, `signature`, `replay`, `principal`); a request target core cannot sign
 * (a `#`, over 1,000 query parameters) is `malformed`, never a 400 or a 500.
 */
export async function verifySignedRequest(
  cloud: Cloud,
  request: FastifyRequest,
  credentials: SignatureCredentials,
): Promise<CallContext> {
  const target = request.url;
  const mark = target.indexOf('?');
  const signed: SignedRequest = {
    method: request.method,
    path: mark === -1 ? target : target.slice(0, mark),
    query: new URLSearchParams(mark === -1 ? '' : target.slice(mark + 1)),
    bodySha256: request.rawBody === undefined ? EMPTY_BODY_SHA256 : sha256Hex(request.rawBody),
    keyId: credentials.credential,
    nonce: credentials.nonce,
    timestamp: credentials.timestamp,
    signature: credentials.signature,
  };
  try {
    return await cloud.identity.apiKeys.authenticateRequest(signed);
  } catch (error) {
    // Core refuses parts it cannot put in a canonical request as the caller's bad argument; at the edge
    // that is a request nobody can have signed.
    if (EcloudError.is(error) && error.code === 'INVALID_ARGUMENT') malformed(error.message);
    throw error;
  }
}

function malformed(why: string, issues?: ReadonlyArray<{ path: string; message: string }>): never {
  throw new EcloudError('UNAUTHENTICATED', `The ${SIGNATURE_SCHEME} credentials are malformed: ${why}.`, {
    details: { reason: 'malformed', ...(issues ? { issues } : {}) },
  });
}
