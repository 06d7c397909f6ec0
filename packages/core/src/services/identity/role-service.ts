import { type CallContext, checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { transactWithEvents } from '../../events/outbox.js';
import { BUILT_IN_ROLES } from '../../identity/built-in-roles.js';
import { type CustomRole, checkRolePermissions, type Role, RoleInput } from '../../identity/role.js';
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
}

/** The rights role operations check, on the platform. @internal */
export const ROLE_OPERATIONS = {
  builtIn: 'role:read',
  get: 'role:read',
  list: 'role:read',
  create: 'role:create',
  delete: 'role:delete',
} as const satisfies OperationTable<RoleService>;

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
