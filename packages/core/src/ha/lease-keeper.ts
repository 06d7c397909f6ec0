import { EcloudError } from '../errors/ecloud-error.js';
import type { Store } from '../store/store.js';

/**
 * Holds a named lease in the store for this process (R-HA-3): `hold()` takes a free or expired lease,
 * renews one it holds, and answers false while another process holds a live one. Every write carries the
 * version read, so of two processes racing, one gets CONFLICT and stays out.
 * @internal
 */
export class LeaseKeeper {
  readonly #store: Store;
  readonly #id: string;
  readonly #holder: string;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(store: Store, id: string, holder: string, ttlMs: number, now: () => number = Date.now) {
    this.#store = store;
    this.#id = id;
    this.#holder = holder;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  async hold(): Promise<boolean> {
    const now = this.#now();
    const expiresAt = new Date(now + this.#ttlMs).toISOString();
    try {
      const lease = await this.#store.get('leases', this.#id);
      if (lease === undefined) {
        await this.#store.insert('leases', { id: this.#id, holder: this.#holder, expiresAt });
        return true;
      }
      if (lease.holder !== this.#holder && Date.parse(lease.expiresAt) > now) return false;
      await this.#store.update('leases', { ...lease, holder: this.#holder, expiresAt });
      return true;
    } catch (error) {
      if (EcloudError.is(error, 'CONFLICT') || EcloudError.is(error, 'ALREADY_EXISTS')) return false;
      throw error;
    }
  }

  /** Gives the lease up if this process holds it, so another can take over at once. */
  async release(): Promise<void> {
    const lease = await this.#store.get('leases', this.#id);
    if (lease?.holder !== this.#holder) return;
    await this.#store
      .update('leases', { ...lease, expiresAt: new Date(0).toISOString() })
      .catch((error: unknown) => {
        if (!EcloudError.is(error, 'CONFLICT')) throw error;
      });
  }
}
