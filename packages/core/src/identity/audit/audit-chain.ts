import type { KeyObject } from 'node:crypto';
import { EcloudError } from '../../errors/ecloud-error.js';
import { parseInput } from '../../model/validate.js';
import { type SignedCheckpoint, verifyCheckpoint } from './audit-checkpoint.js';
import { auditRecordHash, readChainLink, seqOf } from './audit-hash.js';
import { AuditEntryInput, AuditHead, type AuditRecord, auditTime, GENESIS_HASH } from './audit-record.js';
import { type AuditProblem, auditProblem, type ChainHead, classifyBreak } from './chain-anomaly.js';
import { RecordStream } from './record-stream.js';

export type { AuditProblem, AuditProblemKind } from './chain-anomaly.js';

/** Options of {@link verifyAuditChain}. @public */
export interface VerifyAuditChainOptions {
  /** The newest signed head known; lets verification prove that no newer records were cut. */
  readonly checkpoint?: SignedCheckpoint;
  /** The Ed25519 public key the checkpoint must be signed with; required with `checkpoint`. */
  readonly publicKey?: KeyObject | string;
  /**
   * A trusted earlier head (one a previous verification returned, or a verified checkpoint): records up
   * to its `seq` are skipped unread, and the first record after it must chain to its `hash`.
   */
  readonly from?: AuditHead;
}

/**
 * The outcome of {@link verifyAuditChain}. `records` counts the records that passed, skipped ones not
 * included. `head` is the verified chain's newest record — `from` when no record follows it, null for
 * an empty log. `problem` is the first one found in log order.
 * @public
 */
export type AuditVerification =
  | { readonly ok: true; readonly records: number; readonly head: AuditHead | null }
  | { readonly ok: false; readonly records: number; readonly problem: AuditProblem };

/**
 * The record that follows `prev` (the newest record of the log; undefined for the first): numbered
 * next, chained to `prev`'s hash (or to {@link GENESIS_HASH}), written at `at`, hashed with
 * `auditRecordHash`. Throws `INVALID_ARGUMENT` for an invalid entry or date. The caller must append it
 * in the same transaction that read `prev`, so that two writers cannot both follow the same record.
 * @public
 */
export function chainRecord(
  prev: Pick<AuditRecord, 'seq' | 'hash'> | undefined,
  input: AuditEntryInput,
  at: Date,
): AuditRecord {
  const { details, ...entry } = parseInput(AuditEntryInput, input, 'audit entry');
  const after =
    prev === undefined
      ? { seq: 0, hash: GENESIS_HASH }
      : parseInput(AuditHead, { seq: prev.seq, hash: prev.hash }, 'previous audit record');
  const content = {
    ...entry,
    // Absent rather than undefined, so the record reads back from any store exactly as it was hashed.
    ...(details === undefined ? {} : { details }),
    seq: after.seq + 1,
    at: auditTime(at),
    prevHash: after.hash,
  };
  return { ...content, hash: auditRecordHash(content) };
}

/**
 * Checks an audit log, oldest record first, in one pass and constant memory, so it can stream a log of
 * millions of records straight from a store cursor; the source is closed when verification stops early.
 * A `checkpoint`'s signature is checked first (`bad-checkpoint`). Then each record is judged against the
 * last one accepted, the head (seq h, e = h + 1), first matching rule wins, first problem ends it:
 * 1. not shaped like a record, or its content does not match its own `hash` → `edited` at e;
 * 2. numbered e and chained to the head (`prevHash` = the head's hash) → accepted; at the checkpoint's
 *    `seq` its hash must be the checkpoint's, else `edited` there;
 * 3. a different record with the head's own `prevHash` → `inserted` at h: the chain never forks;
 * 4. chained to the head but not numbered e → `inserted` at e if the record after it is the head's
 *    rightful successor (numbered e, chained to the head), else `edited` at e (renumbered);
 * 5. numbered e but not chained to the head → `inserted` at e if the record after it is the head's
 *    rightful successor; `edited` at e if the record after it (intact, numbered e + 1) does not chain to
 *    it either, or if there is no head record (genesis, `from`); else `edited` at h — a record changed in place with its hash
 *    recomputed keeps its own link and breaks the next record's;
 * 6. numbered beyond e → `reordered` at e if a missing seq turns up later in the log, else `deleted` at e;
 * 7. numbered below e → `reordered` at its own seq (moved back, or repeated).
 * At the end, a log that stops before the checkpoint's `seq` → `truncated` at h + 1.
 *
 * Limits, by construction of a keyless chain: without a checkpoint, a cut of the newest records, or
 * newest records rewritten with their hashes recomputed, cannot be seen; with one, neither can changes
 * after its `seq`. A rewrite that reaches the checkpoint is reported at the checkpoint's `seq`, wherever
 * it began. Sign checkpoints often. Rules 3–5 look one record ahead; rule 6 reads on to the end.
 *
 * Throws `INVALID_ARGUMENT` for a checkpoint without a public key, a key that is not Ed25519, a
 * malformed `from`, or a checkpoint older than `from`; errors of the source itself propagate.
 * @public
 */
