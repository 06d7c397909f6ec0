import { Quota, QuotaLimits } from '@ecloud/core';
import { z } from 'zod';
import { IdParams } from './http-schemas.js';
import { patchRoute, type RouteSpec, route } from './route.js';

const tag = 'quotas';

/**
 * A quota as answered: the core's record, but a tenant that never had a limit set has none stored and
 * is answered at version 0, which the stored record's schema (positive versions) does not admit.
 */
const QuotaAnswer = Quota.extend({ version: z.number().int().nonnegative() });

/**
 * Tenant quotas (R-SEC-7). The core checks them in the same transaction as every reservation, so a
 * limit set here stops the next create that would pass it (422 `QUOTA_EXCEEDED`). Reading is the
 * tenant's (`quota:read`), setting the platform's (`quota:update`).
 */
export const QUOTA_ROUTES: readonly RouteSpec[] = [
  route({
    method: 'GET',
    path: '/v1/tenants/{id}/quota',
    operationId: 'getTenantQuota',
    summary: "A tenant's limits and what it uses now, with its `ETag` (usage changes it too).",
    tag,
    params: IdParams,
    response: { status: 200, schema: QuotaAnswer },
    handle: async ({ cloud, ctx, params }) => ({
      kind: 'record',
      record: await cloud.quotas.get(ctx, params.id),
    }),
  }),
  patchRoute({
    path: '/v1/tenants/{id}/quota',
    operationId: 'setTenantQuota',
    summary:
      "Sets some of a tenant's limits (null lifts one; left out keeps it); `If-Match` guards against another's change.",
    tag,
    body: QuotaLimits,
    record: Quota,
    current: (cloud, ctx, id) => cloud.quotas.get(ctx, id),
    update: (cloud, ctx, id, body) => cloud.quotas.set(ctx, id, body),
  }),
];
