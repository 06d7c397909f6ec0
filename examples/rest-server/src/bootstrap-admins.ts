import { randomBytes } from 'node:crypto';
import { type Cloud, systemContext } from '@ecloud/core';

/** The three administrators of the three-admin model (R-SEC-2), each with only its own duty. */
const ADMINS = [
  { name: 'sysadmin', roleId: 'role-system-admin' },
  { name: 'secadmin', roleId: 'role-security-admin' },
  { name: 'auditadmin', roleId: 'role-audit-admin' },
] as const;

/** What the first start made: the password is only known here, once. */
export interface Bootstrapped {
  readonly usernames: readonly string[];
  /** Undefined when it came from `ECLOUD_BOOTSTRAP_PASSWORD` (the operator knows it). */
  readonly generatedPassword?: string;
}

/**
 * On a store with no users, creates `sysadmin`, `secadmin` and `auditadmin`, each bound on the platform
 * to its one built-in role, with the initial password `password` or, without one, a generated one
 * (returned, to be shown once). A store that has users is left alone.
 */
export async function bootstrapAdmins(cloud: Cloud, password?: string): Promise<Bootstrapped | undefined> {
  const ctx = systemContext('bootstrap');
  const users = await cloud.identity.principals.list(ctx, { kind: 'user', limit: 1 });
  if (users.items.length > 0) return undefined;
  // 24 random bytes in base64url: four character classes are all but certain; the suffix makes sure.
  const initial = password ?? `${randomBytes(24).toString('base64url')}-7a`;
  for (const admin of ADMINS) {
    const user = await cloud.identity.principals.create(ctx, {
      kind: 'user',
      name: admin.name,
      password: initial,
    });
    await cloud.identity.bindings.grant(ctx, {
      principalId: user.id,
      roleId: admin.roleId,
      scope: { kind: 'platform' },
    });
  }
  return {
    usernames: ADMINS.map((a) => a.name),
    ...(password === undefined ? { generatedPassword: initial } : {}),
  };
}
