import { Tenant, UpdateTenantInput } from '@ecloud/core';
import { patchRoute, type RouteSpec } from './route.js';

/**
 * Changing a tenant (R-SEC-5): rename, reclassify, disable — a disabled tenant keeps its resources but
 * takes no new ones. The security duty's (`tenant:update`); list, create and read are catalog routes.
 */
export const TENANT_UPDATE_ROUTES: readonly RouteSpec[] = [
  patchRoute({
    path: '/v1/tenants/{id}',
    operationId: 'updateTenant',
    summary:
      "Renames, reclassifies, disables or enables a tenant; `If-Match` guards against another's change.",
    tag: 'tenants',
    body: UpdateTenantInput,
    record: Tenant,
    current: (cloud, ctx, id) => cloud.tenants.get(ctx, id),
    update: (cloud, ctx, id, body, expectedVersion) =>
      cloud.tenants.update(ctx, id, expectedVersion === undefined ? body : { ...body, expectedVersion }),
    checksVersion: true,
  }),
];
