import type { CallContext, Cloud, JobHandle, JsonPage, Page } from '@ecloud/core';
import type { z } from 'zod';
import { checkIfMatch, expectedVersionOf, type Versioned, withCurrentTag } from '../http/etag.js';
import { IdParams, pageOf } from './http-schemas.js';

/** What a handler answers; the server turns each kind into status, headers and body. */
export type RouteReply =
  /** One record: 200 (or `status`), with its `ETag`. */
  | { readonly kind: 'record'; readonly record: Versioned; readonly status?: 200 | 201 }
  /**
   * One page of a list: `{ items, nextCursor }` and a `Link: rel="next"` header. A `JsonPage` (records
   * still as stored JSON) is answered without parsing them.
   */
  | { readonly kind: 'page'; readonly page: Page<unknown> | JsonPage }
  /** A long operation: 202, `Location: /v1/jobs/{id}`, the job as it is now. */
  | { readonly kind: 'job'; readonly handle: JobHandle<unknown> }
  /** Nothing to say: 204. */
  | { readonly kind: 'empty' }
  /** Anything else: a JSON body with its status. */
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly body: unknown;
      /** Extra headers, e.g. `cache-control: no-store` on an answer holding a secret. */
      readonly headers?: Readonly<Record<string, string>>;
    };

/** What a handler works with: the cloud, the caller, and the request's validated parts. */
export interface RouteInput<P, Q, B> {
  readonly cloud: Cloud;
  /** The authenticated caller (a route with `auth: false` gets an anonymous context it must not use). */
  readonly ctx: CallContext;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The request's `If-Match` header, for updates. */
  readonly ifMatch: string | undefined;
  /** The request's `Idempotency-Key` header, for operations the core can make idempotent itself. */
  readonly idempotencyKey: string | undefined;
}

/**
 * One HTTP operation, defined once: the server registers it, validates with its schemas, and the
 * OpenAPI document is written from the same definition — no second copy of a model.
 */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** OpenAPI form: `/v1/instances/{id}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /** Open routes (logging in, health) need no caller. Default: authenticated. */
  readonly auth?: false;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** The success answer: its status and, for a body, the schema of what it holds. */
  readonly response: { readonly status: 200 | 201 | 202 | 204; readonly schema?: z.ZodType };
  handle(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<RouteReply>;
}

/** Keeps a route's types tied to its schemas. */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** What the list and read routes share: where they are and how the OpenAPI document names them. */
interface ReadRouteSpec {
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
}

/** `GET` one page of a list: the query validated by `query`, the answer a page of `item`. */
export function listRoute<Q extends z.ZodType>(
  spec: ReadRouteSpec & {
    readonly query: Q;
    readonly item: z.ZodType;
    readonly list: (cloud: Cloud, ctx: CallContext, query: z.output<Q>) => Promise<Page<unknown> | JsonPage>;
  },
): RouteSpec {
  const { query, item, list, ...where } = spec;
  return route({
    ...where,
    method: 'GET',
    query,
    response: { status: 200, schema: pageOf(item) },
    handle: async ({ cloud, ctx, query: parsed }) => ({ kind: 'page', page: await list(cloud, ctx, parsed) }),
  });
}

/** `GET` one record by the `{id}` of its path, answered with its `ETag`. */
export function getRoute(
  spec: ReadRouteSpec & {
    readonly record: z.ZodType;
    readonly get: (cloud: Cloud, ctx: CallContext, id: string) => Promise<Versioned>;
  },
): RouteSpec {
  const { record, get, ...where } = spec;
  return route({
    ...where,
    method: 'GET',
    params: IdParams,
    response: { status: 200, schema: record },
    handle: async ({ cloud, ctx, params }) => ({ kind: 'record', record: await get(cloud, ctx, params.id) }),
  });
}

/** `POST` a new record made from `body`: 201 with the record and its `ETag`. */
export function createRoute<B extends z.ZodType>(
  spec: ReadRouteSpec & {
    readonly body: B;
    readonly record: z.ZodType;
    readonly create: (cloud: Cloud, ctx: CallContext, body: z.output<B>) => Promise<Versioned>;
  },
): RouteSpec {
  const { body, record, create, ...where } = spec;
  return route({
    ...where,
    method: 'POST',
    body,
    response: { status: 201, schema: record },
    handle: async ({ cloud, ctx, body: parsed }) => ({
      kind: 'record',
      status: 201,
      record: await create(cloud, ctx, parsed),
    }),
  });
}

/**
 * `PATCH` one record by the `{id}` of its path with `body`, answered with its new `ETag`. Where the core's
 * update takes an `expectedVersion` (`checksVersion`), `If-Match` becomes it and is checked in the
 * update's own transaction; otherwise — or for a header listing several of the record's tags — it is
 * compared with the record as `current` reads it just before the update, so two racing changes with the
 * same tag can both land.
 */
export function patchRoute<B extends z.ZodType>(
  spec: ReadRouteSpec & {
    readonly body: B;
    readonly record: z.ZodType;
    readonly current: (cloud: Cloud, ctx: CallContext, id: string) => Promise<Versioned>;
    readonly update: (
      cloud: Cloud,
      ctx: CallContext,
      id: string,
      body: z.output<B>,
      expectedVersion: number | undefined,
    ) => Promise<Versioned>;
    readonly checksVersion?: true;
  },
): RouteSpec {
  const { body, record, current, update, checksVersion, ...where } = spec;
  return route({
    ...where,
    method: 'PATCH',
    params: IdParams,
    body,
    response: { status: 200, schema: record },
    handle: async ({ cloud, ctx, params, body: parsed, ifMatch }) => {
      const expected = checksVersion ? expectedVersionOf(ifMatch, params.id) : 'read';
      if (ifMatch !== undefined && expected === 'read')
        checkIfMatch(ifMatch, await current(cloud, ctx, params.id));
      const version = typeof expected === 'number' ? expected : undefined;
      const updated = await update(cloud, ctx, params.id, parsed, version).catch(withCurrentTag);
      return { kind: 'record', record: updated };
    },
  });
}
