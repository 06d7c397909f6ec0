import type { Page } from '../api-types.js';
import type { CallOptions } from '../http/api-request.js';

/**
 * A list method of the client: one page for a query that may carry the previous page's cursor.
 * @public
 */
export type PageLister<T, Q extends { readonly cursor?: string }> = (
  query: Q,
  options?: CallOptions,
) => Promise<Page<T>>;

/**
 * Every item of a list, page after page, fetching the next page only when the reader gets there (so a
 * reader that stops early costs no further request):
 *
 * ```ts
 * for await (const vm of paginate(client.instances.list, { state: 'running', limit: 500 })) { … }
 * ```
 *
 * `limit` is the page size. A failure of any page is thrown from the loop.
 * @public
 */
export async function* paginate<T, Q extends { readonly cursor?: string }>(
  list: PageLister<T, Q>,
  query?: Omit<Q, 'cursor'>,
  options: CallOptions = {},
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await list({ ...query, ...(cursor === undefined ? {} : { cursor }) } as Q, options);
    yield* page.items;
    cursor = page.nextCursor;
    // A server that handed out a cursor twice would otherwise keep this loop going for ever.
    if (cursor !== undefined && seen.has(cursor)) return;
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor !== undefined);
}
