import { z } from 'zod';

/**
 * A right, written `resource:action` (`instance:create`, `host:maintenance`, `audit:read`): what a role
 * grants and an operation checks (R-SEC-1).
 * @public
 */
export const Permission = z
  .string()
  .max(64)
  .regex(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/, { message: 'must be resource:action in camelCase' });
/** A right, written `resource:action` (the type of the {@link Permission} schema). @public */
export type Permission = z.infer<typeof Permission>;

/**
 * The duty a permission belongs to under the three-admin model (三员管理, R-SEC-2): operating the
 * cloud and its resources (`system`), managing who may do what (`security`), or reading the audit
 * trail (`audit`). No principal may hold permissions of two duties.
 * @public
 */
export const Duty = z.enum(['system', 'security', 'audit']);
/** The duty a permission belongs to (the type of the {@link Duty} schema). @public */
export type Duty = z.infer<typeof Duty>;

/**
 * Where a permission can be granted: `platform` rights act on the shared infrastructure (hosts,
 * clusters, scheduler policy, custom roles) and only a platform binding grants them; `scoped` rights
 * act on what belongs to a domain or tenant and may be bound to a domain, a tenant or one resource.
 * @public
 */
export const PermissionLevel = z.enum(['platform', 'scoped']);
/** Where a permission can be granted (the type of the {@link PermissionLevel} schema). @public */
export type PermissionLevel = z.infer<typeof PermissionLevel>;

/**
 * What a permission is: its duty (`shared` for reading the shape of the organisation — domains and
 * tenants — which every administrator needs and which grants no duty), the level it is granted at, and
 * a line for operators.
 * @public
 */
export interface PermissionSpec {
  readonly duty: Duty | 'shared';
  readonly level: PermissionLevel;
  readonly description: string;
}
