import { z } from 'zod';

/** Largest page a list returns. @public */
export const MAX_PAGE_SIZE = 1000;

/** Paging of a list: ids are time-ordered, so a cursor is the last id seen. @public */
export const PageInput = z.strictObject({
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  cursor: z.string().min(1).optional(),
});
/** Paging of a list: ids are time-ordered, so a cursor is the last id seen (the type of the {@link PageInput} schema, as callers write it). @public */
export type PageInput = z.input<typeof PageInput>;

/** A list filter: paging plus equality filters on indexed fields. @internal */
export function listFilter<S extends z.ZodRawShape>(shape: S) {
  return PageInput.extend(shape);
}

/** One page of a list; pass `nextCursor` back to get the next one. @public */
export interface Page<T> {
  readonly items: readonly T[];
  /** Absent on the last page. */
  readonly nextCursor?: string;
}

/**
 * A page whose records are still the JSON text they are stored as: `items` is the text of the array,
 * the same JSON as `JSON.stringify(page.items)` of the page `list` returns. For a server answering a
 * list, parsing every record only to serialise it again was most of a page's cost.
 * @public
 */
export interface JsonPage {
  /** The page's records as the text of one JSON array. */
  readonly items: string;
  /** Absent on the last page. */
  readonly nextCursor?: string;
}
