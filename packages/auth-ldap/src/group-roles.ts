import { type ExternalIdentity, parseInput } from '@ecloud/core';
import { z } from 'zod';

/**
 * Which roles the members of each directory group get: group name (as the authenticator reports it,
 * e.g. an LDAP group's `cn`) → role names.
 * @public
 */
export const GroupRoleMapping = z.record(z.string().min(1), z.array(z.string().min(1)));
/** A group-to-role mapping (the type of the {@link GroupRoleMapping} schema). @public */
export type GroupRoleMapping = z.infer<typeof GroupRoleMapping>;

/**
 * The role names `mapping` gives an identity through its groups: the union over the identity's groups,
 * without duplicates, sorted. Group names match exactly (case included); groups the mapping does not
 * name give nothing, so a user in no mapped group gets no role (default deny).
 *
 * This only computes names: the cloud's identity service applies the mapping — it resolves the names to
 * roles and binds them, with the separation-of-duties checks — when an external user signs in.
 *
 * @throws EcloudError `INVALID_ARGUMENT` when `mapping` is not a record of role-name arrays.
 * @public
 */
export function mapGroupsToRoles(
  identity: Pick<ExternalIdentity, 'groups'>,
  mapping: GroupRoleMapping,
): string[] {
  const checked = parseInput(GroupRoleMapping, mapping, 'group-to-role mapping');
  const roles = new Set<string>();
  for (const group of identity.groups) {
    // Own keys only: a group named `constructor` or `__proto__` must not reach Object.prototype.
    if (!Object.hasOwn(checked, group)) continue;
    for (const role of checked[group] ?? []) roles.add(role);
  }
  return [...roles].sort();
}
