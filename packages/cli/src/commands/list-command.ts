import { type PageLister, paginate } from '@ecloud/client';
import type { Command } from 'commander';
import type { Column } from '../output/table.js';
import type { Session } from '../session.js';
import { pageSize } from './option-parsers.js';

/** The paging options of every list command. @internal */
export interface ListOptions {
  readonly limit?: number;
  readonly cursor?: string;
  readonly all?: boolean;
}

/** Adds `--limit`, `--cursor` and `--all` to a list command. @internal */
export function withListOptions(command: Command): Command {
  return command
    .option('--limit <n>', 'page size, 1–1000 (default 100)', pageSize)
    .option('--cursor <cursor>', 'start after this cursor (printed below a page that has more)')
    .option('--all', 'every page, not just the first');
}

/**
 * Prints one page of a list (`--cursor` to go on), or with `--all` every item in one table (as
 * `{ items }` with `--json`).
 * @internal
 */
export async function printList<T, Q extends { readonly cursor?: string; readonly limit?: number }>(
  session: Session,
  list: PageLister<T, Q>,
  filter: Omit<Q, 'cursor' | 'limit'>,
  options: ListOptions,
  columns: readonly Column<T>[],
): Promise<void> {
  if (options.all) {
    const items: T[] = [];
    const query = { ...filter, limit: options.limit ?? 1000 } as Omit<Q, 'cursor'>;
    for await (const item of paginate(list, query)) items.push(item);
    return session.output.page({ items }, columns);
  }
  const query = {
    ...filter,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.cursor === undefined ? {} : { cursor: options.cursor }),
  } as Q;
  session.output.page(await list(query), columns);
}
