import type { CallContext } from '../../context/call-context.js';
import type { Domain } from '../../model/domain.js';
import { type Page, PageInput } from '../../model/page.js';
import type { Tenant } from '../../model/tenant.js';
import { parseInput } from '../../model/validate.js';
import type { Store } from '../../store/store.js';
import { rightsOf } from './caller-rights.js';
import { permissionDenied } from './record-access.js';

/** The first `limit` records of several id-ordered sources, merged and without duplicates. */
function mergePage<T extends { readonly id: string }>(
  sources: readonly (readonly T[])[],
  limit: number,
): Page<T> {
  const byId = new Map<string, T>();
  for (const source of sources) for (const item of source) byId.set(item.id, item);
  const items = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return items.length > limit && last ? { items: page, nextCursor: last.id } : { items: page };
}

async function boundRecords<T>(
  ids: Iterable<string>,
  cursor: string | undefined,
  read: (id: string) => Promise<T | undefined>,
): Promise<T[]> {
  const found: T[] = [];
  for (const id of ids) {
    if (cursor !== undefined && id <= cursor) continue;
    const record = await read(id);
    if (record) found.push(record);
  }
  return found;
}

/**
 * One page of the tenants the caller may see (R-SEC-1, R-SEC-5): all of them through a platform
 * binding; otherwise those bound directly and the tenants of each domain bound, each domain read by its
 * index from the cursor on — a page costs one range read per binding, never a walk of every tenant.
 * @internal
 */
export async function listVisibleTenants(
  store: Store,
  ctx: CallContext,
  pageInput: PageInput,
): Promise<Page<Tenant>> {
  const { limit, cursor } = parseInput(PageInput, pageInput, 'page');
  const rights = await rightsOf(store, ctx);
  const reach = rights.reach('tenant:read');
  const after = cursor === undefined ? {} : { after: cursor };
  if (reach.all) return store.list('tenants', { where: {}, limit, ...after });
  if (reach.tenants.size === 0 && reach.domains.size === 0) throw permissionDenied('tenant:read', ctx);
  const sources: Tenant[][] = [await boundRecords(reach.tenants, cursor, (id) => store.get('tenants', id))];
  for (const domainId of reach.domains) {
    sources.push([
      ...(await store.list('tenants', { where: { domainId }, limit: limit + 1, ...after })).items,
    ]);
  }
  return mergePage(sources, limit);
}

/** One page of the domains the caller may see: all through a platform binding, else those bound. @internal */
export async function listVisibleDomains(
  store: Store,
  ctx: CallContext,
  pageInput: PageInput,
): Promise<Page<Domain>> {
  const { limit, cursor } = parseInput(PageInput, pageInput, 'page');
  const reach = (await rightsOf(store, ctx)).reach('domain:read');
  if (reach.all)
    return store.list('domains', { where: {}, limit, ...(cursor === undefined ? {} : { after: cursor }) });
  if (reach.domains.size === 0) throw permissionDenied('domain:read', ctx);
  return mergePage([await boundRecords(reach.domains, cursor, (id) => store.get('domains', id))], limit);
}
