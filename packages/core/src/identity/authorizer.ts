import type { Permission } from './permission.js';
import { isKnownPermission, PERMISSIONS } from './permission-catalog.js';
import type { AccessTarget, Scope } from './scope.js';
import { scopeCovers } from './scope.js';

/** A role as bound to one principal on one scope: its permissions, resolved. @public */
export interface Grant {
  readonly scope: Scope;
  readonly permissions: ReadonlySet<Permission>;
}

/**
 * Whether grants allow `permission` on `target` (R-SEC-1: rights split by role *and* scope). Default
 * deny: only a grant whose role holds the permission and whose scope covers the target allows, and a
 * platform-level permission only through a platform grant — a tenant admin's binding cannot reach
 * hosts, however its role was written. An undeclared permission is never allowed.
 * @public
 */
export function grantsAllow(grants: readonly Grant[], permission: Permission, target: AccessTarget): boolean {
  if (!isKnownPermission(permission)) return false;
  const platformOnly = PERMISSIONS[permission].level === 'platform';
  for (const grant of grants) {
    if (!grant.permissions.has(permission)) continue;
    if (platformOnly && grant.scope.kind !== 'platform') continue;
    if (scopeCovers(grant.scope, target)) return true;
  }
  return false;
}

/**
 * Which tenants and domains the grants reach with `permission`, for scoping a list to what the caller
 * may see: `all` for a platform grant, else the ids bound. @public
 */
export function grantsReach(
  grants: readonly Grant[],
  permission: Permission,
): { readonly all: boolean; readonly domains: ReadonlySet<string>; readonly tenants: ReadonlySet<string> } {
  const domains = new Set<string>();
  const tenants = new Set<string>();
  for (const grant of grants) {
    if (!grant.permissions.has(permission)) continue;
    if (grant.scope.kind === 'platform') return { all: true, domains, tenants };
    if (grant.scope.kind === 'domain') domains.add(grant.scope.id);
    if (grant.scope.kind === 'tenant') tenants.add(grant.scope.id);
  }
  return { all: false, domains, tenants };
}
