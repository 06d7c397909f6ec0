import { z } from 'zod';
import { EcloudError } from '../../errors/ecloud-error.js';
import { parseInput } from '../../model/validate.js';
import type { PasswordPolicy } from './password-policy.js';

/**
 * The failed-login record of one account (R-SEC-4): consecutive failures and, once they reach the
 * policy's `maxFailures`, the ISO time the lock ends. Stored with the account; these functions only
 * compute the next value.
 * @public
 */
export const LoginAttempts = z.strictObject({
  failures: z.number().int().min(0),
  lockedUntil: z.iso.datetime({ offset: true }).nullable(),
});
/** The failed-login record of one account (the type of the {@link LoginAttempts} schema). @public */
export type LoginAttempts = z.infer<typeof LoginAttempts>;

/** The lockout rules {@link recordFailure} needs from a password policy. @public */
export type LockoutPolicy = Pick<PasswordPolicy, 'maxFailures' | 'lockoutMs'>;

/** Whether the account is locked at `now`. @public */
export function isLocked(state: LoginAttempts, now: Date): boolean {
  const at = instant(now);
  const until = lockEnd(state);
  return until !== null && until > at;
}

/**
 * The record after a failed login. The failure that reaches `maxFailures` locks the account for
 * `lockoutMs`; a failure while locked changes nothing (so guessing cannot extend the lock forever), and
 * the first failure after a lock has expired counts from 1 again.
 * @public
 */
export function recordFailure(policy: LockoutPolicy, state: LoginAttempts, now: Date): LoginAttempts {
  const at = instant(now);
  const until = lockEnd(state);
  if (until !== null && until > at) return state;
  const failures = until === null ? state.failures + 1 : 1;
  if (failures < policy.maxFailures) return { failures, lockedUntil: null };
  return { failures, lockedUntil: new Date(at + policy.lockoutMs).toISOString() };
}

/** The record after a successful login, and of a new account: no failures, no lock. @public */
export function recordSuccess(): LoginAttempts {
  return { failures: 0, lockedUntil: null };
}

/**
 * Throws `UNAUTHENTICATED` with `details.lockedUntil` when the account is locked at `now`. Call it
 * before checking the password, so that a locked account does not answer password guesses.
 * @public
 */
export function assertNotLocked(state: LoginAttempts, now: Date): void {
  if (!isLocked(state, now)) return;
  const lockedUntil = state.lockedUntil;
  throw new EcloudError('UNAUTHENTICATED', `Account locked until ${lockedUntil}.`, {
    details: { lockedUntil },
  });
}

// The record comes back from the store; an unreadable one must fail loudly, not read as "unlocked".
function lockEnd(state: LoginAttempts): number | null {
  const valid = parseInput(LoginAttempts, state, 'login attempts');
  return valid.lockedUntil === null ? null : Date.parse(valid.lockedUntil);
}

function instant(now: Date): number {
  const at = now instanceof Date ? now.getTime() : Number.NaN;
  if (Number.isNaN(at)) throw new EcloudError('INVALID_ARGUMENT', 'Invalid now: not a valid Date.');
  return at;
}
