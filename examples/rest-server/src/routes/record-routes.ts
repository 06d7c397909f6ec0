import type { z } from 'zod';
import { PageQuery } from './http-schemas.js';
import { createRoute, getRoute, listRoute, type RouteSpec } from './route.js';

/** The kinds of the cloud whose records are listed, made and read the same way. */
export type RecordKind =
  | 'regions'
  | 'domains'
  | 'datacenters'
  | 'clusters'
  | 'images'
  | 'offerings'
  | 'tenants';

/**
 * List, create and read routes of one kind, over the core's records of that kind (`cloud[kind]`):
 * `GET /v1/{kind}`, `POST /v1/{kind}` (201 with the record and its `ETag`), `GET /v1/{kind}/{id}`.
 * `createSummary` says more of what a new record is for than "Creates a …".
 */
export function recordRoutes(
  kind: RecordKind,
  noun: string,
  record: z.ZodType,
  input: z.ZodType,
  createSummary = `Creates a ${noun}.`,
): RouteSpec[] {
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
    createRoute({
      path: `/v1/${kind}`,
      operationId: `create${name}`,
      summary: createSummary,
      tag: kind,
      body: input,
      record,
      create: (cloud, ctx, body) =>
        (cloud[kind].create as (c: typeof ctx, i: unknown) => Promise<{ id: string; version: number }>)(
          ctx,
          body,
        ),
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
