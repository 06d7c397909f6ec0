import type { QueryValue } from './request-url.js';

/**
 * Options every call takes.
 * @public
 */
export interface CallOptions {
  /** Aborts the call (and its retries); it then fails with `CANCELLED`. */
  readonly signal?: AbortSignal;
}

/**
 * Options of a call that starts something (a POST).
 * @public
 */
export interface PostOptions extends CallOptions {
  /** The `Idempotency-Key` to send; by default a new random one per call, reused by its retries. */
  readonly idempotencyKey?: string;
}

/** One request as the resources describe it to the transport. @internal */
export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path with its ids already encoded: `/v1/instances/vm-1`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON when defined. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Makes a POST safe to send again. */
  readonly idempotencyKey?: string;
  /** False for the one open route, logging in. */
  readonly authenticated?: boolean;
  readonly signal?: AbortSignal;
}

/** What the resources send requests through. @internal */
export interface ApiCaller {
  send<T>(request: ApiRequest): Promise<T>;
}
