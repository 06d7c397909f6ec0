import type { JsonPage } from '../model/page.js';
import type { CollectionName } from '../store/collections.js';
import type { ListQuery, Store } from '../store/store.js';

/** Text kept at most, in UTF-16 code units (about 32 MiB of memory). */
const MAX_CHARS = 16 * 1024 * 1024;

interface CachedPage {
  readonly mark: string;
  readonly page: JsonPage;
}

/**
 * Pages of a collection as the store last answered them, answered again while the store's change mark
 * says the collection has not changed since (as kube-apiserver answers lists from its watch cache). A
 * portal's list views ask for the same first pages over and over, and a page costs a query and a
 * hundred records copied out of SQLite; a hit costs a lookup. Keyed by the store query, which already
 * carries the caller's scope (tenant), so one caller's page is never another's unless they asked the same
 * query of the same rows. Any write to the collection — through this store, a rollback, or another
 * process's commit where the store can tell — moves the mark, and every page of it is read afresh.
 * @internal
 */
export class JsonPageCache {
  readonly #store: Store;
  readonly #pages = new Map<string, CachedPage>();
  #chars = 0;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The page the store would answer now. */
  async read<K extends CollectionName>(collection: K, query: ListQuery<K>): Promise<JsonPage> {
    // Taken before the read: a write landing during it moves the mark past the one kept with the page.
    const mark = this.#store.changeMark(collection);
    if (mark === undefined) return this.#store.listJson(collection, query);
    const key = `${collection} ${JSON.stringify(query)}`;
    const cached = this.#pages.get(key);
    if (cached?.mark === mark) return cached.page;
    const page = await this.#store.listJson(collection, query);
    this.#keep(key, { mark, page });
    return page;
  }

  #keep(key: string, entry: CachedPage): void {
    this.#drop(key);
    if (entry.page.items.length > MAX_CHARS / 16) return;
    while (this.#chars + entry.page.items.length > MAX_CHARS) {
      const oldest = this.#pages.keys().next();
      if (oldest.done === true) break;
      this.#drop(oldest.value);
    }
    this.#pages.set(key, entry);
    this.#chars += entry.page.items.length;
  }

  #drop(key: string): void {
    const entry = this.#pages.get(key);
    if (entry === undefined) return;
    this.#pages.delete(key);
    this.#chars -= entry.page.items.length;
  }
}