export async function verifyAuditChain(
  records: AsyncIterable<AuditRecord> | Iterable<AuditRecord>,
  options: VerifyAuditChainOptions = {},
): Promise<AuditVerification> {
  const from = options.from === undefined ? undefined : readFrom(options.from);
  const checkpoint = options.checkpoint;
  if (checkpoint !== undefined) {
    const problem = checkCheckpoint(checkpoint, options.publicKey, from);
    if (problem !== null) return { ok: false, records: 0, problem };
  }
  const stream = new RecordStream(records);
  try {
    return await walk(stream, from, checkpoint);
  } finally {
    await stream.close();
  }
}

function readFrom(from: AuditHead): AuditHead {
  return parseInput(AuditHead, { seq: from.seq, hash: from.hash }, 'verification start (from)');
}

function checkCheckpoint(
  checkpoint: SignedCheckpoint,
  publicKey: KeyObject | string | undefined,
  from: AuditHead | undefined,
): AuditProblem | null {
  if (publicKey === undefined) {
    throw new EcloudError(
      'INVALID_ARGUMENT',
      'A checkpoint can only be trusted with the public key it was signed by.',
    );
  }
  if (!verifyCheckpoint(checkpoint, publicKey)) {
    const seq = Number.isSafeInteger(checkpoint.seq) ? checkpoint.seq : 0;
    return auditProblem('bad-checkpoint', seq, 'The checkpoint is malformed or not signed by the given key.');
  }
  if (from !== undefined && checkpoint.seq < from.seq) {
    // Its record would be skipped, so nothing could be checked against it.
    throw new EcloudError(
      'INVALID_ARGUMENT',
      'The checkpoint is older than from: verify from an earlier point.',
      {
        details: { checkpointSeq: checkpoint.seq, fromSeq: from.seq },
      },
    );
  }
  return null;
}

async function walk(
  stream: RecordStream,
  from: AuditHead | undefined,
  checkpoint: SignedCheckpoint | undefined,
): Promise<AuditVerification> {
  let head: ChainHead = { ...(from ?? { seq: 0, hash: GENESIS_HASH }), prevHash: null };
  let records = 0;
  let skipping = from !== undefined;
  const start = contradiction(head, checkpoint);
  if (start !== null) return { ok: false, records, problem: start };
  for (let item = await stream.next(); item !== undefined; item = await stream.next()) {
    // Skipping ends at the first record past `from`; an earlier one after that is out of order.
    skipping &&= (seqOf(item.value) ?? Number.POSITIVE_INFINITY) <= head.seq;
    if (skipping) continue;
    const next = await follow(item.value, head, stream);
    const problem = 'kind' in next ? next : contradiction(next, checkpoint);
    if (problem !== null) return { ok: false, records, problem };
    head = next as ChainHead;
    records += 1;
  }
  const cut = truncation(head, checkpoint);
  if (cut !== null) return { ok: false, records, problem: cut };
  return { ok: true, records, head: head.seq === 0 ? null : { seq: head.seq, hash: head.hash } };
}

// The record after the head, accepted as the new head, or what is wrong with it.
async function follow(
  value: unknown,
  head: ChainHead,
  stream: RecordStream,
): Promise<ChainHead | AuditProblem> {
  const expected = head.seq + 1;
  const link = readChainLink(value);
  if (link === null) {
    return auditProblem('edited', expected, `The record in the place of seq ${expected} is malformed.`);
  }
  if (!link.intact) {
    const claim = link.seq === expected ? '' : ` (numbered ${link.seq})`;
    return auditProblem(
      'edited',
      expected,
      `Record ${expected}${claim} does not match its hash: it was edited.`,
    );
  }
  if (link.seq === expected && link.prevHash === head.hash) return link;
  return classifyBreak(link, head, stream);
}

function contradiction(head: ChainHead, checkpoint: SignedCheckpoint | undefined): AuditProblem | null {
  if (checkpoint === undefined || head.seq !== checkpoint.seq || head.hash === checkpoint.hash) return null;
  return auditProblem(
    'edited',
    head.seq,
    `Record ${head.seq} differs from the checkpoint of ${checkpoint.at}: it or the records before it were rewritten.`,
  );
}

function truncation(head: ChainHead, checkpoint: SignedCheckpoint | undefined): AuditProblem | null {
  if (checkpoint === undefined || head.seq >= checkpoint.seq) return null;
  return auditProblem(
    'truncated',
    head.seq + 1,
    `The log ends at seq ${head.seq} but the checkpoint of ${checkpoint.at} saw seq ${checkpoint.seq}: the newest records were cut.`,
  );
}
