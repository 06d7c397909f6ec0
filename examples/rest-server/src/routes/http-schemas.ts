import { MAX_PAGE_SIZE } from '@ecloud/core';
import { z } from 'zod';
import { JobView } from '../http/job-view.js';

/** A path's `{id}`. */
export const IdParams = z.strictObject({ id: z.string().min(1).max(128) });

/**
 * A core list filter as a query string: the same fields, with `limit` read from text. Unknown query
 * parameters are refused, as the core refuses unknown filter fields.
 */
export function listQuery<S extends z.ZodObject>(filter: S) {
  return filter.extend({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  });
}

/** One page of `item`: `nextCursor` is absent on the last page. */
export function pageOf(item: z.ZodType) {
  return z.object({ items: z.array(item), nextCursor: z.string().optional() });
}

/** A job as the 202 answer of a long operation holds it (follow it at `Location`): its public view. */
export const JobAccepted = JobView;

/** Plain paging, for lists the core filters no further. */
export const PageQuery = listQuery(z.strictObject({ cursor: z.string().min(1).optional() }));
