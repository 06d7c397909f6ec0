import { setTimeout as delay } from 'node:timers/promises';

/** The bounds of an exponential backoff. @internal */
export interface BackoffBounds {
  /** The first delay, milliseconds. */
  readonly minDelayMs: number;
  /** No delay is longer, milliseconds. */
  readonly maxDelayMs: number;
}

/**
 * The delay before try number `attempt` (1 for the first repeat): doubling from `minDelayMs` up to
 * `maxDelayMs`, the upper half jittered, so many clients that failed together do not retry together
 * yet none comes back sooner than half the nominal delay.
 * @internal
 */
export function backoffDelay(attempt: number, bounds: BackoffBounds): number {
  const nominal = Math.min(bounds.maxDelayMs, bounds.minDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal / 2 + (Math.random() * nominal) / 2);
}

/**
 * Waits `ms`; rejects with the signal's reason as soon as `signal` aborts.
 * @internal
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  try {
    await delay(ms, undefined, signal === undefined ? {} : { signal });
  } catch (error) {
    // timers/promises rejects with its own AbortError; the signal's reason says who aborted and why.
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}
