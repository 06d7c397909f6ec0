import type { CallContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import type { KnownPermission } from '../../identity/permission-catalog.js';
import type { AccessTarget } from '../../identity/scope.js';
import type { Tenant } from '../../model/tenant.js';
import type { CollectionMap, CollectionName } from '../../store/collections.js';
import type { StoreSession } from '../../store/store.js';
import { type CallerRights, rightsOf } from './caller-rights.js';

/**
 * The right that makes a record of each kind visible at all. A caller without it on a record is told
 * the record does not exist, so a foreign tenant's ids reveal nothing (R-SEC-5).
 */
const READ = {
  regions: 'region:read',
  datacenters: 'datacenter:read',
  clusters: 'cluster:read',
  hosts: 'host:read',
  images: 'image:read',
  offerings: 'offering:read',
  domains: 'domain:read',
  tenants: 'tenant:read',
  instances: 'instance:read',
  volumes: 'volume:read',
  snapshots: 'instance:read',
  jobs: 'job:read',
  placementGroups: 'placementGroup:read',
} as const satisfies Partial<Record<CollectionName, KnownPermission>>;

/** A kind of record services look up for callers. @internal */
export type GuardedCollection = keyof typeof READ;

/** The platform's catalog, which every tenant allowed to use it reads: held anywhere is enough. */
const SHARED: ReadonlySet<CollectionName> = new Set(['regions', 'datacenters', 'images', 'offerings']);

function notFound(what: string, id: string): EcloudError {
  return new EcloudError('NOT_FOUND', `${what} ${id} does not exist.`, { details: { id } });
}

/** The error of a caller that lacks `permission`. @internal */
export function permissionDenied(permission: KnownPermission, ctx: CallContext): EcloudError {
  return new EcloudError('PERMISSION_DENIED', `The caller may not ${permission} here.`, {
    details: { permission, principal: ctx.principal.id },
  });
}

/** A tenant as the target of an operation, with its domain. @internal */
export function tenantTarget(tenant: Pick<Tenant, 'id' | 'domainId'>): AccessTarget {
  return { kind: 'tenant', tenantId: tenant.id, domainId: tenant.domainId };
}

/** Where a record sits in the platform → domain → tenant → resource hierarchy. */
async function targetOf(
  session: StoreSession,
  collection: GuardedCollection,
  record: CollectionMap[GuardedCollection],
): Promise<AccessTarget> {
  if (collection === 'domains') return { kind: 'domain', domainId: record.id };
  if (collection === 'tenants') return tenantTarget(record as Tenant);
  if (!('tenantId' in record)) return { kind: 'platform' };
  const tenantId = record.tenantId as string | null;
  const tenant = tenantId === null ? undefined : await session.get('tenants', tenantId);
  return { kind: 'resource', resourceId: record.id, tenantId, domainId: tenant?.domainId ?? null };
}

/**
 * Checks that the caller may apply `permission` to `record`: NOT_FOUND when it may not even see it,
 * PERMISSION_DENIED when it sees it but lacks the right.
 * @internal
 */
export async function assertRecordAccess<K extends GuardedCollection>(
  session: StoreSession,
  ctx: CallContext,
  rights: CallerRights,
  collection: K,
  record: CollectionMap[K],
  permission: KnownPermission,
  what: string,
): Promise<void> {
  if (SHARED.has(collection)) {
    if (!rights.holds(permission)) throw permissionDenied(permission, ctx);
    return;
  }
  const target = await targetOf(session, collection, record);
  if (target.kind !== 'platform' && !rights.allows(READ[collection], target)) throw notFound(what, record.id);
  if (!rights.allows(permission, target)) throw permissionDenied(permission, ctx);
}

/**
 * Reads a record the caller may apply `permission` to, or throws: NOT_FOUND for a record that does not
 * exist, is deleted, or that the caller may not see — also one of another tenant, so a foreign id
 * reveals nothing (R-SEC-5); PERMISSION_DENIED for one it sees but may not touch that way.
 * @internal
 */
export async function getVisible<K extends GuardedCollection>(
  session: StoreSession,
  ctx: CallContext,
  collection: K,
  id: string,
  what: string,
  permission: KnownPermission,
): Promise<CollectionMap[K]> {
  const record = await session.get(collection, id);
  const deleted = record && 'state' in record && record.state === 'deleted';
  if (!record || deleted) throw notFound(what, id);
  await assertRecordAccess(session, ctx, await rightsOf(session, ctx), collection, record, permission, what);
  return record;
}

/**
 * The tenant an operation creates something in — the one named, else the context's own, else the only
 * tenant the caller's `permission` reaches (a tenant admin bound on one tenant need not name it) —
 * checked like a record: NOT_FOUND if the caller cannot see it, PERMISSION_DENIED if it sees it but may
 * not `permission` there, ILLEGAL_STATE if it is disabled. A caller reaching several, or the platform,
 * must name one.
 * @internal
 */
export async function resolveTenant(
  session: StoreSession,
  ctx: CallContext,
  tenantId: string | undefined,
  permission: KnownPermission,
  what: string,
): Promise<Tenant> {
  const id = tenantId ?? ctx.tenantId ?? (await onlyTenantReached(session, ctx, permission));
  if (id === undefined) {
    throw new EcloudError('INVALID_ARGUMENT', `Invalid ${what} input: tenantId is required.`, {
      details: { issues: [{ path: 'tenantId', message: 'required' }] },
    });
  }
  const tenant = await session.get('tenants', id);
  if (!tenant) throw notFound('Tenant', id);
  await assertRecordAccess(
    session,
    ctx,
    await rightsOf(session, ctx),
    'tenants',
    tenant,
    permission,
    'Tenant',
  );
  if (tenant.state !== 'active') {
    throw new EcloudError('ILLEGAL_STATE', `Tenant ${id} is disabled; it takes no new resources.`, {
      details: { tenantId: id, state: tenant.state },
    });
  }
  return tenant;
}

/** The one tenant `permission` reaches through the caller's bindings, if it reaches exactly one. */
async function onlyTenantReached(
  session: StoreSession,
  ctx: CallContext,
  permission: KnownPermission,
): Promise<string | undefined> {
  const reach = (await rightsOf(session, ctx)).reach(permission);
  if (reach.all || reach.domains.size > 0 || reach.tenants.size !== 1) return undefined;
  return [...reach.tenants][0];
}

/**
 * The tenant a list is confined to, or `undefined` for every tenant: the one asked for (which the
 * caller must see, or it is NOT_FOUND), else the context's own, else the single tenant the caller's
 * right reaches. A caller reaching several tenants but not the whole platform names one: walking every
 * tenant of a domain per page would make a page cost grow with the domain.
 * @internal
 */
export async function listTenant(
  session: StoreSession,
  ctx: CallContext,
  permission: KnownPermission,
  requested: string | undefined,
): Promise<string | undefined> {
  const rights = await rightsOf(session, ctx);
  const id = requested ?? ctx.tenantId;
  if (id !== undefined) {
    const tenant = await session.get('tenants', id);
    if (!tenant || !rights.allows(permission, tenantTarget(tenant))) throw notFound('Tenant', id);
    return id;
  }
  const reach = rights.reach(permission);
  if (reach.all) return undefined;
  const [only, ...others] = reach.tenants;
  if (only !== undefined && others.length === 0 && reach.domains.size === 0) return only;
  if (only === undefined && reach.domains.size === 0) throw permissionDenied(permission, ctx);
  throw new EcloudError('INVALID_ARGUMENT', 'Name the tenant to list: the caller reaches several.', {
    details: { issues: [{ path: 'tenantId', message: 'required when the caller reaches several tenants' }] },
  });
}
