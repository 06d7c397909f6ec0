import type { CallContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { chainRecord } from '../../identity/audit/audit-chain.js';
import type { AuditEntryInput, AuditRecord } from '../../identity/audit/audit-record.js';
import { auditRecordId } from '../../identity/audit/stored-audit.js';
import type { AccessTarget } from '../../identity/scope.js';
import type { Store, StoreSession } from '../../store/store.js';

const HEAD = 'head';

/**
 * Appends one record to the audit chain inside `tx` (R-SEC-3): it reads the head, chains the record to
 * it and moves the head, so the record commits or rolls back with the change it describes. Appends are
 * as serial as the store's writes, and a second writer that raced for the same `seq` fails on its id.
 * @internal
 */
export async function appendAudit(tx: StoreSession, entry: AuditEntryInput): Promise<AuditRecord> {
  const head = await tx.get('auditHeads', HEAD);
  const record = chainRecord(head, entry, new Date());
  await tx.insert('auditRecords', { ...record, id: auditRecordId(record.seq) });
  if (head) await tx.update('auditHeads', { ...head, seq: record.seq, hash: record.hash });
  else await tx.insert('auditHeads', { id: HEAD, seq: record.seq, hash: record.hash });
  return record;
}

/** What an operation acts on, as its audit records name it. @internal */
export interface AuditSubject {
  readonly action: string;
  readonly resource: { readonly type: string; readonly id: string | null };
  readonly target: AccessTarget;
}

/** The subject of an operation on one resource (an instance, a host, a volume, ...). @internal */
export function resourceSubject(action: string, type: string, id: string | null): AuditSubject {
  return {
    action,
    resource: { type, id },
    target:
      id === null
        ? { kind: 'platform' }
        : { kind: 'resource', resourceId: id, tenantId: null, domainId: null },
  };
}

/** The target of an operation in a tenant, or on the platform when it names none. @internal */
export function tenantOrPlatform(tenantId: string | undefined): AccessTarget {
  return tenantId === undefined ? { kind: 'platform' } : { kind: 'tenant', tenantId, domainId: null };
}

/** Records a success inside the operation's own transaction; `id` names a resource made there. @internal */
export type RecordSuccess = (
  tx: StoreSession,
  id?: string | null,
  details?: Record<string, unknown>,
) => Promise<void>;

function scopeOf(target: AccessTarget): AuditEntryInput['scope'] {
  switch (target.kind) {
    case 'platform':
      return { kind: 'platform', id: null };
    case 'domain':
      return { kind: 'domain', id: target.domainId };
    case 'tenant':
      return { kind: 'tenant', id: target.tenantId };
    case 'resource':
      return { kind: 'resource', id: target.resourceId };
  }
}

function entry(
  ctx: CallContext,
  subject: AuditSubject,
  outcome: AuditEntryInput['outcome'],
  id: string | null,
  details?: Record<string, unknown>,
): AuditEntryInput {
  return {
    principal: { id: ctx.principal.id, type: ctx.principal.type },
    action: subject.action,
    resource: { type: subject.resource.type, id },
    scope: scopeOf(subject.target),
    outcome,
    source: ctx.source ?? {},
    ...(details === undefined ? {} : { details }),
  };
}

/**
 * Runs an operation so that it leaves exactly one audit record (R-SEC-3): the operation records its
 * success itself, in its own transaction, through the callback it is given; a refusal (`denied`) or a
 * failure (`failed`, with the error code) is recorded here afterwards, in a transaction of its own,
 * since the operation's own rolled back.
 * @internal
 */
export async function audited<T>(
  store: Store,
  ctx: CallContext,
  subject: AuditSubject,
  operation: (recordSuccess: RecordSuccess) => Promise<T>,
): Promise<T> {
  const recordSuccess: RecordSuccess = async (tx, id, details) => {
    await appendAudit(tx, entry(ctx, subject, 'succeeded', id ?? subject.resource.id, details));
  };
  try {
    return await operation(recordSuccess);
  } catch (error) {
    const code = EcloudError.is(error) ? error.code : 'INTERNAL';
    const outcome = code === 'PERMISSION_DENIED' ? 'denied' : 'failed';
    await store.transaction((tx) =>
      appendAudit(tx, entry(ctx, subject, outcome, subject.resource.id, { code })),
    );
    throw error;
  }
}

/**
 * {@link audited} for an operation with no transaction of its own to record its success in — an
 * in-memory policy change, a cancellation signal, an HA round, a run of many audited migrations: the
 * success is recorded in a transaction of its own once the operation returns.
 * @internal
 */
export function auditedAfter<T>(
  store: Store,
  ctx: CallContext,
  subject: AuditSubject,
  operation: () => Promise<T>,
  details?: (result: T) => Record<string, unknown>,
): Promise<T> {
  return audited(store, ctx, subject, async (done) => {
    const result = await operation();
    await store.transaction((tx) => done(tx, subject.resource.id, details?.(result)));
    return result;
  });
}
