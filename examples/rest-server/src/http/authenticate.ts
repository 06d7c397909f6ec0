import { type CallContext, type Cloud, EcloudError } from '@ecloud/core';
import type { FastifyRequest } from 'fastify';

/**
 * The caller of a request, from its bearer token (`Authorization: Bearer <token>`), with where the
 * request came from for the audit log. No or a bad token is `UNAUTHENTICATED` (401).
 */
export async function authenticate(cloud: Cloud, request: FastifyRequest): Promise<CallContext> {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new EcloudError('UNAUTHENTICATED', 'This request needs a bearer token (POST /v1/auth/tokens).', {
      details: { reason: header === undefined ? 'missing' : 'malformed' },
    });
  }
  const ctx = await cloud.identity.authenticate(match[1]);
  const userAgent = request.headers['user-agent']?.slice(0, 512);
  return {
    ...ctx,
    source: { ip: request.ip, requestId: request.id, ...(userAgent ? { userAgent } : {}) },
  };
}
