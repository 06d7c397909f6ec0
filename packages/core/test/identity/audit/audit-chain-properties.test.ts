import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/identity/audit/audit-chain.js';
import type { AuditRecord } from '../../../src/identity/audit/audit-record.js';
import { at, buildChain, checkpointAt, flipHex, forgedAfter, KEYS, rehash } from './audit-fixture.js';

// Chains are built once per length: the properties vary what is done to them, not the records.
const CHAINS = new Map<number, AuditRecord[]>();
function chain(n: number): AuditRecord[] {
  let records = CHAINS.get(n);
  if (records === undefined) {
    records = buildChain(n);
    CHAINS.set(n, records);
  }
  return records;
}

// Every way to change what a record says; each surely changes it.
const CONTENT_EDITS: Record<string, (r: AuditRecord) => AuditRecord> = {
  principal: (r) => ({ ...r, principal: { ...r.principal, id: `${r.principal.id}-x` } }),
  action: (r) => ({ ...r, action: r.action === 'audit:forged' ? 'audit:other' : 'audit:forged' }),
  resource: (r) => ({ ...r, resource: { ...r.resource, id: 'forged' } }),
  scope: (r) => ({ ...r, scope: { kind: 'platform', id: null } }),
  outcome: (r) => ({ ...r, outcome: r.outcome === 'denied' ? 'allowed' : 'denied' }),
  source: (r) => ({ ...r, source: {} }),
  details: (r) => ({ ...r, details: { ...r.details, forged: true } }),
  at: (r) => ({ ...r, at: new Date(Date.parse(r.at) + 1).toISOString() }),
  added: (r) => ({ ...r, note: 'added' }) as AuditRecord,
  seq: (r) => ({ ...r, seq: r.seq + 1000 }),
  prevHash: (r) => ({ ...r, prevHash: flipHex(r.prevHash) }),
};
const ALL_EDITS = { ...CONTENT_EDITS, hash: (r: AuditRecord) => ({ ...r, hash: flipHex(r.hash) }) };

// A chain of n records (2..30) and a 1-based position in it.
const chainAndSeq = fc
  .integer({ min: 2, max: 30 })
  .chain((n) => fc.record({ n: fc.constant(n), seq: fc.integer({ min: 1, max: n }) }));

function failure(kind: string, seq: number) {
  return { ok: false, problem: expect.objectContaining({ kind, seq }) };
}

describe('verifying the audit chain, over random chains and positions', () => {
  it('finds any field edited without recomputing the hash at the edited record', async () => {
    await fc.assert(
      fc.asyncProperty(chainAndSeq, fc.constantFrom(...Object.keys(ALL_EDITS)), async ({ n, seq }, field) => {
        const edit = ALL_EDITS[field as keyof typeof ALL_EDITS];
        const records = chain(n).map((r) => (r.seq === seq ? edit(r) : r));
        await expect(verifyAuditChain(records)).resolves.toMatchObject({
          ...failure('edited', seq),
          records: seq - 1,
        });
      }),
    );
  });

  it('finds any field edited with its hash recomputed at the edited record, through the next one', async () => {
    const notNewest = chainAndSeq.filter(({ n, seq }) => seq < n);
    await fc.assert(
      fc.asyncProperty(
        notNewest,
        fc.constantFrom(...Object.keys(CONTENT_EDITS)),
        async ({ n, seq }, field) => {
          const edit = CONTENT_EDITS[field] ?? ((r: AuditRecord) => r);
          const records = chain(n).map((r) => (r.seq === seq ? rehash(edit(r)) : r));
          await expect(verifyAuditChain(records)).resolves.toMatchObject(failure('edited', seq));
        },
      ),
    );
  });

  it('finds a record deleted anywhere but at the end', async () => {
    const notNewest = chainAndSeq.filter(({ n, seq }) => seq < n);
    await fc.assert(
      fc.asyncProperty(notNewest, async ({ n, seq }) => {
        const records = chain(n).filter((r) => r.seq !== seq);
        await expect(verifyAuditChain(records)).resolves.toMatchObject({
          ...failure('deleted', seq),
          records: seq - 1,
        });
      }),
    );
  });

  it('finds two swapped records, or one moved elsewhere, as reordered at the first displaced seq', async () => {
    const twoSeqs = fc.integer({ min: 2, max: 30 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        pair: fc.uniqueArray(fc.integer({ min: 1, max: n }), { minLength: 2, maxLength: 2 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(twoSeqs, fc.boolean(), async ({ n, pair }, swap) => {
        const [a = 1, b = 2] = pair;
        const records = swap ? swapped(chain(n), a, b) : moved(chain(n), a, b);
        await expect(verifyAuditChain(records)).resolves.toMatchObject(failure('reordered', Math.min(a, b)));
      }),
    );
  });

  it('finds a forged record spliced in before or after any record, chained to its predecessor', async () => {
    await fc.assert(
      fc.asyncProperty(chainAndSeq, fc.boolean(), async ({ n, seq }, after) => {
        const records = chain(n);
        const forged = forgedAfter(records[seq - 2]);
        const index = after ? seq : seq - 1;
        const spliced = [...records.slice(0, index), forged, ...records.slice(index)];
        await expect(verifyAuditChain(spliced)).resolves.toMatchObject(failure('inserted', seq));
      }),
    );
  });

  it('cannot see a cut of the newest records without a checkpoint, and finds it with one', async () => {
    await fc.assert(
      fc.asyncProperty(chainAndSeq, async ({ n, seq: kept }) => {
        const cut = chain(n).slice(0, kept - 1);
        const head = kept === 1 ? null : { seq: kept - 1, hash: at(chain(n), kept - 1).hash };
        await expect(verifyAuditChain(cut)).resolves.toEqual({ ok: true, records: kept - 1, head });
        const options = { checkpoint: checkpointAt(chain(n), n), publicKey: KEYS.publicKey };
        await expect(verifyAuditChain(cut, options)).resolves.toMatchObject(failure('truncated', kept));
      }),
      { numRuns: 40 },
    );
  });
});

function swapped(records: readonly AuditRecord[], a: number, b: number): AuditRecord[] {
  return records.map((r) => (r.seq === a ? at(records, b) : r.seq === b ? at(records, a) : r));
}

// The record at seq `from` taken out and put back where seq `to` was.
function moved(records: readonly AuditRecord[], from: number, to: number): AuditRecord[] {
  const rest = records.filter((r) => r.seq !== from);
  return [...rest.slice(0, to - 1), at(records, from), ...rest.slice(to - 1)];
}
