import { EcloudError } from '../errors/ecloud-error.js';
import type { CollectionName } from './collections.js';

/**
 * Collections whose records, once written, no one changes or removes — not an administrator, not the
 * SDK itself (R-SEC-2, R-SEC-3). Every store refuses the write; the SQLite schema refuses it too, with
 * triggers, for anything else on the same database file.
 */
const APPEND_ONLY: ReadonlySet<CollectionName> = new Set(['auditRecords']);

/** Throws `PERMISSION_DENIED` for an update or delete in an append-only collection. @internal */
export function assertMutable(collection: CollectionName, id: string): void {
  if (!APPEND_ONLY.has(collection)) return;
  throw new EcloudError('PERMISSION_DENIED', `Records of ${collection} are append-only.`, {
    details: { reason: 'append-only', collection, id },
  });
}
