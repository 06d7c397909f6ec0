import type { CallContext } from '../../context/call-context.js';
import { type Grant, grantsAllow, grantsReach } from '../../identity/authorizer.js';
import { type KnownPermission, PERMISSIONS } from '../../identity/permission-catalog.js';
import type { AccessTarget } from '../../identity/scope.js';
import type { StoreSession } from '../../store/store.js';
import { grantsOf } from '../identity/grants.js';
import { readIdentity } from './identity-cache.js';

/** Which tenants and domains a right reaches: `all` through a platform binding. @internal */
export interface Reach {
  readonly all: boolean;
  readonly domains: ReadonlySet<string>;
  readonly tenants: ReadonlySet<string>;
}

/**
 * What one caller may do, resolved once per operation (R-SEC-1, R-SEC-5). Default deny: a user or
 * service account holds exactly what its bindings and its groups' give. A context narrowed to a tenant
 * (`ctx.tenantId`, a portal session working in one project) never reaches another tenant's records,
 * whatever it was granted; it still reaches the platform's own.
 * @internal
 */
export interface CallerRights {
  /** Whether the caller holds `permission` on `target`. */
  allows(permission: KnownPermission, target: AccessTarget): boolean;
  /**
   * Whether the caller holds `permission` on any scope at all — the rule for reading the shared catalog
   * (images, offerings, regions, datacenters), which every tenant that may use it must see. A
   * platform-level permission counts only through a platform binding.
   */
  holds(permission: KnownPermission): boolean;
  /** Where the caller holds `permission`, for scoping a list. */
  reach(permission: KnownPermission): Reach;
}

const PLATFORM: AccessTarget = { kind: 'platform' };

const EVERYTHING: Reach = { all: true, domains: new Set(), tenants: new Set() };

const SYSTEM: CallerRights = { allows: () => true, holds: () => true, reach: () => EVERYTHING };

function narrowed(ctx: CallContext, target: AccessTarget): boolean {
  if (ctx.tenantId === undefined) return true;
  if (target.kind === 'tenant' || target.kind === 'resource') {
    return target.tenantId === null || target.tenantId === ctx.tenantId;
  }
  return true;
}

function grantRights(ctx: CallContext, grants: readonly Grant[], home: AccessTarget | null): CallerRights {
  return {
    allows: (permission, target) => narrowed(ctx, target) && grantsAllow(grants, permission, target),
    holds: (permission) =>
      PERMISSIONS[permission].level === 'platform'
        ? grantsAllow(grants, permission, PLATFORM)
        : grants.some((grant) => grant.permissions.has(permission)),
    reach(permission) {
      if (home === null) return grantsReach(grants, permission);
      // A narrowed context reaches its own tenant, if its grants do, and nothing else.
      const own = home.kind === 'tenant' && grantsAllow(grants, permission, home);
      return { all: false, domains: new Set(), tenants: new Set(own ? [home.tenantId] : []) };
    },
  };
}

/**
 * The caller's rights. A `system` context — the embedding program itself, the HA manager — holds every
 * right and costs no lookup; anyone else's grants are read from the store's indexes, through the
 * identity cache when `session` is the store itself (see {@link IdentityCache}), afresh in a transaction.
 * @internal
 */
export async function rightsOf(session: StoreSession, ctx: CallContext): Promise<CallerRights> {
  if (ctx.principal.type === 'system') return SYSTEM;
  const principalId = ctx.principal.id;
  const grants = await readIdentity(session, `grants:${principalId}`, () => grantsOf(session, principalId));
  if (ctx.tenantId === undefined) return grantRights(ctx, grants, null);
  const tenant = await session.get('tenants', ctx.tenantId);
  const home: AccessTarget = tenant
    ? { kind: 'tenant', tenantId: tenant.id, domainId: tenant.domainId }
    : { kind: 'platform' };
  return grantRights(ctx, grants, home);
}
