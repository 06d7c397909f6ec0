import { z } from 'zod';
import { EcloudError } from '../../errors/ecloud-error.js';
import type { RecordMeta } from '../../model/common.js';
import type { InputIssue } from '../../model/validate.js';
import { parseInput } from '../../model/validate.js';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './password-hash.js';

/**
 * The password and lockout rules of a cloud (R-SEC-4). Lengths count Unicode code points, so that a
 * password of emoji is not credited twice its length.
 * @public
 */
export const PasswordPolicy = z.strictObject({
  /** The fewest characters a password may have. */
  minLength: z.number().int().min(1).max(MAX_PASSWORD_LENGTH).default(12),
  /** How many of the four classes (lower case, upper case, digit, other) a password must mix. */
  requireClasses: z.number().int().min(0).max(4).default(3),
  /** How many recent passwords, the current one included, may not be chosen again. */
  historySize: z.number().int().min(0).max(24).default(5),
  /** Consecutive failed logins that lock the account. */
  maxFailures: z.number().int().min(1).max(100).default(5),
  /** How long a locked account stays locked, in milliseconds (1 s to 24 h). */
  lockoutMs: z
    .number()
    .int()
    .min(1000)
    .max(24 * 60 * 60_000)
    .default(15 * 60_000),
});
/** The password and lockout rules of a cloud, all fields filled in (the output of {@link PasswordPolicy}). @public */
export type PasswordPolicy = z.output<typeof PasswordPolicy>;
/** The password and lockout rules as callers write them, defaults left out. @public */
export type PasswordPolicyInput = z.input<typeof PasswordPolicy>;

/** The policy as the store keeps it, once the security administrator has set one: one record, id `current`. @internal */
export type StoredPasswordPolicy = RecordMeta & PasswordPolicy;

/** Validates a policy and fills in its defaults; throws `INVALID_ARGUMENT`. @public */
export function definePasswordPolicy(input: PasswordPolicyInput = {}): PasswordPolicy {
  return parseInput(PasswordPolicy, input, 'password policy');
}

const CHARACTER_CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u] as const;
// A name this short would match most passwords by chance, so it is not checked.
const MIN_CHECKED_USERNAME = 3;

/**
 * Checks a new password against the policy's length, character-class and user-name rules. Throws
 * `INVALID_ARGUMENT` listing every rule broken in `details.issues`; the password is never echoed.
 * @public
 */
export function checkPasswordStrength(
  policy: PasswordPolicy,
  password: string,
  context: { readonly username?: string } = {},
): void {
  if (typeof password !== 'string') rejectPassword(['must be a string']);
  const reasons = strengthProblems(policy, password, context.username);
  if (reasons.length > 0) rejectPassword(reasons);
}

function strengthProblems(policy: PasswordPolicy, password: string, username: string | undefined): string[] {
  const reasons: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) reasons.push(`too short (at least ${policy.minLength} characters)`);
  if (password.length > MAX_PASSWORD_LENGTH)
    reasons.push(`too long (at most ${MAX_PASSWORD_LENGTH} characters)`);
  const classes = CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length;
  if (classes < policy.requireClasses) reasons.push(`needs ${policy.requireClasses} of 4 character classes`);
  if (containsUsername(password, username)) reasons.push('contains the user name');
  return reasons;
}

function containsUsername(password: string, username: string | undefined): boolean {
  if (username === undefined || [...username].length < MIN_CHECKED_USERNAME) return false;
  return password.toLocaleLowerCase('und').includes(username.toLocaleLowerCase('und'));
}

/**
 * Throws `INVALID_ARGUMENT` ('used recently') when `password` matches one of the newest
 * `policy.historySize` hashes in `previousHashes` (newest first, the current password's included).
 * A malformed stored hash fails the check rather than being skipped.
 * @public
 */
export async function checkPasswordHistory(
  policy: PasswordPolicy,
  password: string,
  previousHashes: readonly string[],
): Promise<void> {
  // One at a time: each scrypt takes tens of MiB, and a password change is rare enough to wait.
  for (const hash of previousHashes.slice(0, policy.historySize)) {
    if (await verifyPassword(password, hash)) rejectPassword(['used recently']);
  }
}

/**
 * The password history to store after a change to `newHash`: newest first, at most
 * `policy.historySize` entries.
 * @public
 */
export function nextHistory(
  policy: PasswordPolicy,
  newHash: string,
  previousHashes: readonly string[],
): string[] {
  return [newHash, ...previousHashes].slice(0, policy.historySize);
}

function rejectPassword(reasons: readonly string[]): never {
  const issues: InputIssue[] = reasons.map((message) => ({ path: 'password', message }));
  throw new EcloudError('INVALID_ARGUMENT', `The password is not acceptable: ${reasons.join(', ')}.`, {
    details: { issues },
  });
}
