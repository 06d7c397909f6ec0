import type { ProblemCode } from '../api-types.js';

const BRAND = Symbol.for('ecloud.api-error');

/**
 * The code of an {@link EcloudApiError}: a problem's code as the server sent it, or one of the client's
 * own for failures without a problem document — `HTTP_ERROR` (an answer that is not a problem, such as a
 * proxy's HTML page), `NETWORK_ERROR` (no answer at all), `TIMEOUT` (no answer within `timeoutMs`),
 * `CANCELLED` (the caller's signal aborted). A code newer than this client passes through as it came.
 * @public
 */
export type EcloudApiErrorCode = ProblemCode | 'HTTP_ERROR' | 'NETWORK_ERROR' | (string & {});

/**
 * What an {@link EcloudApiError} is made of.
 * @public
 */
export interface EcloudApiErrorInit {
  /** The HTTP status; 0 when there was no answer. */
  readonly status: number;
  readonly code: EcloudApiErrorCode;
  /** What went wrong, for people. */
  readonly detail: string;
  readonly retryable: boolean;
  readonly details?: Readonly<Record<string, unknown>>;
  /** How long the server asked to wait before trying again (`Retry-After`). */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/**
 * Every failed call of the client: an error answer (its problem document's fields), or no answer at
 * all (`status` 0). Branded with `Symbol.for('ecloud.api-error')`, so `instanceof` holds across two
 * copies of the package in one program.
 * @public
 */
export class EcloudApiError extends Error {
  /** The HTTP status; 0 when there was no answer (network failure, timeout, cancellation). */
  readonly status: number;
  /** The stable code: switch on this, never on the message. */
  readonly code: EcloudApiErrorCode;
  /** What went wrong, for people (also the error's `message`). */
  readonly detail: string;
  /** Whether the same request may succeed if sent again. */
  readonly retryable: boolean;
  /** Machine-readable facts about the failure (field paths, ids); empty when there are none. */
  readonly details: Readonly<Record<string, unknown>>;
  /** How long the server asked to wait before trying again, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(init: EcloudApiErrorInit) {
    super(init.detail, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'EcloudApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.retryable = init.retryable;
    this.details = init.details ?? {};
    this.retryAfterMs = init.retryAfterMs;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Recognises the error by its brand, so a copy from another install of the package passes too. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** Whether `value` is an EcloudApiError, optionally with the given code. */
  static is(value: unknown, code?: EcloudApiErrorCode): value is EcloudApiError {
    return value instanceof EcloudApiError && (code === undefined || value.code === code);
  }
}
