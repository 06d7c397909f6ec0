import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/identity/audit/audit-chain.js';
import type { AuditRecord } from '../../../src/identity/audit/audit-record.js';
import { buildChain, forgedAfter, rehash, streamChain } from './audit-fixture.js';

// A source that records how far it was read and whether it was let go.
function tracked(records: readonly AuditRecord[]) {
  const state = { read: 0, closed: false };
  async function* source(): AsyncGenerator<AuditRecord> {
    try {
      for (const record of records) {
        state.read += 1;
        yield record;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, source: source() };
}

describe('verifying the audit chain as a stream', () => {
  it('reads an async source to the end', async () => {
    const { state, source } = tracked(buildChain(50));
    await expect(verifyAuditChain(source)).resolves.toMatchObject({
      ok: true,
      records: 50,
      head: { seq: 50 },
    });
    expect(state).toEqual({ read: 50, closed: true });
  });

  it('stops at the first problem, at most one record ahead, and lets the source go', async () => {
    const records = buildChain(50);
    const edited = records.map((r) => (r.seq === 10 ? { ...r, outcome: 'failed' as const } : r));
    const first = tracked(edited);
    await expect(verifyAuditChain(first.source)).resolves.toMatchObject({ ok: false, problem: { seq: 10 } });
    expect(first.state).toEqual({ read: 10, closed: true });
    // A forged record is told from the genuine one by looking one record past it.
    const forged = rehash({ ...forgedAfter(records[8]), prevHash: 'f'.repeat(64) });
    const second = tracked([...records.slice(0, 9), forged, ...records.slice(9)]);
    await expect(verifyAuditChain(second.source)).resolves.toMatchObject({
      ok: false,
      problem: { kind: 'inserted' },
    });
    expect(second.state).toEqual({ read: 11, closed: true });
  });

  it('streams the same records chainRecord writes', async () => {
    const streamed: AuditRecord[] = [];
    for await (const record of streamChain(20)) streamed.push(record);
    expect(streamed).toEqual(buildChain(20));
  });

  // Large enough that holding every record would show; the rate lives in no assertion (≈ 30 µs a record).
  it('verifies 20,000 records produced one at a time, never held together', {
    timeout: 60_000,
  }, async () => {
    const n = 20_000;
    const result = await verifyAuditChain(streamChain(n));
    expect(result).toMatchObject({ ok: true, records: n, head: { seq: n } });
  });
});
