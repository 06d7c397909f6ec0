import type { Grant } from '../../identity/authorizer.js';
import { BUILT_IN_ROLES } from '../../identity/built-in-roles.js';
import type { Duty, Permission } from '../../identity/permission.js';
import { dutiesOf, type Role } from '../../identity/role.js';
import { allRecords } from '../../store/all-records.js';
import type { StoreSession } from '../../store/store.js';

const BUILT_IN = new Map(BUILT_IN_ROLES.map((role) => [role.id, role]));

/** A role by id: built-in ones from the table, custom ones from the store. @internal */
export async function resolveRole(session: StoreSession, roleId: string): Promise<Role | undefined> {
  const builtIn = BUILT_IN.get(roleId);
  if (builtIn) return builtIn;
  const custom = await session.get('roles', roleId);
  return custom && { id: custom.id, name: custom.name, permissions: custom.permissions, builtIn: false };
}

/** The groups a user belongs to. @internal */
export async function groupIdsOf(session: StoreSession, userId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const membership of allRecords(session, 'memberships', { userId })) ids.push(membership.groupId);
  return ids;
}

/**
 * Everything a principal holds: its own bindings and those of its groups, each with its role's
 * permissions. Read per call from the store's indexes (bindings by principal, memberships by user).
 * @internal
 */
export async function grantsOf(session: StoreSession, principalId: string): Promise<Grant[]> {
  const grants: Grant[] = [];
  for (const holder of [principalId, ...(await groupIdsOf(session, principalId))]) {
    for await (const binding of allRecords(session, 'roleBindings', { principalId: holder })) {
      const role = await resolveRole(session, binding.roleId);
      if (role) grants.push({ scope: binding.scope, permissions: new Set(role.permissions) });
    }
  }
  return grants;
}

/** The duties a principal holds now, through its own bindings and its groups' (R-SEC-2). @internal */
export async function dutiesHeld(session: StoreSession, principalId: string): Promise<Set<Duty>> {
  const permissions: Permission[] = [];
  for (const grant of await grantsOf(session, principalId)) permissions.push(...grant.permissions);
  return dutiesOf(permissions);
}
