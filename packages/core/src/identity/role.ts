import { z } from 'zod';
import { EcloudError } from '../errors/ecloud-error.js';
import { RecordMeta, ResourceName } from '../model/common.js';
import type { Duty } from './permission.js';
import { Permission } from './permission.js';
import { isKnownPermission, PERMISSIONS } from './permission-catalog.js';

/** A role: a named set of permissions (R-SEC-1). Built-in roles cannot be changed. @public */
export interface Role {
  readonly id: string;
  readonly name: string;
  readonly permissions: readonly Permission[];
  readonly builtIn: boolean;
}

/** A custom role as stored; built-in roles are not stored (see `BUILT_IN_ROLES`). @public */
export const CustomRole = RecordMeta.extend({
  name: ResourceName,
  description: z.string().max(1024),
  permissions: z.array(Permission).min(1).max(256),
});
/** A custom role as stored (the type of the {@link CustomRole} schema). @public */
export type CustomRole = z.infer<typeof CustomRole>;

/** Input of a custom role. @public */
export const RoleInput = z.strictObject({
  name: ResourceName,
  description: z.string().max(1024).default(''),
  permissions: z.array(Permission).min(1).max(256),
});
/** Input of a custom role (the type of the {@link RoleInput} schema, as callers write it). @public */
export type RoleInput = z.input<typeof RoleInput>;

/** Input of `roles.update`: a new description, or a new set of permissions replacing the old. @public */
export const RoleUpdateInput = z.strictObject({
  description: z.string().max(1024).optional(),
  permissions: RoleInput.shape.permissions.optional(),
});
/** Input of `roles.update` (the type of the {@link RoleUpdateInput} schema, as callers write it). @public */
export type RoleUpdateInput = z.input<typeof RoleUpdateInput>;

/** The duties a set of permissions carries; shared permissions carry none. @internal */
export function dutiesOf(permissions: Iterable<Permission>): Set<Duty> {
  const duties = new Set<Duty>();
  for (const name of permissions) {
    const duty = isKnownPermission(name) ? PERMISSIONS[name].duty : undefined;
    if (duty !== undefined && duty !== 'shared') duties.add(duty);
  }
  return duties;
}

/**
 * Checks the permissions of a custom role: each declared, and all of one duty — a role that mixed
 * operating resources with granting rights or reading the audit trail would undo the three-admin model
 * (R-SEC-2) for whoever holds it.
 * @internal
 */
export function checkRolePermissions(permissions: readonly Permission[]): void {
  const unknown = permissions.filter((name) => !isKnownPermission(name));
  if (unknown.length > 0) {
    throw new EcloudError('INVALID_ARGUMENT', `Unknown permission ${unknown[0]}.`, {
      details: { issues: unknown.map((name) => ({ path: 'permissions', message: `unknown: ${name}` })) },
    });
  }
  const duties = dutiesOf(permissions);
  if (duties.size > 1) {
    throw new EcloudError('INVALID_ARGUMENT', `A role may not mix the ${[...duties].join(' and ')} duties.`, {
      details: { issues: [{ path: 'permissions', message: 'mixes duties' }], duties: [...duties] },
    });
  }
}
