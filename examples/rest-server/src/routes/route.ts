import type { CallContext, Cloud, JobHandle, Page } from '@ecloud/core';
import type { z } from 'zod';
import type { Versioned } from '../http/etag.js';

/** What a handler answers; the server turns each kind into status, headers and body. */
export type RouteReply =
  /** One record: 200 (or `status`), with its `ETag`. */
  | { readonly kind: 'record'; readonly record: Versioned; readonly status?: 200 | 201 }
  /** One page of a list: `{ items, nextCursor }` and a `Link: rel="next"` header. */
  | { readonly kind: 'page'; readonly page: Page<unknown> }
  /** A long operation: 202, `Location: /v1/jobs/{id}`, the job as it is now. */
  | { readonly kind: 'job'; readonly handle: JobHandle<unknown> }
  /** Nothing to say: 204. */
  | { readonly kind: 'empty' }
  /** Anything else: a JSON body with its status. */
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown };

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
