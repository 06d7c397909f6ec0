import {
  type PasswordPolicy,
  PasswordPolicy as PasswordPolicySchema,
} from '../../identity/authn/password-policy.js';
import type { StoreSession } from '../../store/store.js';

/** The id of the one stored policy record. @internal */
export const CURRENT_POLICY = 'current';

/**
 * The password policy in force (R-SEC-4): the one the security administrator last set, kept in the
 * store so every management process applies the same; until then the one the cloud options give. Read
 * per use — a password change or a login is rare next to one indexed read.
 * @internal
 */
export async function currentPasswordPolicy(
  session: StoreSession,
  configured: PasswordPolicy,
): Promise<PasswordPolicy> {
  const stored = await session.get('passwordPolicies', CURRENT_POLICY);
  if (!stored) return configured;
  const { id: _id, version: _version, createdAt: _created, updatedAt: _updated, ...policy } = stored;
  return PasswordPolicySchema.parse(policy);
}
