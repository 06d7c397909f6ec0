import type { z } from 'zod';
import { type CallContext, checkContext, requirePlatform } from '../context/call-context.js';
import { EcloudError } from '../errors/ecloud-error.js';
import { transactWithEvents } from '../events/outbox.js';
import { type IdKind, newId } from '../model/ids.js';
import { type Page, PageInput } from '../model/page.js';
import { parseInput } from '../model/validate.js';
import type { CollectionMap, CollectionName } from '../store/collections.js';
import type { NewRecord, StoreSession } from '../store/store.js';
import { getVisible, listPage, type ServiceDeps } from './service-deps.js';

/** Create, get and list of a platform-owned record kind (datacenters, images, ...). @public */
export interface PlatformRecords<R, I> {
  /** Creates a record; platform callers only. */
  create(ctx: CallContext, input: I): Promise<R>;
  /** Reads one record; NOT_FOUND if it does not exist. */
  get(ctx: CallContext, id: string): Promise<R>;
  /** One page of records in id (creation) order. */
  list(ctx: CallContext, page?: PageInput): Promise<Page<R>>;
}

/** How one record kind is made from its validated input. @internal */
export interface PlatformRecordSpec<K extends CollectionName, S extends z.ZodType> {
  readonly collection: K;
  readonly idKind: IdKind;
  readonly what: string;
  readonly input: S;
  /** Checks references and builds the record, inside the creating transaction. */
  readonly build: (tx: StoreSession, input: z.output<S>, id: string) => Promise<Omit<NewRecord<K>, 'id'>>;
  /**
   * Set for records a tenant may see only when they are its own (tenants themselves); left out for
   * records every caller may read (images, offerings).
   */
  readonly privateToTenant?: boolean;
  /** Runs once the creating transaction has committed (to tell an in-memory index, say). */
  readonly created?: (record: CollectionMap[K]) => void;
}

/**
 * The one implementation of create/get/list shared by every platform record kind. Reads are open to
 * every caller (tenants need to see images and offerings) unless the kind is private to its tenant;
 * writes need a platform context.
 * @internal
 */
export function platformRecords<K extends CollectionName, S extends z.ZodType>(
  deps: ServiceDeps,
  spec: PlatformRecordSpec<K, S>,
): PlatformRecords<CollectionMap[K], z.input<S>> {
  return {
    async create(ctx, input) {
      requirePlatform(checkContext(ctx), `create a ${spec.what}`);
      const parsed = parseInput(spec.input, input, `${spec.what} input`);
      return transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
        const id = newId(spec.idKind);
        const fields = await spec.build(tx, parsed, id);
        const record = await tx.insert(spec.collection, { ...fields, id } as NewRecord<K>);
        const created = spec.created;
        if (created) effects.afterCommit(() => created(record));
        effects.emit({
          type: `${spec.what}.created`,
          resourceType: spec.what,
          resourceId: id,
          tenantId: null,
        });
        return record;
      });
    },
    async get(ctx, id) {
      checkContext(ctx);
      if (spec.privateToTenant && ctx.tenantId !== undefined && ctx.tenantId !== String(id)) {
        throw new EcloudError('NOT_FOUND', `${spec.what} ${String(id)} does not exist.`, { details: { id } });
      }
      return getVisible(deps.store, ctx, spec.collection, String(id), spec.what);
    },
    async list(ctx, page) {
      checkContext(ctx);
      if (spec.privateToTenant && ctx.tenantId !== undefined) {
        // A tenant sees one record here, its own: a single page, whatever the paging asked.
        parseInput(PageInput, page ?? {}, 'page');
        const own = await deps.store.get(spec.collection, ctx.tenantId);
        return { items: own ? [own] : [] };
      }
      return listPage(deps.store, spec.collection, {}, page);
    },
  };
}
