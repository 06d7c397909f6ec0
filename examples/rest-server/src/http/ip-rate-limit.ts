import { EcloudError, parseInput } from '@ecloud/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

const LimitOptions = z.strictObject({
  max: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  windowMs: z.number().int().min(1000).max(3_600_000).default(60_000),
  maxAddresses: z.number().int().min(1).max(10_000_000).default(100_000),
  now: z
    .custom<() => number>((value) => typeof value === 'function', { message: 'must be a function' })
    .optional(),
});

/** Options of an {@link AddressRateLimiter}. */
export type AddressRateLimitOptions = z.input<typeof LimitOptions>;

/**
 * Requests per client address in fixed windows (`max` per `windowMs`, default one minute). It counts
 * requests, not callers, so it works before anyone is authenticated: a flood of bad tokens or
 * signatures is limited like any other.
 *
 * At most `maxAddresses` (default 100,000) are counted per window, since every new address would
 * otherwise cost memory an attacker chooses; past it, new addresses go uncounted until the window ends
 * — one who controls that many addresses is beyond a per-address limit anyway.
 */
export class AddressRateLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #maxAddresses: number;
  readonly #now: () => number;
  #counts = new Map<string, number>();
  #windowEnd = Number.NEGATIVE_INFINITY;

  constructor(options: AddressRateLimitOptions) {
    const valid = parseInput(LimitOptions, options, 'address rate limit');
    this.#max = valid.max;
    this.#windowMs = valid.windowMs;
    this.#maxAddresses = valid.maxAddresses;
    this.#now = valid.now ?? Date.now;
  }

  /** The most requests one address may send per window. */
  get max(): number {
    return this.#max;
  }

  /** Counts one request from `address`: `undefined` when it may go on, else the ms until it may. */
  take(address: string): number | undefined {
    const now = this.#now();
    if (now >= this.#windowEnd) {
      // A fresh map rather than per-entry expiry: one window's addresses are dropped at once, no scan.
      this.#counts = new Map();
      this.#windowEnd = (Math.floor(now / this.#windowMs) + 1) * this.#windowMs;
    }
    const count = (this.#counts.get(address) ?? 0) + 1;
    if (count === 1 && this.#counts.size >= this.#maxAddresses) return undefined;
    this.#counts.set(address, count);
    return count > this.#max ? this.#windowEnd - now : undefined;
  }
}

/**
 * Limits requests per client address (`request.ip`) on every route, in an `onRequest` hook added
 * before the routes' own — so before authentication, and failed authentications count. Past the limit
 * the answer is 429 `RATE_LIMITED` with `Retry-After` (seconds) and `details.reason` `address`. The
 * per-caller limit applies as well, after authentication.
 *
 * Behind a reverse proxy every request comes from the proxy's address unless Fastify's `trustProxy`
 * is set to take the client's from `X-Forwarded-For`.
 */
export function limitByAddress(app: FastifyInstance, options: AddressRateLimitOptions): AddressRateLimiter {
  const limiter = new AddressRateLimiter(options);
  app.addHook('onRequest', (request, reply, done) => {
    // A socket already gone has no address; such requests share one count rather than none.
    const waitMs = limiter.take(request.ip ?? 'unknown');
    if (waitMs === undefined) return done();
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    reply.header('retry-after', String(seconds));
    done(
      new EcloudError('RATE_LIMITED', `Too many requests from this address; try again in ${seconds} s.`, {
        details: { reason: 'address', limit: limiter.max, retryAfterSeconds: seconds },
      }),
    );
  });
  return limiter;
}
