import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcloudError } from '../../../src/errors/ecloud-error.js';
import { TokenIssuer, type TokenKey } from '../../../src/identity/authn/bearer-token.js';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');
const oldKey: TokenKey = { id: 'k-2024', secret: Buffer.alloc(32, 1) };
const newKey: TokenKey = { id: 'k-2025', secret: Buffer.alloc(32, 2) };

function issuer(keys: TokenKey[] = [oldKey], now: () => number = () => T0, ttlMs?: number): TokenIssuer {
  return new TokenIssuer({ keys, now, ...(ttlMs === undefined ? {} : { ttlMs }) });
}

function refusalOf(run: () => unknown): EcloudError {
  try {
    run();
  } catch (error) {
    if (EcloudError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function expectRefused(run: () => unknown, reason: string): void {
  const error = refusalOf(run);
  expect({ code: error.code, reason: error.details.reason }).toEqual({ code: 'UNAUTHENTICATED', reason });
}

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** A token signed like the issuer does, with a payload of the test's choosing. */
function forge(payload: unknown, key: TokenKey = oldKey): string {
  const signed = `v1.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', key.secret).update(signed).digest('base64url')}`;
}

describe('bearer tokens', () => {
  it('issues a v1 token that verifies to its subject, tenant, expiry and id', () => {
    const tokens = issuer();
    const { token, expiresAt } = tokens.issue('user-1', { tenantId: 'tn-1' });
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe('2025-01-01T00:15:00.000Z');
    const verified = tokens.verify(token);
    expect(verified).toEqual({ subject: 'user-1', tenantId: 'tn-1', expiresAt, jti: expect.any(String) });
    expect(payloadOf(token)).toEqual({
      sub: 'user-1',
      kid: 'k-2024',
      tid: 'tn-1',
      iat: T0 / 1000,
      exp: T0 / 1000 + 900,
      jti: verified.jti,
    });
    expect(tokens.verify(tokens.issue('user-1').token)).toEqual({
      subject: 'user-1',
      expiresAt,
      jti: expect.any(String),
    });
    expect(tokens.issue('user-1').token).not.toBe(tokens.issue('user-1').token);
  });

  it('expires exactly at exp, with no leeway', () => {
    let now = T0;
    const tokens = issuer([oldKey], () => now, 60_000);
    const { token } = tokens.issue('user-1');
    now = T0 + 59_999;
    expect(tokens.verify(token).subject).toBe('user-1');
    now = T0 + 60_000;
    expectRefused(() => tokens.verify(token), 'expired');
  });

  it('allows 30 s of clock drift for the issue time, and no more', () => {
    const ahead = (ms: number) => issuer([oldKey], () => T0 + ms).issue('user-1').token;
    const tokens = issuer();
    expect(tokens.verify(ahead(30_000)).subject).toBe('user-1');
    expectRefused(() => tokens.verify(ahead(31_000)), 'not-yet-valid');
  });

  it('refuses a token whose payload was changed', () => {
    const tokens = issuer();
    const [version, , signature] = tokens.issue('user-1').token.split('.');
    const payload = { ...payloadOf(tokens.issue('user-1').token), sub: 'admin' };
    const tampered = `${version}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    expectRefused(() => tokens.verify(tampered), 'signature');
  });

  it('refuses any single-character change of a token', () => {
    const tokens = issuer();
    const { token } = tokens.issue('user-1', { tenantId: 'tn-1' });
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...'ABCXYZabcxyz0189-_.=+/ '), (index, char) => {
        fc.pre(token[index] !== char);
        const changed = token.slice(0, index) + char + token.slice(index + 1);
        expect(refusalOf(() => tokens.verify(changed)).code).toBe('UNAUTHENTICATED');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a signature spelled in non-canonical base64url, though it decodes to the same bytes', () => {
    const tokens = issuer();
    const { token } = tokens.issue('user-1');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // The last of 43 characters carries 4 bits of the 32 bytes; flipping an unused low bit changes no byte.
    const last = alphabet.indexOf(token.slice(-1));
    const sibling = `${token.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(sibling.split('.')[2] ?? '', 'base64url')).toEqual(
      Buffer.from(token.split('.')[2] ?? '', 'base64url'),
    );
    expectRefused(() => tokens.verify(sibling), 'malformed');
  });

  it('refuses a token signed with another secret under the same key id, or with an unknown key', () => {
    const impostor = issuer([{ id: 'k-2024', secret: Buffer.alloc(32, 9) }]);
    expectRefused(() => issuer().verify(impostor.issue('user-1').token), 'signature');
    expectRefused(() => issuer().verify(issuer([newKey]).issue('user-1').token), 'unknown-key');
  });

  it('rotates keys: new tokens use the first key, tokens of an older key still verify', () => {
    const before = issuer([oldKey]);
    const after = issuer([newKey, oldKey]);
    const oldToken = before.issue('user-1').token;
    const newToken = after.issue('user-1').token;
    expect(after.verify(oldToken).subject).toBe('user-1');
    expect(payloadOf(newToken).kid).toBe('k-2025');
    expect(after.verify(newToken).subject).toBe('user-1');
    // Once the old key is retired its tokens stop working.
    expectRefused(() => issuer([newKey]).verify(oldToken), 'unknown-key');
  });

  it('verifies a token without a key id against the signing key only', () => {
    const payload = { sub: 'user-1', iat: T0 / 1000, exp: T0 / 1000 + 60, jti: 'j1' };
    expect(issuer([oldKey, newKey]).verify(forge(payload, oldKey)).subject).toBe('user-1');
    expectRefused(() => issuer([newKey, oldKey]).verify(forge(payload, oldKey)), 'signature');
  });

  it('refuses malformed tokens as UNAUTHENTICATED, never with a crash', () => {
    const { token } = issuer().issue('user-1');
    const [, payload, signature] = token.split('.') as [string, string, string];
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    const base = { sub: 'user-1', kid: 'k-2024', iat: T0 / 1000, exp: T0 / 1000 + 60, jti: 'j1' };
    const malformed: unknown[] = [
      '',
      'v1',
      `v1.${payload}`,
      `v2.${payload}.${signature}`,
      `v1.${payload}.${signature}.x`,
      `v1..${signature}`,
      `v1.${payload}.`,
      `v1.${payload}!.${signature}`,
      `v1.${payload}.${signature}=`,
      `v1.${b64('not json')}.${signature}`,
      `v1.${b64('[1,2]')}.${signature}`,
      `v1.${b64('null')}.${signature}`,
      `v1.${'A'.repeat(5000)}.${signature}`,
      forge({ ...base, admin: true }),
      forge({ ...base, exp: base.iat }),
      forge({ ...base, iat: 'yesterday' }),
      forge({ ...base, sub: '' }),
      42,
      null,
      undefined,
    ];
    for (const bad of malformed) expectRefused(() => issuer().verify(bad as string), 'malformed');
    // Well-formed but for a signature of the wrong length.
    expectRefused(() => issuer().verify(`v1.${payload}.${b64('short')}`), 'signature');
  });

  it('validates its options and what it is asked to issue', () => {
    for (const bad of [
      { keys: [] },
      { keys: [{ id: 'k', secret: Buffer.alloc(16) }] },
      { keys: [oldKey, { ...newKey, id: oldKey.id }] },
      { keys: [{ id: 'has space', secret: Buffer.alloc(32) }] },
      { keys: [oldKey], ttlMs: 24 * 60 * 60_000 + 1 },
      { keys: [oldKey], ttlMs: 999 },
    ]) {
      expect(() => new TokenIssuer(bad as never)).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
    expect(() => issuer().issue('')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => issuer().issue('user-1', { tenantId: '' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('does not show its secrets when inspected or serialised', () => {
    const tokens = issuer([{ id: 'k', secret: Buffer.from('s3cr3t-'.repeat(6)) }]);
    expect(JSON.stringify(tokens)).not.toContain('s3cr3t');
    expect(inspect(tokens, { showHidden: true, depth: 10 })).not.toContain('s3cr3t');
  });
});
