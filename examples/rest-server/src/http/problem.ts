import { EcloudError, ERROR_CODES, type ErrorCode, toEcloudError } from '@ecloud/core';

/**
 * The HTTP status of each error code: the caller's mistakes are 4xx (401 unauthenticated, 403 not
 * permitted, 404 unknown or not visible — a foreign tenant's id included), conflicts with the
 * resource's state 409, what the platform cannot do now 503 (retryable), a hypervisor's failure 502.
 * Only a bug is 500.
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  CONFLICT: 409,
  ILLEGAL_STATE: 409,
  CANCELLED: 409,
  QUOTA_EXCEEDED: 422,
  UNSUPPORTED: 422,
  INSUFFICIENT_CAPACITY: 503,
  IDENTITY_PROVIDER_UNAVAILABLE: 503,
  DRIVER_UNAVAILABLE: 503,
  INTERRUPTED: 503,
  STORE_FAILURE: 503,
  DRIVER_FAILURE: 502,
  TIMEOUT: 504,
  INCOMPATIBLE_DRIVER: 500,
  INTERNAL: 500,
};

/** An RFC 9457 problem document, with our error code. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly instance?: string;
}

/** The media type of problem documents. */
export const PROBLEM_JSON = 'application/problem+json';

/**
 * Any error as a problem document. An `EcloudError` keeps its code, message and details; anything else
 * is `INTERNAL`, and its message stays in the log, never in the answer.
 */
export function problemOf(error: unknown, instance?: string, status?: number): Problem {
  const failure = EcloudError.is(error) ? error : toEcloudError(error);
  const code = failure.code;
  return {
    type: `urn:ecloud:error:${code}`,
    title: ERROR_CODES[code].description,
    status: status ?? HTTP_STATUS[code],
    detail: code === 'INTERNAL' ? 'An unexpected error occurred; it has been logged.' : failure.message,
    code,
    retryable: failure.retryable,
    ...(code !== 'INTERNAL' && Object.keys(failure.details).length > 0 ? { details: failure.details } : {}),
    ...(instance === undefined ? {} : { instance }),
  };
}
