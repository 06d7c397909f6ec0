import { EcloudError } from '../errors/ecloud-error.js';
import type { CloudEventBus } from '../events/event-bus.js';
import type { JobHandle } from '../jobs/job-handle.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { Job } from '../model/job.js';
import { type Page, PageInput } from '../model/page.js';
import { parseInput } from '../model/validate.js';
import type { CapacityIndex } from '../scheduler/capacity-index.js';
import type { DriverRegistry } from '../spi/driver-registry.js';
import type { CollectionMap, CollectionName, Where } from '../store/collections.js';
import type { ListQuery, Store, StoreSession } from '../store/store.js';

/** What every service is built from. @internal */
export interface ServiceDeps {
  readonly store: Store;
  readonly bus: CloudEventBus;
  readonly drivers: DriverRegistry;
  readonly runner: JobRunner;
  readonly index: CapacityIndex;
  /** Builds the handle of a job whose result is read by `result`. */
  readonly handle: <R>(job: Job, result: (job: Job, value: unknown) => Promise<R>) => JobHandle<R>;
}

/**
 * Reads a record that another one refers to, or throws NOT_FOUND naming it (a cluster's datacenter, a
 * host's dedicated tenant, ...).
 * @internal
 */
export async function requireRecord<K extends CollectionName>(
  session: StoreSession,
  collection: K,
  id: string,
  what: string,
): Promise<CollectionMap[K]> {
  const record = await session.get(collection, id);
  if (!record) throw new EcloudError('NOT_FOUND', `${what} ${id} does not exist.`, { details: { id } });
  return record;
}

/**
 * One page of a collection, scoped to the caller's tenant where the records are owned by tenants.
 * @internal
 */
export async function listPage<K extends CollectionName>(
  store: Store,
  collection: K,
  where: Where<K>,
  page: unknown,
): Promise<Page<CollectionMap[K]>> {
  return store.list(collection, pageQuery(where, page));
}

/** The store query of one page (`limit`, `cursor`) of records matching `where`. @internal */
export function pageQuery<K extends CollectionName>(where: Where<K>, page: unknown): ListQuery<K> {
  const { limit, cursor } = parseInput(PageInput, page ?? {}, 'page');
  return { where, limit, ...(cursor === undefined ? {} : { after: cursor }) };
}

/** The time now, as stored. @internal */
export function nowIso(): string {
  return new Date().toISOString();
}
