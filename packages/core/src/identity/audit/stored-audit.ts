import type { AuditHead, AuditRecord } from './audit-record.js';

/**
 * An audit record as the store keeps it: the record exactly as chained, plus the store's own fields.
 * Its id spells its `seq` zero-padded, so id order is chain order.
 * @internal
 */
export type StoredAuditRecord = AuditRecord & {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
};

/** The head of the chain: the last record's `seq` and `hash`, one record with id `head`. @internal */
export type StoredAuditHead = AuditHead & {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
};

/** The id of the record at `seq`: fixed width, so ids sort as numbers do. @internal */
export function auditRecordId(seq: number): string {
  return `aud-${String(seq).padStart(15, '0')}`;
}

/** The record as it was chained: the store's own fields taken off, so its hash checks. @internal */
export function chainedRecord(stored: StoredAuditRecord): AuditRecord {
  const { id: _id, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...record } = stored;
  return record;
}
