import type { CollectionMap, CollectionName, Where } from './collections.js';
import type { StoreSession } from './store.js';

/**
 * Every record of a collection that matches `where`, in id order, read a page at a time so that memory
 * holds one page however many there are. The cursor is an id, so a record that the caller moves out of
 * the filter meanwhile neither repeats nor hides another.
 * @internal
 */
export async function* allRecords<K extends CollectionName>(
  session: StoreSession,
  collection: K,
  where?: Where<K>,
  pageSize = 500,
): AsyncGenerator<CollectionMap[K]> {
  let after: string | undefined;
  for (;;) {
    const page = await session.list(collection, {
      limit: pageSize,
      ...(where === undefined ? {} : { where }),
      ...(after === undefined ? {} : { after }),
    });
    yield* page.items;
    if (page.nextCursor === undefined) return;
    after = page.nextCursor;
  }
}
