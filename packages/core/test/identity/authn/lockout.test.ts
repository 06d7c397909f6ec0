import { describe, expect, it } from 'vitest';
import {
  assertNotLocked,
  isLocked,
  type LoginAttempts,
  recordFailure,
  recordSuccess,
} from '../../../src/identity/authn/lockout.js';

const policy = { maxFailures: 3, lockoutMs: 60_000 };
const t0 = new Date('2025-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(state: LoginAttempts, times: number, now: Date): LoginAttempts {
  let next = state;
  for (let i = 0; i < times; i++) next = recordFailure(policy, next, now);
  return next;
}

describe('login lockout', () => {
  it('locks for lockoutMs when the failures reach maxFailures', () => {
    const twice = failTimes(recordSuccess(), 2, t0);
    expect(twice).toEqual({ failures: 2, lockedUntil: null });
    expect(isLocked(twice, t0)).toBe(false);
    expect(() => assertNotLocked(twice, t0)).not.toThrow();

    const locked = recordFailure(policy, twice, t0);
    expect(locked).toEqual({ failures: 3, lockedUntil: '2025-01-01T00:01:00.000Z' });
    expect(isLocked(locked, at(59_999))).toBe(true);
    expect(() => assertNotLocked(locked, at(1000))).toThrow(
      expect.objectContaining({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/^Account locked/),
        details: { lockedUntil: '2025-01-01T00:01:00.000Z' },
      }),
    );
  });

  it('does not extend the lock on failures while locked', () => {
    const locked = failTimes(recordSuccess(), 3, t0);
    expect(recordFailure(policy, locked, at(30_000))).toEqual(locked);
  });

  it('unlocks when the lock expires, and counts again from 1', () => {
    const locked = failTimes(recordSuccess(), 3, t0);
    expect(isLocked(locked, at(60_000))).toBe(false);
    expect(() => assertNotLocked(locked, at(60_000))).not.toThrow();
    const afterExpiry = recordFailure(policy, locked, at(60_000));
    expect(afterExpiry).toEqual({ failures: 1, lockedUntil: null });
    // Two more failures lock it again, measured from the new failure.
    expect(failTimes(afterExpiry, 2, at(120_000))).toEqual({
      failures: 3,
      lockedUntil: '2025-01-01T00:03:00.000Z',
    });
  });

  it('locks on the first failure when maxFailures is 1, also after an expired lock', () => {
    const strict = { maxFailures: 1, lockoutMs: 1000 };
    const locked = recordFailure(strict, recordSuccess(), t0);
    expect(isLocked(locked, t0)).toBe(true);
    expect(recordFailure(strict, locked, at(1000))).toEqual({
      failures: 1,
      lockedUntil: '2025-01-01T00:00:02.000Z',
    });
  });

  it('resets on success', () => {
    expect(recordSuccess()).toEqual({ failures: 0, lockedUntil: null });
    const locked = failTimes(recordSuccess(), 3, t0);
    expect(isLocked(locked, t0)).toBe(true);
    expect(isLocked(recordSuccess(), t0)).toBe(false);
  });

  it('fails loudly on an unreadable record or clock instead of reading it as unlocked', () => {
    const corrupt = { failures: 3, lockedUntil: 'soon' };
    expect(() => isLocked(corrupt, t0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => assertNotLocked(corrupt, t0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => recordFailure(policy, { failures: -1, lockedUntil: null }, t0)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => isLocked(recordSuccess(), new Date(Number.NaN))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
