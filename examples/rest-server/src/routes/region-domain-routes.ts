import { CreateDomainInput, CreateRegionInput, Domain, Region, UpdateDomainInput } from '@ecloud/core';
import { PageQuery } from './http-schemas.js';
import { getRoute, listRoute, patchRoute, type RouteSpec, route } from './route.js';

/**
 * Regions (where datacenters are) and domains (groups of tenants administered together, R-SEC-1).
 * Regions are the system duty's and every tenant reads them; domains are made and changed by the
 * security duty, and a caller lists only the domains it is bound on unless it reaches the platform.
 */
export const REGION_DOMAIN_ROUTES: readonly RouteSpec[] = [
  listRoute({
    path: '/v1/regions',
    operationId: 'listRegions',
    summary: 'Lists the regions.',
    tag: 'regions',
    query: PageQuery,
    item: Region,
    list: (cloud, ctx, query) => cloud.regions.list(ctx, query),
  }),
  route({
    method: 'POST',
    path: '/v1/regions',
    operationId: 'createRegion',
    summary: 'Creates a region; datacenters name it as theirs.',
    tag: 'regions',
    body: CreateRegionInput,
    response: { status: 201, schema: Region },
    handle: async ({ cloud, ctx, body }) => ({
      kind: 'record',
      status: 201,
      record: await cloud.regions.create(ctx, body),
    }),
  }),
  getRoute({
    path: '/v1/regions/{id}',
    operationId: 'getRegion',
    summary: 'One region.',
    tag: 'regions',
    record: Region,
    get: (cloud, ctx, id) => cloud.regions.get(ctx, id),
  }),
  listRoute({
    path: '/v1/domains',
    operationId: 'listDomains',
    summary: 'Lists the domains the caller may see.',
    tag: 'domains',
    query: PageQuery,
    item: Domain,
    list: (cloud, ctx, query) => cloud.domains.list(ctx, query),
  }),
  route({
    method: 'POST',
    path: '/v1/domains',
    operationId: 'createDomain',
    summary: 'Creates a domain; tenants are then created in it.',
    tag: 'domains',
    body: CreateDomainInput,
    response: { status: 201, schema: Domain },
    handle: async ({ cloud, ctx, body }) => ({
      kind: 'record',
      status: 201,
      record: await cloud.domains.create(ctx, body),
    }),
  }),
  getRoute({
    path: '/v1/domains/{id}',
    operationId: 'getDomain',
    summary: 'One domain.',
    tag: 'domains',
    record: Domain,
    get: (cloud, ctx, id) => cloud.domains.get(ctx, id),
  }),
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
