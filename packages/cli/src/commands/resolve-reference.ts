import { type PageLister, paginate } from '@ecloud/client';
import { UsageError } from '../usage-error.js';

/** The id prefix of each kind a command line may name by name. */
const ID_PATTERN = {
  offering: /^off-[0-9A-Z]{26}$/,
  image: /^img-[0-9A-Z]{26}$/,
  tenant: /^tnt-[0-9A-Z]{26}$/,
};

/**
 * The id of a record given by id or by its name (`--offering small`): an id passes as it is, a name is
 * looked up among the records the caller sees and must name exactly one.
 * @internal
 */
export async function resolveReference(
  kind: keyof typeof ID_PATTERN,
  value: string,
  list: PageLister<
    { readonly id: string; readonly name: string },
    { readonly cursor?: string; readonly limit?: number }
  >,
): Promise<string> {
  if (ID_PATTERN[kind].test(value)) return value;
  const ids: string[] = [];
  for await (const record of paginate(list, { limit: 1000 })) {
    if (record.name === value) ids.push(record.id);
  }
  const [id, ...others] = ids;
  if (id === undefined) throw new UsageError(`no ${kind} is named "${value}" (see \`ecloud ${kind} list\`)`);
  if (others.length > 0)
    throw new UsageError(`several ${kind}s are named "${value}": give the id (${ids.join(', ')})`);
  return id;
}
