import { EcloudApiError } from '../errors/ecloud-api-error.js';
import { backoffDelay } from '../timing/backoff.js';

/**
 * How the client sends a request again after a retryable failure (no answer, 429, 502–504, or a
 * problem marked `retryable`). Only requests that are safe to repeat are: reads, and POSTs carrying
 * an `Idempotency-Key` (the same key every time, so the server answers a repeat with the first result).
 * @public
 */
export interface RetryOptions {
  /** Tries in all, the first included (default 3; 1 never retries). */
  readonly maxAttempts?: number;
  /** The first pause, milliseconds (default 200); it doubles with each try. */
  readonly minDelayMs?: number;
  /** The longest pause, milliseconds (default 5,000). A `Retry-After` asking for more is not waited for. */
  readonly maxDelayMs?: number;
}

/** {@link RetryOptions} with every default filled in. @internal */
export type RetryPolicy = Required<RetryOptions>;

/** The policy of `options`. @internal */
export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    maxAttempts: options.maxAttempts ?? 3,
    minDelayMs: options.minDelayMs ?? 200,
    maxDelayMs: options.maxDelayMs ?? 5000,
  };
}

/**
 * The pause before sending again after try number `attempt` failed with `error`, or undefined when the
 * failure is final: not retryable, not safe to repeat, out of tries, or the server asked for a longer
 * pause than the policy allows.
 * @internal
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  safeToRepeat: boolean,
): number | undefined {
  if (!safeToRepeat || attempt >= policy.maxAttempts) return undefined;
  if (!(error instanceof EcloudApiError) || !error.retryable) return undefined;
  if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxDelayMs) return undefined;
  return Math.max(backoffDelay(attempt, policy), error.retryAfterMs ?? 0);
}
