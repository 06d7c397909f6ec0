import { type ChainLink, readChainLink, seqOf } from './audit-hash.js';
import type { RecordStream, StreamItem } from './record-stream.js';

/**
 * What was done to the log, as far as the records show it:
 * - `edited`: a record's content no longer matches a hash that vouches for it;
 * - `deleted`: records are missing from the middle (or the start) of the log;
 * - `reordered`: records are all there but out of order, or one appears twice;
 * - `inserted`: a record that was never written by the chain has been spliced in;
 * - `truncated`: the newest records were cut, as a signed checkpoint proves;
 * - `bad-checkpoint`: the checkpoint itself is not signed by the given key.
 * @public
 */
export type AuditProblemKind =
  | 'edited'
  | 'deleted'
  | 'reordered'
  | 'inserted'
  | 'truncated'
  | 'bad-checkpoint';

/** The first problem verification found: what, at which `seq`, in words. @public */
export interface AuditProblem {
  readonly kind: AuditProblemKind;
  readonly seq: number;
  readonly message: string;
}

/**
 * The last record verification accepted. `prevHash` is null when there is no such record — at the
 * genesis (seq 0) or at a trusted starting point — so nothing can be blamed on it.
 * @internal
 */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
  readonly prevHash: string | null;
}

/** Builds a problem. @internal */
export function auditProblem(kind: AuditProblemKind, seq: number, message: string): AuditProblem {
  return { kind, seq, message };
}

/**
 * Says what was done to the log when `link` — intact, read just after `head` — does not continue the
 * chain: rules 3–7 of `verifyAuditChain`, whose documentation states them. May look one record ahead,
 * and for a gap reads on to the end.
 * @internal
 */
export async function classifyBreak(
  link: ChainLink,
  head: ChainHead,
  stream: RecordStream,
): Promise<AuditProblem> {
  const expected = head.seq + 1;
  if (head.prevHash !== null && link.prevHash === head.prevHash && link.hash !== head.hash) {
    return auditProblem(
      'inserted',
      head.seq,
      `Two different records claim seq ${head.seq}: one was inserted.`,
    );
  }
  if (link.prevHash === head.hash) return misnumbered(link, head, stream);
  if (link.seq === expected) return unlinked(link, head, stream);
  if (link.seq > expected) return gap(link, head, stream);
  return auditProblem('reordered', link.seq, `Record ${link.seq} appears after record ${head.seq}.`);
}

async function misnumbered(link: ChainLink, head: ChainHead, stream: RecordStream): Promise<AuditProblem> {
  const expected = head.seq + 1;
  if (isSuccessor(await stream.peek(), head)) {
    return auditProblem(
      'inserted',
      expected,
      `A forged record numbered ${link.seq} precedes record ${expected}.`,
    );
  }
  return auditProblem(
    'edited',
    expected,
    `Record ${expected} chains to record ${head.seq} but claims seq ${link.seq}: its seq was changed.`,
  );
}

async function unlinked(link: ChainLink, head: ChainHead, stream: RecordStream): Promise<AuditProblem> {
  const expected = head.seq + 1;
  const next = await stream.peek();
  if (isSuccessor(next, head)) {
    return auditProblem(
      'inserted',
      expected,
      `A forged record numbered ${expected} precedes the genuine one.`,
    );
  }
  const after = next === undefined ? null : readChainLink(next.value);
  const replaced = after?.intact === true && after.seq === expected + 1 && after.prevHash !== link.hash;
  if (replaced || head.prevHash === null) {
    return auditProblem(
      'edited',
      expected,
      `Record ${expected} does not chain to ${describe(head)}: it was replaced.`,
    );
  }
  return auditProblem(
    'edited',
    head.seq,
    `Record ${expected} vouches for a different record ${head.seq}: record ${head.seq} was changed and its hash recomputed.`,
  );
}

async function gap(link: ChainLink, head: ChainHead, stream: RecordStream): Promise<AuditProblem> {
  const expected = head.seq + 1;
  const missing =
    expected === link.seq - 1 ? `Record ${expected} is` : `Records ${expected}–${link.seq - 1} are`;
  // The records may only have been moved: a gap is a deletion only if they never turn up.
  for (let item = await stream.next(); item !== undefined; item = await stream.next()) {
    const seq = seqOf(item.value);
    if (seq !== null && seq >= expected && seq < link.seq) {
      return auditProblem(
        'reordered',
        expected,
        `${missing} out of place: record ${seq} appears after ${link.seq}.`,
      );
    }
  }
  return auditProblem(
    'deleted',
    expected,
    `${missing} missing: record ${link.seq} follows ${describe(head)}.`,
  );
}

// The head's rightful successor: intact, numbered next, chained to the head.
function isSuccessor(item: StreamItem | undefined, head: ChainHead): boolean {
  const link = item === undefined ? null : readChainLink(item.value);
  return link?.intact === true && link.seq === head.seq + 1 && link.prevHash === head.hash;
}

function describe(head: ChainHead): string {
  if (head.prevHash !== null) return `record ${head.seq}`;
  return head.seq === 0 ? 'the genesis' : `the trusted starting point at seq ${head.seq}`;
}
