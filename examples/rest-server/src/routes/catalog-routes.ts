import {
  Cluster,
  CreateClusterInput,
  CreateDatacenterInput,
  CreateImageInput,
  CreateOfferingInput,
  CreateTenantInput,
  Datacenter,
  Image,
  Offering,
  Tenant,
} from '@ecloud/core';
import type { z } from 'zod';
import { PageQuery } from './http-schemas.js';
import { getRoute, listRoute, type RouteSpec, route } from './route.js';

type Kind = 'datacenters' | 'clusters' | 'images' | 'offerings' | 'tenants';

/** List, create and read routes of one catalog kind, over the core's records of that kind. */
function records(kind: Kind, noun: string, record: z.ZodType, input: z.ZodType): RouteSpec[] {
  const name = noun[0]?.toUpperCase() + noun.slice(1);
  return [
    listRoute({
      path: `/v1/${kind}`,
      operationId: `list${name}s`,
      summary: `Lists the ${noun}s the caller may see.`,
      tag: kind,
      query: PageQuery,
      item: record,
      list: (cloud, ctx, query) => cloud[kind].list(ctx, query),
    }),
    route({
      method: 'POST',
      path: `/v1/${kind}`,
      operationId: `create${name}`,
      summary: `Creates a ${noun}.`,
      tag: kind,
      body: input,
      response: { status: 201, schema: record },
      handle: async ({ cloud, ctx, body }) => ({
        kind: 'record',
        status: 201,
        record: await (
          cloud[kind].create as (c: typeof ctx, i: unknown) => Promise<{ id: string; version: number }>
        )(ctx, body),
      }),
    }),
    getRoute({
      path: `/v1/${kind}/{id}`,
      operationId: `get${name}`,
      summary: `One ${noun}.`,
      tag: kind,
      record,
      get: (cloud, ctx, id) => cloud[kind].get(ctx, id),
    }),
  ];
}

/** The catalog: where instances run and what they are made from (R-COMP-4, R-DC). */
export const CATALOG_ROUTES: readonly RouteSpec[] = [
  ...records('datacenters', 'datacenter', Datacenter, CreateDatacenterInput),
  ...records('clusters', 'cluster', Cluster, CreateClusterInput),
  ...records('images', 'image', Image, CreateImageInput),
  ...records('offerings', 'offering', Offering, CreateOfferingInput),
  ...records('tenants', 'tenant', Tenant, CreateTenantInput),
];
