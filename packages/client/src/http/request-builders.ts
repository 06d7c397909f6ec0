import type { ApiRequest, CallOptions, PostOptions } from './api-request.js';
import { newIdempotencyKey } from './idempotency-key.js';
import type { QueryValue } from './request-url.js';

/** A read, with the caller's signal. @internal */
export function getRequest(
  path: string,
  query: Readonly<Record<string, QueryValue>> = {},
  options: CallOptions = {},
): ApiRequest {
  return { method: 'GET', path, query, ...signalOf(options) };
}

/**
 * A POST that starts something: it always carries an `Idempotency-Key` (the caller's, else a new one),
 * so the transport may repeat it after a lost answer without starting it twice.
 * @internal
 */
export function postRequest(path: string, body: unknown, options: PostOptions = {}): ApiRequest {
  return {
    method: 'POST',
    path,
    ...(body === undefined ? {} : { body }),
    idempotencyKey: options.idempotencyKey ?? newIdempotencyKey(),
    ...signalOf(options),
  };
}

/** A DELETE, with the caller's signal. @internal */
export function deleteRequest(path: string, options: CallOptions = {}): ApiRequest {
  return { method: 'DELETE', path, ...signalOf(options) };
}

/** The caller's signal, if any (kept out of the object otherwise: exact optional properties). @internal */
export function signalOf(options: CallOptions): { signal?: AbortSignal } {
  return options.signal === undefined ? {} : { signal: options.signal };
}
