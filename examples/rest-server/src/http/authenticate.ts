import { type CallContext, type Cloud, EcloudError } from '@ecloud/core';
import type { FastifyRequest } from 'fastify';
import {
  parseSignatureHeader,
  SIGNATURE_SCHEME,
  type SignatureCredentials,
  usesSignatureScheme,
  verifySignedRequest,
} from './signed-request.js';

/** The credentials a request's `Authorization` header carries. */
type Credentials =
  | { readonly scheme: 'bearer'; readonly token: string }
  | { readonly scheme: 'signature'; readonly credentials: SignatureCredentials };

/**
 * The caller of a request, with where the request came from for the audit log. Two schemes:
 * `Authorization: Bearer <token>` (a token from `POST /v1/auth/tokens`) and
 * `Authorization: ECLOUD1-HMAC-SHA256 …` (a request signed with a service account's API key; see
 * `signed-request.ts`), whose signature covers the body — so, for a request with a body, call this once
 * the body is read. No, a malformed or a bad credential is `UNAUTHENTICATED` (401) with
 * `details.reason`.
 */
export async function authenticate(cloud: Cloud, request: FastifyRequest): Promise<CallContext> {
  const credentials = readCredentials(request);
  const ctx =
    credentials.scheme === 'bearer'
      ? await cloud.identity.authenticate(credentials.token)
      : await verifySignedRequest(cloud, request, credentials.credentials);
  return withSource(ctx, request);
}

/**
 * What can be authenticated before the body is read: the caller of a bearer token, `undefined` for a
 * well-formed signed request (its signature covers the body: {@link authenticate} it once the body is
 * read). Missing or malformed credentials are refused here, so a stranger's body is never read.
 */
export async function authenticateBeforeBody(
  cloud: Cloud,
  request: FastifyRequest,
): Promise<CallContext | undefined> {
  const credentials = readCredentials(request);
  if (credentials.scheme === 'signature') return undefined;
  return withSource(await cloud.identity.authenticate(credentials.token), request);
}

function readCredentials(request: FastifyRequest): Credentials {
  const header = request.headers.authorization;
  const bearer = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer?.[1]) return { scheme: 'bearer', token: bearer[1] };
  if (header !== undefined && usesSignatureScheme(header)) {
    return { scheme: 'signature', credentials: parseSignatureHeader(header) };
  }
  throw new EcloudError(
    'UNAUTHENTICATED',
    `This request needs a bearer token (POST /v1/auth/tokens) or an ${SIGNATURE_SCHEME} signature.`,
    { details: { reason: header === undefined ? 'missing' : 'malformed' } },
  );
}

function withSource(ctx: CallContext, request: FastifyRequest): CallContext {
  const userAgent = request.headers['user-agent']?.slice(0, 512);
  return {
    ...ctx,
    source: { ip: request.ip, requestId: request.id, ...(userAgent ? { userAgent } : {}) },
  };
}
