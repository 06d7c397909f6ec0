import type { z } from 'zod';
import { type CallContext, checkContext } from '../context/call-context.js';
import { transactWithEvents } from '../events/outbox.js';
import type { KnownPermission } from '../identity/permission-catalog.js';
import type { AccessTarget } from '../identity/scope.js';
import { type IdKind, newId } from '../model/ids.js';
import type { Page, PageInput } from '../model/page.js';
import { parseInput } from '../model/validate.js';
import type { CollectionMap } from '../store/collections.js';
import type { NewRecord, StoreSession } from '../store/store.js';
import { rightsOf } from './access/caller-rights.js';
import { type GuardedCollection, getVisible, permissionDenied } from './access/record-access.js';
import { audited, resourceSubject } from './audit/audit-trail.js';
import { listPage, type ServiceDeps } from './service-deps.js';

/** Create, get and list of a record kind the platform owns (datacenters, images, ...). @public */
export interface PlatformRecords<R, I> {
  /** Creates a record; needs the kind's create right. */
  create(ctx: CallContext, input: I): Promise<R>;
  /** Reads one record; NOT_FOUND if it does not exist or the caller may not see it. */
  get(ctx: CallContext, id: string): Promise<R>;
  /** One page of the records the caller may see, in id (creation) order. */
  list(ctx: CallContext, page?: PageInput): Promise<Page<R>>;
}

/** How one record kind is made and guarded. @internal */
export interface PlatformRecordSpec<K extends GuardedCollection, S extends z.ZodType> {
  readonly collection: K;
  readonly idKind: IdKind;
  readonly what: string;
  readonly input: S;
  /** The rights its operations check. */
  readonly rights: {
    readonly create: KnownPermission;
    readonly get: KnownPermission;
    readonly list: KnownPermission;
  };
  /** Where a create acts, to check the create right on (a tenant's domain); the platform by default. */
  readonly createTarget?: (tx: StoreSession, input: z.output<S>) => Promise<AccessTarget>;
  /** Checks references and builds the record, inside the creating transaction. */
  readonly build: (tx: StoreSession, input: z.output<S>, id: string) => Promise<Omit<NewRecord<K>, 'id'>>;
  /**
   * Lists for callers that do not see the whole kind (tenants, domains); without it a list needs the
   * read right and shows every record.
   */
  readonly listVisible?: (ctx: CallContext, page: PageInput) => Promise<Page<CollectionMap[K]>>;
  /** Runs once the creating transaction has committed (to tell an in-memory index, say). */
  readonly created?: (record: CollectionMap[K]) => void;
}

const PLATFORM: AccessTarget = { kind: 'platform' };

/**
 * The one implementation of create/get/list shared by every platform record kind: each operation
 * checks the kind's right (R-SEC-1) — reads of the shared catalog are open to whoever holds the read
 * right anywhere, tenants and domains to those bound on them.
 * @internal
 */
export function platformRecords<K extends GuardedCollection, S extends z.ZodType>(
  deps: ServiceDeps,
  spec: PlatformRecordSpec<K, S>,
): PlatformRecords<CollectionMap[K], z.input<S>> {
  return {
    async create(ctx, input) {
      checkContext(ctx);
      const parsed = parseInput(spec.input, input, `${spec.what} input`);
      const subject = resourceSubject(spec.rights.create, spec.what, null);
      return audited(deps.store, ctx, subject, (done) =>
        transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
          const target = spec.createTarget ? await spec.createTarget(tx, parsed) : PLATFORM;
          if (!(await rightsOf(tx, ctx)).allows(spec.rights.create, target)) {
            throw permissionDenied(spec.rights.create, ctx);
          }
          const id = newId(spec.idKind);
          const fields = await spec.build(tx, parsed, id);
          const record = await tx.insert(spec.collection, { ...fields, id } as NewRecord<K>);
          const created = spec.created;
          if (created) effects.afterCommit(() => created(record));
          effects.emit({
            type: `${spec.what}.created`,
            resourceType: spec.what,
            resourceId: id,
            tenantId: spec.collection === 'tenants' ? id : null,
          });
          await done(tx, id);
          return record;
        }),
      );
    },
    async get(ctx, id) {
      checkContext(ctx);
      return getVisible(deps.store, ctx, spec.collection, String(id), spec.what, spec.rights.get);
    },
    async list(ctx, page) {
      checkContext(ctx);
      if (spec.listVisible) return spec.listVisible(ctx, page ?? {});
      if (!(await rightsOf(deps.store, ctx)).holds(spec.rights.list))
        throw permissionDenied(spec.rights.list, ctx);
      return listPage(deps.store, spec.collection, {}, page);
    },
  };
}
