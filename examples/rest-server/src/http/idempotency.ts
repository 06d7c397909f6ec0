import { createHash } from 'node:crypto';
import { EcloudError } from '@ecloud/core';

/** A response as it was first sent, to send again for a retried request. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

interface Entry {
  readonly fingerprint: string;
  readonly response: Promise<StoredResponse>;
  readonly expiresAt: number;
}

/** How long a key is remembered, and how many keys at most (the oldest go first). */
export interface IdempotencyOptions {
  readonly ttlMs?: number;
  readonly maxEntries?: number;
}

/**
 * `Idempotency-Key` on POST: the first request with a key runs; a retry with the same key and the same
 * request gets the first answer again (the same job, never a second VM), also while the first still
 * runs; the same key with a different request is refused. Keys are per caller, so one caller's key
 * never answers another's request. Memory is bounded by `maxEntries` (default 10,000) and `ttlMs`
 * (default 24 h); a failed first attempt is forgotten, so it can be retried.
 *
 * Held in this process's memory: a restart forgets the keys (a retry after it runs again).
 */
export class IdempotencyCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(options: IdempotencyOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 24 * 60 * 60_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  /** Runs `first` once per (caller, key); a retry of the same request resolves with its response. */
  async run(
    scope: string,
    key: string,
    request: unknown,
    first: () => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    this.#evict(Date.now());
    const id = `${scope}\u0000${key}`;
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const known = this.#entries.get(id);
    if (known) {
      if (known.fingerprint !== fingerprint) {
        throw new EcloudError('INVALID_ARGUMENT', 'This Idempotency-Key was used for a different request.', {
          details: { idempotencyKey: key },
        });
      }
      return known.response;
    }
    const response = first();
    this.#entries.set(id, { fingerprint, response, expiresAt: Date.now() + this.#ttlMs });
    response.then(
      (answered) => {
        if (answered.headers['cache-control'] === 'no-store') this.#withhold(id, key);
      },
      () => this.#entries.delete(id),
    );
    return response;
  }

  /**
   * An answer marked `no-store` (an API key's secret) is not kept for 24 hours: a retry is told it was
   * answered once, rather than being shown the secret again or making a second key.
   */
  #withhold(id: string, key: string): void {
    const entry = this.#entries.get(id);
    if (entry === undefined) return;
    const withheld = Promise.reject(
      new EcloudError(
        'CONFLICT',
        'This request was answered once; its answer held a secret and is not kept.',
        {
          details: { idempotencyKey: key, reason: 'answer-withheld' },
          retryable: false,
        },
      ),
    );
    withheld.catch(() => undefined);
    this.#entries.set(id, { ...entry, response: withheld });
  }

  #evict(now: number) {
    // Insertion order is expiry order (one TTL for all): the oldest are at the front.
    for (const [id, entry] of this.#entries) {
      if (entry.expiresAt > now && this.#entries.size < this.#maxEntries) break;
      this.#entries.delete(id);
    }
  }
}
