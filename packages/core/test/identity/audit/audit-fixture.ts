import { chainRecord } from '../../../src/identity/audit/audit-chain.js';
import { generateAuditKeyPair, signCheckpoint } from '../../../src/identity/audit/audit-checkpoint.js';
import { auditRecordHash } from '../../../src/identity/audit/audit-hash.js';
import {
  type AuditEntryInput,
  type AuditRecord,
  GENESIS_HASH,
} from '../../../src/identity/audit/audit-record.js';

export const T0 = Date.parse('2025-03-01T08:00:00.000Z');

// Generated once: key generation is the slow part of a checkpoint.
export const KEYS = generateAuditKeyPair();
export const OTHER_KEYS = generateAuditKeyPair();

const ACTIONS = ['instance:create', 'instance:delete', 'volume:attach', 'role:grant'] as const;
const OUTCOMES = ['allowed', 'denied', 'succeeded', 'failed'] as const;

/** The i-th entry of a test log: every field varies with i, so no two records are alike. */
export function entry(i: number): AuditEntryInput {
  return {
    principal: { id: `user-${i % 7}`, type: i % 11 === 0 ? 'system' : 'user' },
    action: ACTIONS[i % ACTIONS.length] ?? 'instance:create',
    resource: { type: 'instance', id: `vm-${i}` },
    scope: { kind: 'tenant', id: `tenant-${i % 3}` },
    outcome: OUTCOMES[i % OUTCOMES.length] ?? 'succeeded',
    source: { ip: `10.0.${i % 256}.1`, requestId: `req-${i}` },
    details: { attempt: i, tags: ['a', 'b'], nested: { z: 1, a: [i, null, true] } },
  };
}

export function atOf(i: number): Date {
  return new Date(T0 + i * 1000);
}

/** A genuine chain of `n` records, seq 1..n. */
export function buildChain(n: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (let i = 1; i <= n; i++) records.push(chainRecord(records.at(-1), entry(i), atOf(i)));
  return records;
}

/**
 * The same chain, produced one record at a time and never held: only the previous record is kept.
 * Chained by hand with the record hash rather than through `chainRecord`, whose validation would
 * dominate the time of a long stream; a test checks that both give the same records.
 */
export async function* streamChain(n: number): AsyncGenerator<AuditRecord> {
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = { ...(entry(seq) as AuditRecord), seq, at: atOf(seq).toISOString(), prevHash };
    const record = { ...content, hash: auditRecordHash(content) };
    prevHash = record.hash;
    yield record;
  }
}

/** A record whose own hash is recomputed after tampering, as a forger who knows the scheme would. */
export function rehash(record: AuditRecord): AuditRecord {
  const { hash: _old, ...content } = record;
  return { ...content, hash: auditRecordHash(content) };
}

/** The record at `seq` of a genuine chain (seq is 1-based). */
export function at(records: readonly AuditRecord[], seq: number): AuditRecord {
  const record = records[seq - 1];
  if (record === undefined) throw new Error(`no record ${seq}`);
  return record;
}

/** `hash` with its first hex digit changed. */
export function flipHex(hash: string): string {
  return (hash[0] === 'a' ? 'b' : 'a') + hash.slice(1);
}

/** A checkpoint of the record at `seq`, signed with {@link KEYS}. */
export function checkpointAt(records: readonly AuditRecord[], seq: number, privateKey = KEYS.privateKey) {
  const head = at(records, seq);
  return signCheckpoint({ seq: head.seq, hash: head.hash }, { id: 'audit-2025', privateKey }, atOf(seq + 1));
}

/** A forged record, well chained to `prev` and with a valid hash, that the log never contained. */
export function forgedAfter(prev: AuditRecord | undefined): AuditRecord {
  const forged: AuditEntryInput = {
    principal: { id: 'intruder', type: 'user' },
    action: 'role:grant',
    resource: { type: 'role', id: 'platform-admin' },
    scope: { kind: 'platform', id: null },
    outcome: 'succeeded',
  };
  return chainRecord(prev, forged, atOf((prev?.seq ?? 0) + 1));
}
