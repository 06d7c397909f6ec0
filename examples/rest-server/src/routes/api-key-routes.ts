import { z } from 'zod';
import { IdParams } from './http-schemas.js';
import { type RouteSpec, route } from './route.js';

const tag = 'identity';

/** A new API key as the core issues it (its `IssuedApiKey`): the secret is in this answer and no other. */
const IssuedApiKey = z.object({
  keyId: z.string(),
  secret: z
    .string()
    .describe('base64url; shown once — the server keeps it sealed and never answers it again'),
  principalId: z.string(),
});

/**
 * API keys of service accounts (R-SEC-1): a key's secret signs requests (HMAC) as the account. The
 * core stores the secret sealed with the cloud's key-encryption key; without one configured it makes
 * no keys (409 `ILLEGAL_STATE`).
 */
export const API_KEY_ROUTES: readonly RouteSpec[] = [
  route({
    method: 'POST',
    path: '/v1/users/{id}/api-keys',
    operationId: 'createApiKey',
    summary: 'Makes an API key for a service account and answers its secret — the only time it is shown.',
    tag,
    params: IdParams,
    response: { status: 201, schema: IssuedApiKey },
    // No `ETag`: the answer is not the stored key (which holds the sealed secret, never shown).
    handle: async ({ cloud, ctx, params }) => ({
      kind: 'json',
      status: 201,
      body: await cloud.identity.apiKeys.create(ctx, params.id),
      // Neither a proxy nor the idempotency cache may keep the secret.
      headers: { 'cache-control': 'no-store' },
    }),
  }),
  route({
    method: 'DELETE',
    path: '/v1/api-keys/{id}',
    operationId: 'revokeApiKey',
    summary: 'Revokes an API key: requests signed with it are refused from now on.',
    tag,
    params: IdParams,
    response: { status: 204 },
    handle: async ({ cloud, ctx, params }) => {
      await cloud.identity.apiKeys.revoke(ctx, params.id);
      return { kind: 'empty' };
    },
  }),
];
