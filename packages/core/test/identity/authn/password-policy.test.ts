import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcloudError } from '../../../src/errors/ecloud-error.js';
import { hashPassword } from '../../../src/identity/authn/password-hash.js';
import {
  checkPasswordHistory,
  checkPasswordStrength,
  definePasswordPolicy,
  nextHistory,
} from '../../../src/identity/authn/password-policy.js';

const CHEAP = { ln: 4, r: 8, p: 1 };

function reasonsFor(run: () => void): string[] {
  try {
    run();
  } catch (error) {
    if (!EcloudError.is(error, 'INVALID_ARGUMENT')) throw error;
    const issues = error.details.issues as Array<{ path: string; message: string }>;
    expect(issues.every((issue) => issue.path === 'password')).toBe(true);
    return issues.map((issue) => issue.message);
  }
  return [];
}

describe('password policy', () => {
  it('fills in the defaults and validates its bounds', () => {
    expect(definePasswordPolicy()).toEqual({
      minLength: 12,
      requireClasses: 3,
      historySize: 5,
      maxFailures: 5,
      lockoutMs: 15 * 60_000,
    });
    for (const bad of [
      { minLength: 0 },
      { minLength: 1025 },
      { requireClasses: 5 },
      { historySize: 25 },
      { maxFailures: 0 },
      { maxFailures: 101 },
      { lockoutMs: 10 },
      { unknown: true },
    ]) {
      expect(() => definePasswordPolicy(bad as never)).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
  });

  it('accepts a long, mixed password and names every rule a weak one breaks', () => {
    const policy = definePasswordPolicy();
    expect(reasonsFor(() => checkPasswordStrength(policy, 'Correct-Horse-7', { username: 'alice' }))).toEqual(
      [],
    );
    expect(reasonsFor(() => checkPasswordStrength(policy, 'Sh0rt!'))).toEqual([
      'too short (at least 12 characters)',
    ]);
    expect(reasonsFor(() => checkPasswordStrength(policy, 'alllowercaseletters'))).toEqual([
      'needs 3 of 4 character classes',
    ]);
    expect(
      reasonsFor(() => checkPasswordStrength(policy, 'My-ALICE-password-1', { username: 'Alice' })),
    ).toEqual(['contains the user name']);
    expect(reasonsFor(() => checkPasswordStrength(policy, 'alice', { username: 'alice' }))).toEqual([
      'too short (at least 12 characters)',
      'needs 3 of 4 character classes',
      'contains the user name',
    ]);
  });

  it('counts code points, and any non-letter, non-digit character as the fourth class', () => {
    const policy = definePasswordPolicy({ requireClasses: 4 });
    // Twelve UTF-16 units but six characters.
    expect(reasonsFor(() => checkPasswordStrength(policy, '😀'.repeat(6)))).toContain(
      'too short (at least 12 characters)',
    );
    expect(reasonsFor(() => checkPasswordStrength(policy, 'Ünïcödé-Pässwörd 1'))).toEqual([]);
    expect(reasonsFor(() => checkPasswordStrength(policy, 'Abcdefghijk1'))).toEqual([
      'needs 4 of 4 character classes',
    ]);
  });

  it('ignores user names too short to mean anything', () => {
    const policy = definePasswordPolicy();
    expect(reasonsFor(() => checkPasswordStrength(policy, 'Pal-Secret-2024', { username: 'al' }))).toEqual(
      [],
    );
  });

  it('never echoes the password in the error', () => {
    const policy = definePasswordPolicy();
    const password = 'hunter2hunter';
    try {
      checkPasswordStrength(policy, password, { username: 'hunter' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EcloudError);
      expect(JSON.stringify((error as EcloudError).toJSON())).not.toContain(password);
    }
  });

  it('refuses a password among the last historySize, but not an older one', async () => {
    // Newest first: the current password, then the two before it.
    const history = [
      await hashPassword('Password-Three-3', CHEAP),
      await hashPassword('Password-Two-2', CHEAP),
      await hashPassword('Password-One-1', CHEAP),
    ];
    const policy = definePasswordPolicy({ historySize: 2 });
    for (const reused of ['Password-Three-3', 'Password-Two-2']) {
      await expect(checkPasswordHistory(policy, reused, history)).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        details: { issues: [{ path: 'password', message: 'used recently' }] },
      });
    }
    await expect(checkPasswordHistory(policy, 'Password-One-1', history)).resolves.toBeUndefined();
    await expect(checkPasswordHistory(policy, 'Password-Four-4', history)).resolves.toBeUndefined();
    await expect(
      checkPasswordHistory(definePasswordPolicy({ historySize: 0 }), 'Password-Three-3', history),
    ).resolves.toBeUndefined();
  });

  it('keeps the newest historySize hashes, newest first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 }),
        fc.array(fc.string(), { maxLength: 30 }),
        (size, previous) => {
          const next = nextHistory(definePasswordPolicy({ historySize: size }), 'new', previous);
          expect(next).toEqual(['new', ...previous].slice(0, size));
          expect(next.length).toBe(Math.min(size, previous.length + 1));
        },
      ),
    );
    expect(nextHistory(definePasswordPolicy({ historySize: 3 }), 'd', ['c', 'b', 'a'])).toEqual([
      'd',
      'c',
      'b',
    ]);
  });
});
