import { type CallContext, checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { transactWithEvents } from '../../events/outbox.js';
import { BUILT_IN_ROLES } from '../../identity/built-in-roles.js';
import {
  type CustomRole,
  checkRolePermissions,
  dutiesOf,
  type Role,
  RoleInput,
  RoleUpdateInput,
} from '../../identity/role.js';
import { newId } from '../../model/ids.js';
import type { Page, PageInput } from '../../model/page.js';
import { parseInput } from '../../model/validate.js';
import type { OperationTable } from '../access/operation-rule.js';
import { type AuditSubject, audited } from '../audit/audit-trail.js';
import { listPage, requireRecord, type ServiceDeps } from '../service-deps.js';
import { resolveRole } from './grants.js';
import { authorize, PLATFORM } from './identity-guard.js';

/** Built-in and custom roles (R-SEC-1). @public */
export interface RoleService {
  /** The six roles every cloud has. */
  builtIn(ctx: CallContext): Promise<readonly Role[]>;
  /** A built-in or custom role by id. */
  get(ctx: CallContext, id: string): Promise<Role>;
  /** One page of custom roles, oldest first. */
  list(ctx: CallContext, page?: PageInput): Promise<Page<CustomRole>>;
  /** Defines a custom role: declared permissions of one duty only (R-SEC-2). */
  create(ctx: CallContext, input: RoleInput): Promise<CustomRole>;
  /** Deletes a custom role no binding uses; a bound one is ILLEGAL_STATE. */
  delete(ctx: CallContext, id: string): Promise<void>;
  /**
   * Changes a custom role's description or permissions, still of one duty. A role someone holds keeps
   * its duty (`ILLEGAL_STATE` otherwise): a change of duty would hand every holder a second one at once,
   * past the checks a binding gets (R-SEC-2). Holders' rights change with the role.
   */
  update(ctx: CallContext, id: string, input: RoleUpdateInput): Promise<CustomRole>;
}

/** The rights role operations check, on the platform. @internal */
export const ROLE_OPERATIONS = {
  builtIn: 'role:read',
  get: 'role:read',
  list: 'role:read',
  create: 'role:create',
  delete: 'role:delete',
  update: 'role:update',
} as const satisfies OperationTable<RoleService>;

/** Whether two permission sets carry the same duties. */
function sameDuties(a: readonly string[], b: readonly string[]): boolean {
  const [from, to] = [dutiesOf(a), dutiesOf(b)];
  return from.size === to.size && [...from].every((duty) => to.has(duty));
}

/** What a role operation acts on, for its audit record. */
function subject(action: string, id: string | null = null): AuditSubject {
  return { action, resource: { type: 'role', id }, target: PLATFORM };
}

/** Builds the role service. @internal */
export function createRoleService(deps: ServiceDeps): RoleService {
  const { store, bus } = deps;
  return {
    async builtIn(ctx) {
      checkContext(ctx);
      await authorize(store, ctx, 'role:read', PLATFORM);
      return BUILT_IN_ROLES;
    },

    async get(ctx, id) {
      checkContext(ctx);
      await authorize(store, ctx, 'role:read', PLATFORM);
      const role = await resolveRole(store, String(id));
      if (!role) throw new EcloudError('NOT_FOUND', `Role ${id} does not exist.`, { details: { id } });
      return role;
    },

    async list(ctx, page = {}) {
      checkContext(ctx);
      await authorize(store, ctx, 'role:read', PLATFORM);
      return listPage(store, 'roles', {}, page);
    },

    async create(ctx, input) {
      checkContext(ctx);
      const parsed = parseInput(RoleInput, input, 'role input');
      checkRolePermissions(parsed.permissions);
      if (BUILT_IN_ROLES.some((role) => role.name === parsed.name)) {
        throw new EcloudError('ALREADY_EXISTS', `Role ${parsed.name} is built in.`, {
          details: { name: parsed.name },
        });
      }
      return audited(store, ctx, subject('role:create'), (done) =>
        transactWithEvents(store, bus, async (tx, effects) => {
          await authorize(tx, ctx, 'role:create', PLATFORM);
          const role = await tx.insert('roles', {
            id: newId('role'),
            name: parsed.name,
            description: parsed.description,
            permissions: [...new Set(parsed.permissions)],
          });
          effects.emit({ type: 'role.created', resourceType: 'role', resourceId: role.id, tenantId: null });
          await done(tx, role.id, { name: role.name, permissions: role.permissions });
          return role;
        }),
      );
    },

    async update(ctx, id, input) {
      checkContext(ctx);
      const parsed = parseInput(RoleUpdateInput, input, 'role update');
      if (parsed.permissions !== undefined) checkRolePermissions(parsed.permissions);
      return audited(store, ctx, subject(ROLE_OPERATIONS.update, String(id)), (done) =>
        transactWithEvents(store, bus, async (tx, effects) => {
          await authorize(tx, ctx, ROLE_OPERATIONS.update, PLATFORM);
          const role = await requireRecord(tx, 'roles', String(id), 'Role');
          const permissions =
            parsed.permissions === undefined ? role.permissions : [...new Set(parsed.permissions)];
          if (
            !sameDuties(role.permissions, permissions) &&
            (await tx.findOne('roleBindings', { roleId: role.id }))
          ) {
            throw new EcloudError('ILLEGAL_STATE', `Role ${role.name} is bound; its duty cannot change.`, {
              details: { id: role.id, from: [...dutiesOf(role.permissions)], to: [...dutiesOf(permissions)] },
            });
          }
          const updated = await tx.update('roles', {
            ...role,
            permissions,
            ...(parsed.description === undefined ? {} : { description: parsed.description }),
          });
          effects.emit({ type: 'role.updated', resourceType: 'role', resourceId: role.id, tenantId: null });
          await done(tx, role.id, { permissions: updated.permissions });
          return updated;
        }),
      );
    },

    async delete(ctx, id) {
      checkContext(ctx);
      await audited(store, ctx, subject('role:delete', String(id)), (done) =>
        transactWithEvents(store, bus, async (tx, effects) => {
          await authorize(tx, ctx, 'role:delete', PLATFORM);
          const role = await requireRecord(tx, 'roles', String(id), 'Role');
          if (await tx.findOne('roleBindings', { roleId: role.id })) {
            throw new EcloudError(
              'ILLEGAL_STATE',
              `Role ${role.name} is still bound; revoke its bindings first.`,
              {
                details: { id: role.id },
              },
            );
          }
          await tx.delete('roles', role.id, role.version);
          effects.emit({ type: 'role.deleted', resourceType: 'role', resourceId: role.id, tenantId: null });
          await done(tx, role.id, { name: role.name });
        }),
      );
    },
  };
}
