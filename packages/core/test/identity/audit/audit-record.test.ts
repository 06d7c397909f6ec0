import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainRecord, verifyAuditChain } from '../../../src/identity/audit/audit-chain.js';
import {
  type AuditEntryInput,
  AuditRecord,
  GENESIS_HASH,
  MAX_AUDIT_DETAILS_BYTES,
} from '../../../src/identity/audit/audit-record.js';
import { atOf, buildChain, entry } from './audit-fixture.js';

const invalidAt = (path: string) =>
  expect.objectContaining({
    code: 'INVALID_ARGUMENT',
    details: { issues: expect.arrayContaining([expect.objectContaining({ path })]) },
  });

describe('audit records', () => {
  it('chains the first record to the genesis and hashes prevHash, a newline and the canonical rest', () => {
    const first = chainRecord(undefined, { ...entry(1), details: { b: 2, a: 1 } }, atOf(1));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, at: '2025-03-01T08:00:01.000Z' });
    // Written out by hand, so that the formula itself is pinned, not just agreement with the code.
    const content =
      '{"action":"instance:delete","at":"2025-03-01T08:00:01.000Z","details":{"a":1,"b":2},' +
      `"outcome":"denied","prevHash":"${GENESIS_HASH}","principal":{"id":"user-1","type":"user"},` +
      '"resource":{"id":"vm-1","type":"instance"},"scope":{"id":"tenant-1","kind":"tenant"},"seq":1,' +
      '"source":{"ip":"10.0.1.1","requestId":"req-1"}}';
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${content}`).digest('hex');
    expect(first.hash).toBe(expected);
  });

  it('numbers each record one past its predecessor and carries its hash', () => {
    const [first, second, third] = buildChain(3);
    expect(second).toMatchObject({ seq: 2, prevHash: first?.hash });
    expect(third).toMatchObject({ seq: 3, prevHash: second?.hash });
    expect(new Set([first?.hash, second?.hash, third?.hash]).size).toBe(3);
  });

  it('hashes the same entry alike whatever the key order of its details', () => {
    const a = chainRecord(undefined, { ...entry(1), details: { x: 1, y: { p: 1, q: 2 } } }, atOf(1));
    const b = chainRecord(undefined, { ...entry(1), details: { y: { q: 2, p: 1 }, x: 1 } }, atOf(1));
    expect(b.hash).toBe(a.hash);
  });

  it('copies details, so changing the caller’s object later cannot change a hashed record', async () => {
    const details = { list: [1, 2], inner: { ok: true } };
    const record = chainRecord(undefined, { ...entry(1), details }, atOf(1));
    details.list.push(3);
    details.inner.ok = false;
    expect(record.details).toEqual({ list: [1, 2], inner: { ok: true } });
    await expect(verifyAuditChain([record])).resolves.toMatchObject({ ok: true });
  });

  it('gives a record without source or details an empty source and no details key at all', () => {
    const { source: _s, details: _d, ...bare } = entry(1);
    const record = chainRecord(undefined, { ...bare, details: undefined }, atOf(1));
    expect(record.source).toEqual({});
    expect(Object.keys(record)).not.toContain('details');
  });

  it('reads back through the AuditRecord schema after a JSON round trip', () => {
    const records = buildChain(3);
    for (const record of records) {
      expect(AuditRecord.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
    }
  });

  it('refuses entries that are not what an audit record may hold', () => {
    const ok = entry(1);
    const cases: [AuditEntryInput, string][] = [
      [{ ...ok, action: 'Instance:create' }, 'action'],
      [{ ...ok, action: 'instance.create' }, 'action'],
      [{ ...ok, action: 'instance:' }, 'action'],
      [{ ...ok, scope: { kind: 'platform', id: 'p-1' } }, 'scope.id'],
      [{ ...ok, scope: { kind: 'tenant', id: null } }, 'scope.id'],
      [{ ...ok, source: { ip: 'x'.repeat(65) } }, 'source.ip'],
      [{ ...ok, principal: { id: '', type: 'user' } }, 'principal.id'],
      [{ ...ok, outcome: 'maybe' as never }, 'outcome'],
      [{ ...ok, extra: 1 } as AuditEntryInput, '(root)'],
      [{ ...ok, details: { when: new Date(0) } }, 'details'],
      [{ ...ok, details: { n: Number.NaN } }, 'details'],
    ];
    for (const [input, path] of cases)
      expect(() => chainRecord(undefined, input, atOf(1))).toThrow(invalidAt(path));
  });

  it('bounds details at 8 KiB of canonical JSON, counted in UTF-8 bytes', () => {
    // {"s":"…"} is 8 bytes of framing.
    const fits = { s: 'x'.repeat(MAX_AUDIT_DETAILS_BYTES - 8) };
    expect(() => chainRecord(undefined, { ...entry(1), details: fits }, atOf(1))).not.toThrow();
    const tooLong = { s: 'x'.repeat(MAX_AUDIT_DETAILS_BYTES - 7) };
    expect(() => chainRecord(undefined, { ...entry(1), details: tooLong }, atOf(1))).toThrow(
      invalidAt('details'),
    );
    // Half as many characters, but two bytes each.
    const wide = { s: 'é'.repeat(MAX_AUDIT_DETAILS_BYTES / 2) };
    expect(() => chainRecord(undefined, { ...entry(1), details: wide }, atOf(1))).toThrow(
      invalidAt('details'),
    );
  });

  it('refuses an invalid date and a predecessor that is not a record', () => {
    expect(() => chainRecord(undefined, entry(1), new Date(Number.NaN))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    const prev = { ...buildChain(1)[0], hash: 'nope' } as AuditRecord;
    expect(() => chainRecord(prev, entry(2), atOf(2))).toThrow(invalidAt('hash'));
  });
});
