import { describe, expect, it } from 'vitest';
import { chainRecord, verifyAuditChain } from '../../../src/identity/audit/audit-chain.js';
import { signCheckpoint } from '../../../src/identity/audit/audit-checkpoint.js';
import { type AuditRecord, GENESIS_HASH } from '../../../src/identity/audit/audit-record.js';
import {
  at,
  atOf,
  buildChain,
  checkpointAt,
  entry,
  flipHex,
  forgedAfter,
  KEYS,
  OTHER_KEYS,
  rehash,
} from './audit-fixture.js';

const N = 10;
const records = buildChain(N);
const head = (seq: number) => ({ seq, hash: at(records, seq).hash });
const problem = (kind: string, seq: number, checked: number) => ({
  ok: false,
  records: checked,
  problem: { kind, seq, message: expect.any(String) },
});
const replace = (seq: number, record: AuditRecord) => records.map((r) => (r.seq === seq ? record : r));
const without = (...seqs: number[]) => records.filter((r) => !seqs.includes(r.seq));

describe('verifying the audit chain', () => {
  it('accepts a genuine chain and names its head', async () => {
    await expect(verifyAuditChain(records)).resolves.toEqual({ ok: true, records: N, head: head(N) });
    await expect(verifyAuditChain([])).resolves.toEqual({ ok: true, records: 0, head: null });
  });

  it('verifies records as a store gives them back: JSON, keys in any order', async () => {
    const reordered = records.map((r) =>
      Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(r))).reverse()),
    );
    await expect(verifyAuditChain(reordered as AuditRecord[])).resolves.toMatchObject({
      ok: true,
      records: N,
    });
  });

  it('counts every field, so a field a store adds to a record reads as an edit', async () => {
    const stored = replace(4, { ...at(records, 4), id: 'row-4' } as AuditRecord);
    await expect(verifyAuditChain(stored)).resolves.toEqual(problem('edited', 4, 3));
  });

  it('finds an edited record by its own hash', async () => {
    const edited = replace(5, {
      ...at(records, 5),
      outcome: 'succeeded' === at(records, 5).outcome ? 'failed' : 'succeeded',
    });
    await expect(verifyAuditChain(edited)).resolves.toEqual(problem('edited', 5, 4));
  });

  it('finds an edit whose hash was recomputed through the next record, blaming the edited one', async () => {
    const edited = replace(5, rehash({ ...at(records, 5), principal: { id: 'someone-else', type: 'user' } }));
    await expect(verifyAuditChain(edited)).resolves.toEqual(problem('edited', 5, 5));
  });

  it('finds a record replaced with a different link, even when its hash was recomputed', async () => {
    const relinked = replace(5, rehash({ ...at(records, 5), prevHash: flipHex(at(records, 5).prevHash) }));
    await expect(verifyAuditChain(relinked)).resolves.toEqual(problem('edited', 5, 4));
    const genesis = replace(1, rehash({ ...at(records, 1), prevHash: flipHex(GENESIS_HASH) }));
    await expect(verifyAuditChain(genesis)).resolves.toEqual(problem('edited', 1, 0));
  });

  it('finds a renumbered record whose hash was recomputed', async () => {
    const renumbered = replace(5, rehash({ ...at(records, 5), seq: 9 }));
    await expect(verifyAuditChain(renumbered)).resolves.toEqual(problem('edited', 5, 4));
  });

  it('cannot see an edit of the newest record with its hash recomputed — a checkpoint of it can', async () => {
    const edited = replace(N, rehash({ ...at(records, N), outcome: 'denied' }));
    await expect(verifyAuditChain(edited)).resolves.toMatchObject({ ok: true, records: N });
    const checkpoint = checkpointAt(records, N);
    await expect(verifyAuditChain(edited, { checkpoint, publicKey: KEYS.publicKey })).resolves.toEqual(
      problem('edited', N, N - 1),
    );
  });

  it('finds a deleted record, the first one, and a deleted range', async () => {
    await expect(verifyAuditChain(without(4))).resolves.toEqual(problem('deleted', 4, 3));
    await expect(verifyAuditChain(without(1))).resolves.toEqual(problem('deleted', 1, 0));
    const range = await verifyAuditChain(without(4, 5, 6));
    expect(range).toEqual(problem('deleted', 4, 3));
    expect(range.ok || range.problem.message).toContain('4–6');
  });

  it('finds swapped and moved records as reordered, not deleted', async () => {
    const swap = (i: number, j: number) =>
      records.map((r) => (r.seq === i ? at(records, j) : r.seq === j ? at(records, i) : r));
    await expect(verifyAuditChain(swap(3, 4))).resolves.toEqual(problem('reordered', 3, 2));
    await expect(verifyAuditChain(swap(2, 8))).resolves.toEqual(problem('reordered', 2, 1));
    // Moved three places later: the gap it leaves looks like a deletion until it turns up.
    const moved = [...without(3).slice(0, 5), at(records, 3), ...without(3).slice(5)];
    await expect(verifyAuditChain(moved)).resolves.toEqual(problem('reordered', 3, 2));
    const replayed = [...records.slice(0, 6), at(records, 3), ...records.slice(6)];
    await expect(verifyAuditChain(replayed)).resolves.toEqual(problem('reordered', 3, 6));
  });

  it('finds a forged record spliced in, however it is chained', async () => {
    const before5 = [...records.slice(0, 4), forgedAfter(at(records, 4)), ...records.slice(4)];
    await expect(verifyAuditChain(before5)).resolves.toEqual(problem('inserted', 5, 5));
    const loose = rehash({ ...forgedAfter(at(records, 4)), prevHash: 'f'.repeat(64) });
    const unchained = [...records.slice(0, 4), loose, ...records.slice(4)];
    await expect(verifyAuditChain(unchained)).resolves.toEqual(problem('inserted', 5, 4));
    const after5 = [...records.slice(0, 5), forgedAfter(at(records, 4)), ...records.slice(5)];
    await expect(verifyAuditChain(after5)).resolves.toEqual(problem('inserted', 5, 5));
    const misnumbered = rehash({ ...forgedAfter(at(records, 4)), seq: 7 });
    const early = [...records.slice(0, 4), misnumbered, ...records.slice(4)];
    await expect(verifyAuditChain(early)).resolves.toEqual(problem('inserted', 5, 4));
  });

  it('reports malformed records as edited where they stand', async () => {
    for (const bad of [null, 'record', { ...at(records, 3), seq: '3' }, { ...at(records, 3), hash: 'xyz' }]) {
      await expect(verifyAuditChain(replace(3, bad as AuditRecord))).resolves.toEqual(
        problem('edited', 3, 2),
      );
    }
  });

  it('cannot see a cut of the newest records without a checkpoint, and calls it truncated with one', async () => {
    const cut = records.slice(0, N - 3);
    await expect(verifyAuditChain(cut)).resolves.toEqual({ ok: true, records: N - 3, head: head(N - 3) });
    const options = { checkpoint: checkpointAt(records, N), publicKey: KEYS.publicKey };
    await expect(verifyAuditChain(cut, options)).resolves.toEqual(problem('truncated', N - 2, N - 3));
    await expect(verifyAuditChain([], options)).resolves.toEqual(problem('truncated', 1, 0));
  });

  it('accepts records appended after the checkpoint, and a checkpoint of the head', async () => {
    const publicKey = KEYS.publicKey;
    await expect(
      verifyAuditChain(records, { checkpoint: checkpointAt(records, 6), publicKey }),
    ).resolves.toEqual({
      ok: true,
      records: N,
      head: head(N),
    });
    await expect(
      verifyAuditChain(records, { checkpoint: checkpointAt(records, N), publicKey }),
    ).resolves.toMatchObject({
      ok: true,
    });
  });

  it('catches a rewrite of the whole tail only through a checkpoint, at the checkpoint', async () => {
    let prev = at(records, 3);
    const tail: AuditRecord[] = [];
    for (let i = 4; i <= N; i++) {
      prev = chainRecord(prev, { ...entry(i), outcome: 'denied' }, atOf(i));
      tail.push(prev);
    }
    const rewritten = [...records.slice(0, 3), ...tail];
    await expect(verifyAuditChain(rewritten)).resolves.toMatchObject({ ok: true, records: N });
    const options = { checkpoint: checkpointAt(records, 7), publicKey: KEYS.publicKey };
    await expect(verifyAuditChain(rewritten, options)).resolves.toEqual(problem('edited', 7, 6));
  });

  it('refuses a checkpoint signed by another key or changed after signing', async () => {
    const publicKey = KEYS.publicKey;
    const foreign = checkpointAt(records, N, OTHER_KEYS.privateKey);
    await expect(verifyAuditChain(records, { checkpoint: foreign, publicKey })).resolves.toEqual(
      problem('bad-checkpoint', N, 0),
    );
    const genuine = checkpointAt(records, N);
    // Moved back to hide a cut, or pointed at a rewritten record: the signature no longer matches.
    const moved = { ...genuine, seq: N - 3, hash: at(records, N - 3).hash };
    await expect(
      verifyAuditChain(records.slice(0, N - 3), { checkpoint: moved, publicKey }),
    ).resolves.toEqual(problem('bad-checkpoint', N - 3, 0));
    const rehashed = { ...genuine, hash: flipHex(genuine.hash) };
    await expect(verifyAuditChain(records, { checkpoint: rehashed, publicKey })).resolves.toEqual(
      problem('bad-checkpoint', N, 0),
    );
    const broken = { ...genuine, seq: 'ten' } as never;
    await expect(verifyAuditChain(records, { checkpoint: broken, publicKey })).resolves.toEqual(
      problem('bad-checkpoint', 0, 0),
    );
  });

  it('needs the public key to trust a checkpoint', async () => {
    await expect(verifyAuditChain(records, { checkpoint: checkpointAt(records, N) })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  describe('from a trusted earlier head', () => {
    it('skips the records up to it, whether the log still holds them or not', async () => {
      const expected = { ok: true, records: N - 6, head: head(N) };
      await expect(verifyAuditChain(records, { from: head(6) })).resolves.toEqual(expected);
      await expect(verifyAuditChain(records.slice(6), { from: head(6) })).resolves.toEqual(expected);
      // An edit before the start is outside what was asked; the first record after it is not.
      const early = replace(2, { ...at(records, 2), outcome: 'failed' });
      await expect(verifyAuditChain(early, { from: head(6) })).resolves.toEqual(expected);
      const late = replace(7, { ...at(records, 7), outcome: 'allowed' });
      await expect(verifyAuditChain(late, { from: head(6) })).resolves.toEqual(problem('edited', 7, 0));
    });

    it('requires the first record to chain to the trusted hash', async () => {
      const wrong = { seq: 6, hash: flipHex(at(records, 6).hash) };
      await expect(verifyAuditChain(records, { from: wrong })).resolves.toEqual(problem('edited', 7, 0));
    });

    it('returns the start as the head when nothing follows it', async () => {
      await expect(verifyAuditChain(records, { from: head(N) })).resolves.toEqual({
        ok: true,
        records: 0,
        head: head(N),
      });
    });

    it('calls a record from before the start that turns up later out of order', async () => {
      const late = [...records.slice(6, 8), at(records, 3), ...records.slice(8)];
      await expect(verifyAuditChain(late, { from: head(6) })).resolves.toEqual(problem('reordered', 3, 2));
    });

    it('checks a checkpoint at or after the start, and refuses one before it', async () => {
      const publicKey = KEYS.publicKey;
      const from = head(6);
      const atStart = checkpointAt(records, 6);
      await expect(
        verifyAuditChain(records, { from, checkpoint: atStart, publicKey }),
      ).resolves.toMatchObject({ ok: true });
      const elsewhere = signCheckpoint(
        { seq: 6, hash: flipHex(from.hash) },
        { id: 'k', privateKey: KEYS.privateKey },
        atOf(7),
      );
      await expect(verifyAuditChain(records, { from, checkpoint: elsewhere, publicKey })).resolves.toEqual(
        problem('edited', 6, 0),
      );
      const cut = records.slice(0, 8);
      await expect(
        verifyAuditChain(cut, { from, checkpoint: checkpointAt(records, 9), publicKey }),
      ).resolves.toEqual(problem('truncated', 9, 2));
      await expect(
        verifyAuditChain(records, { from, checkpoint: checkpointAt(records, 5), publicKey }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(verifyAuditChain(records, { from: { seq: 0, hash: GENESIS_HASH } })).rejects.toMatchObject(
        {
          code: 'INVALID_ARGUMENT',
        },
      );
    });
  });
});
