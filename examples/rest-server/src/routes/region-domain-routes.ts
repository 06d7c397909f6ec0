import { CreateDomainInput, CreateRegionInput, Domain, Region, UpdateDomainInput } from '@ecloud/core';
import { recordRoutes } from './record-routes.js';
import { patchRoute, type RouteSpec } from './route.js';

/**
 * Regions (where datacenters are) and domains (groups of tenants administered together, R-SEC-1).
 * Regions are the system duty's and every tenant reads them; domains are made and changed by the
 * security duty, and a caller lists only the domains it is bound on unless it reaches the platform.
 */
export const REGION_DOMAIN_ROUTES: readonly RouteSpec[] = [
  ...recordRoutes(
    'regions',
    'region',
    Region,
    CreateRegionInput,
    'Creates a region; datacenters name it as theirs.',
  ),
  ...recordRoutes(
    'domains',
    'domain',
    Domain,
    CreateDomainInput,
    'Creates a domain; tenants are then created in it.',
  ),
  patchRoute({
    path: '/v1/domains/{id}',
    operationId: 'updateDomain',
    summary:
      "Renames, describes, disables or enables a domain (a disabled one takes no new tenants); `If-Match` guards against another's change.",
    tag: 'domains',
    body: UpdateDomainInput,
    record: Domain,
    current: (cloud, ctx, id) => cloud.domains.get(ctx, id),
    update: (cloud, ctx, id, body, expectedVersion) =>
      cloud.domains.update(ctx, id, expectedVersion === undefined ? body : { ...body, expectedVersion }),
    checksVersion: true,
  }),
];
