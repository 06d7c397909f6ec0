import type { CloudEventBus } from '../../events/event-bus.js';
import type { CloudEvent } from '../../model/event.js';
import type { StoreSession } from '../../store/store.js';

/** Events of these resource types may change who is active or what anyone holds. */
const IDENTITY_RESOURCES: ReadonlySet<string> = new Set(['principal', 'role', 'roleBinding']);

/** How long an entry lives unless the option says otherwise. @internal */
export const DEFAULT_IDENTITY_CACHE_MS = 1000;

/** Principals remembered at most; the oldest are dropped first. */
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly value: unknown;
  readonly at: number;
}

/**
 * What the authoriser read lately about principals (their state, their grants), so that a read request
 * does not re-read bindings, memberships and roles on every call — at 3,000 requests a second those
 * reads were most of a request's cost.
 *
 * Sound because every change to identity records publishes an event (principal, role, roleBinding) after
 * it commits, and any such event from this cloud forgets everything at once: a revocation here takes
 * effect on the next call. Another process sharing the store cannot reach this bus, so an entry also
 * expires after `ttlMs`: that is how long a change made by another process may go unseen here (1 s by
 * default, `identity.cacheMs`; 0 turns the cache off). Transactions never read through the cache, so a
 * write checks rights against what its own transaction sees.
 * @internal
 */
export class IdentityCache {
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  /** Moves on at every forget, so a read that began before a change does not store what it found. */
  #generation = 0;

  constructor(ttlMs: number, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** The value under `key` if read within `ttlMs` and nothing changed since, else `load()`'s, kept. */
  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.#ttlMs <= 0) return load();
    const now = this.#now();
    const entry = this.#entries.get(key);
    if (entry !== undefined && now - entry.at < this.#ttlMs) return entry.value as T;
    const generation = this.#generation;
    const value = await load();
    if (generation === this.#generation) {
      this.#entries.delete(key);
      if (this.#entries.size >= MAX_ENTRIES) this.#dropOldest();
      this.#entries.set(key, { value, at: now });
    }
    return value;
  }

  /** Forgets everything: some principal, role or binding changed. */
  forget(): void {
    this.#generation++;
    this.#entries.clear();
  }

  /** Forgets everything when `event` says identity records changed. */
  observe(event: CloudEvent): void {
    if (IDENTITY_RESOURCES.has(event.resourceType)) this.forget();
  }

  #dropOldest(): void {
    const oldest = this.#entries.keys().next();
    if (oldest.done !== true) this.#entries.delete(oldest.value);
  }
}

/**
 * The cache of each store, by the store object itself: `rightsOf` is handed a session, and only the store
 * (not a transaction) may answer from the cache. One cache per store, whichever clouds share it.
 */
const CACHES = new WeakMap<StoreSession, IdentityCache>();

/** Makes `session` (a store) answer identity reads from a cache that `bus`'s identity events clear. @internal */
export function attachIdentityCache(session: StoreSession, bus: CloudEventBus, ttlMs: number): IdentityCache {
  let cache = CACHES.get(session);
  if (cache === undefined) {
    cache = new IdentityCache(ttlMs);
    CACHES.set(session, cache);
  }
  const attached = cache;
  bus.on('event', (event) => attached.observe(event));
  return attached;
}

/**
 * Reads `key` through the cache attached to `session`, or straight from `load` when there is none (a
 * transaction, or a store no cloud attached). @internal
 */
export function readIdentity<T>(session: StoreSession, key: string, load: () => Promise<T>): Promise<T> {
  const cache = CACHES.get(session);
  return cache === undefined ? load() : cache.read(key, load);
}
