import { type CallContext, checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { transactWithEvents } from '../../events/outbox.js';
import { dutiesOf } from '../../identity/role.js';
import {
  GrantRoleInput,
  type RoleBinding,
  RoleBindingFilter,
  scopeKey,
} from '../../identity/role-binding.js';
import type { AccessTarget, Scope } from '../../identity/scope.js';
import { assertNotSelfGrant, assertSeparatedDuties } from '../../identity/separation-of-duties.js';
import { newId } from '../../model/ids.js';
import type { Page } from '../../model/page.js';
import { parseInput } from '../../model/validate.js';
import { allRecords } from '../../store/all-records.js';
import type { StoreSession } from '../../store/store.js';
import type { OperationTable } from '../access/operation-rule.js';
import { audited } from '../audit/audit-trail.js';
import { listPage, requireRecord, type ServiceDeps } from '../service-deps.js';
import { dutiesHeld, groupIdsOf, resolveRole } from './grants.js';
import { authorize, PLATFORM } from './identity-guard.js';

/** Role bindings: who holds which role where (R-SEC-1, R-SEC-2). @public */
export interface BindingService {
  /**
   * Binds a role to a user, group or service account on a scope. Refused (`PERMISSION_DENIED`) when the
   * caller grants to itself or to a group it is in, or when the grantee — or, for a group, any member —
   * would hold two of the three duties.
   */
  grant(ctx: CallContext, input: GrantRoleInput): Promise<RoleBinding>;
  /** Removes a binding. */
  revoke(ctx: CallContext, id: string): Promise<void>;
  /** One page of bindings, of one principal or role if asked, oldest first. */
  list(ctx: CallContext, filter?: RoleBindingFilter): Promise<Page<RoleBinding>>;
}

/** The target a scope names, checked to exist: a domain, a tenant, or an instance, volume or placement group. */
async function scopeTarget(session: StoreSession, scope: Scope): Promise<AccessTarget> {
  if (scope.kind === 'platform') return PLATFORM;
  const missing = () =>
    new EcloudError('NOT_FOUND', `Scope ${scopeKey(scope)} does not exist.`, { details: { scope } });
  if (scope.kind === 'domain') {
    if (!(await session.get('domains', scope.id))) throw missing();
    return { kind: 'domain', domainId: scope.id };
  }
  if (scope.kind === 'tenant') {
    const tenant = await session.get('tenants', scope.id);
    if (!tenant) throw missing();
    return { kind: 'tenant', tenantId: tenant.id, domainId: tenant.domainId };
  }
  const owner =
    (await session.get('instances', scope.id)) ??
    (await session.get('volumes', scope.id)) ??
    (await session.get('placementGroups', scope.id));
  if (!owner) throw missing();
  const tenant = await session.get('tenants', owner.tenantId);
  return {
    kind: 'resource',
    resourceId: scope.id,
    tenantId: owner.tenantId,
    domainId: tenant?.domainId ?? null,
  };
}

/** Every user a binding to `principalId` reaches: the principal itself, or a group's members. */
async function* holders(session: StoreSession, principalId: string, kind: string): AsyncGenerator<string> {
  yield principalId;
  if (kind !== 'group') return;
  for await (const membership of allRecords(session, 'memberships', { groupId: principalId }))
    yield membership.userId;
}

/** The rights binding operations check: granting on the binding's scope, reading on the platform. @internal */
export const BINDING_OPERATIONS = {
  grant: 'role:grant',
  revoke: 'role:grant',
  list: 'role:read',
} as const satisfies OperationTable<BindingService>;

/** Builds the binding service. @internal */
export function createBindingService(deps: ServiceDeps): BindingService {
  const { store, bus } = deps;
  return {
    async grant(ctx, input) {
      checkContext(ctx);
      const parsed = parseInput(GrantRoleInput, input, 'grant input');
      const subject = { action: 'role:grant', resource: { type: 'roleBinding', id: null }, target: PLATFORM };
      return audited(store, ctx, subject, (done) =>
        transactWithEvents(store, bus, async (tx, effects) => {
          const target = await scopeTarget(tx, parsed.scope);
          await authorize(tx, ctx, 'role:grant', target);
          const principal = await requireRecord(tx, 'principals', parsed.principalId, 'Principal');
          const role = await resolveRole(tx, parsed.roleId);
          if (!role)
            throw new EcloudError('NOT_FOUND', `Role ${parsed.roleId} does not exist.`, {
              details: { id: parsed.roleId },
            });
          assertNotSelfGrant(ctx.principal.id, principal.id, new Set(await groupIdsOf(tx, ctx.principal.id)));
          const added = dutiesOf(role.permissions);
          for await (const holder of holders(tx, principal.id, principal.kind))
            assertSeparatedDuties(holder, await dutiesHeld(tx, holder), added);
          const binding = await tx.insert('roleBindings', {
            id: newId('roleBinding'),
            principalId: principal.id,
            roleId: role.id,
            scope: parsed.scope,
            scopeKey: scopeKey(parsed.scope),
            grantedBy: ctx.principal.id,
          });
          effects.emit({
            type: 'role.granted',
            resourceType: 'roleBinding',
            resourceId: binding.id,
            tenantId: null,
            data: { principalId: principal.id, roleId: role.id, scope: binding.scopeKey },
          });
          await done(tx, binding.id, { principalId: principal.id, roleId: role.id, scope: binding.scopeKey });
          return binding;
        }),
      );
    },

    async revoke(ctx, id) {
      checkContext(ctx);
      const subject = {
        action: 'role:revoke',
        resource: { type: 'roleBinding', id: String(id) },
        target: PLATFORM,
      };
      await audited(store, ctx, subject, (done) =>
        transactWithEvents(store, bus, async (tx, effects) => {
          const binding = await requireRecord(tx, 'roleBindings', String(id), 'Binding');
          // A binding whose tenant or resource is gone is revoked by a platform security admin.
          const target = await scopeTarget(tx, binding.scope).catch((error: unknown) => {
            if (EcloudError.is(error, 'NOT_FOUND')) return PLATFORM;
            throw error;
          });
          await authorize(tx, ctx, 'role:grant', target);
          await tx.delete('roleBindings', binding.id, binding.version);
          effects.emit({
            type: 'role.revoked',
            resourceType: 'roleBinding',
            resourceId: binding.id,
            tenantId: null,
            data: { principalId: binding.principalId, roleId: binding.roleId },
          });
          await done(tx, binding.id, { principalId: binding.principalId, roleId: binding.roleId });
        }),
      );
    },

    async list(ctx, filter = {}) {
      checkContext(ctx);
      const { principalId, roleId, ...page } = parseInput(RoleBindingFilter, filter, 'binding filter');
      await authorize(store, ctx, 'role:read', PLATFORM);
      const where = {
        ...(principalId === undefined ? {} : { principalId }),
        ...(roleId === undefined ? {} : { roleId }),
      };
      return listPage(store, 'roleBindings', where, page);
    },
  };
}
