import type { z } from 'zod';
import { type CallContext, checkContext } from '../context/call-context.js';
import { transactWithEvents } from '../events/outbox.js';
import type { KnownPermission } from '../identity/permission-catalog.js';
import { parseInput } from '../model/validate.js';
import type { CollectionMap } from '../store/collections.js';
import { getVisible } from './access/record-access.js';
import { audited, resourceSubject } from './audit/audit-trail.js';
import type { PlatformRecords } from './platform-records.js';
import type { ServiceDeps } from './service-deps.js';
import { assertVersion } from './version-precondition.js';

/** {@link PlatformRecords} that can also be changed: tenants and domains. @public */
export interface UpdatableRecords<R, I, U> extends PlatformRecords<R, I> {
  /** Changes the fields given, leaves the rest; NOT_FOUND for a record the caller may not see. */
  update(ctx: CallContext, id: string, input: U): Promise<R>;
}

type Updatable = 'tenants' | 'domains';

/** How one updatable kind is changed. @internal */
export interface RecordUpdateSpec<K extends Updatable, S extends z.ZodType> {
  readonly collection: K;
  readonly what: string;
  readonly right: KnownPermission;
  readonly input: S;
}

/**
 * Adds an audited `update` to a kind's records: in one transaction, the record is read for the right
 * (so an invisible one is NOT_FOUND), the given fields replace its own, the change is announced and
 * recorded (R-SEC-3).
 * @internal
 */
export function withUpdate<K extends Updatable, S extends z.ZodType, I>(
  deps: ServiceDeps,
  records: PlatformRecords<CollectionMap[K], I>,
  spec: RecordUpdateSpec<K, S>,
): UpdatableRecords<CollectionMap[K], I, z.input<S>> {
  return {
    ...records,
    async update(ctx, id, input) {
      checkContext(ctx);
      const { expectedVersion, ...parsed } = parseInput(spec.input, input, `${spec.what} update`) as Record<
        string,
        unknown
      >;
      const changes = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
      return audited(deps.store, ctx, resourceSubject(spec.right, spec.what, String(id)), (done) =>
        transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
          const record = await getVisible(tx, ctx, spec.collection, String(id), spec.what, spec.right);
          assertVersion(record, typeof expectedVersion === 'number' ? expectedVersion : undefined);
          const updated = await tx.update(spec.collection, { ...record, ...changes });
          effects.emit({
            type: `${spec.what}.updated`,
            resourceType: spec.what,
            resourceId: record.id,
            tenantId: spec.collection === 'tenants' ? record.id : null,
            data: changes,
          });
          await done(tx, record.id, changes);
          return updated;
        }),
      );
    },
  };
}
