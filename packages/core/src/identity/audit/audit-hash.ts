import { createHash } from 'node:crypto';
import type { AuditRecord } from './audit-record.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The hash of an audit record: SHA-256, as lowercase hex, of its `prevHash`, a newline, and the
 * canonical JSON of every field but `hash` itself. Every field counts — including any a store might
 * add — so a record must be verified exactly as it was written. Throws `INVALID_ARGUMENT` when the
 * record holds something JSON cannot represent.
 * @public
 */
export function auditRecordHash(record: Omit<AuditRecord, 'hash'>): string {
  const { hash: _ignored, ...content } = record as Omit<AuditRecord, 'hash'> & { hash?: unknown };
  return createHash('sha256')
    .update(`${content.prevHash}\n${canonicalJson(content)}`, 'utf8')
    .digest('hex');
}

/**
 * What verification needs of a record read back from the log: its place in the chain and whether its
 * content still matches its own hash.
 * @internal
 */
export interface ChainLink {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  /** Whether the content still hashes to `hash`. */
  readonly intact: boolean;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Reads a record from the log, or null when it is not even shaped like one (no positive integer
 * `seq`, or a `prevHash` or `hash` that is not a digest). Never throws: whatever is in the log is
 * evidence, not an error of the caller.
 * @internal
 */
export function readChainLink(value: unknown): ChainLink | null {
  if (typeof value !== 'object' || value === null) return null;
  const { seq, prevHash, hash } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(seq) || (seq as number) < 1) return null;
  if (typeof prevHash !== 'string' || !HEX64.test(prevHash)) return null;
  if (typeof hash !== 'string' || !HEX64.test(hash)) return null;
  return { seq: seq as number, prevHash, hash, intact: hashOf(value as AuditRecord) === hash };
}

/** The `seq` of a record, or null when it has none; enough to look for missing records. @internal */
export function seqOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const seq = (value as { seq?: unknown }).seq;
  return Number.isSafeInteger(seq) ? (seq as number) : null;
}

function hashOf(record: AuditRecord): string | null {
  try {
    return auditRecordHash(record);
  } catch {
    // A record that cannot be serialised cannot be the one that was hashed.
    return null;
  }
}
