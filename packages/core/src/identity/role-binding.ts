import { z } from 'zod';
import { RecordMeta } from '../model/common.js';
import { listFilter } from '../model/page.js';
import { Scope } from './scope.js';

/**
 * A role bound to a principal on a scope (R-SEC-1): the principal holds the role's permissions there.
 * `scopeKey` spells the scope as one indexed string (`platform`, `tenant:<id>`, ...) so bindings can be
 * listed and kept unique by scope.
 * @public
 */
export const RoleBinding = RecordMeta.extend({
  principalId: z.string(),
  roleId: z.string(),
  scope: Scope,
  scopeKey: z.string(),
  /** The principal that granted it. */
  grantedBy: z.string(),
});
/** A role bound to a principal on a scope (the type of the {@link RoleBinding} schema). @public */
export type RoleBinding = z.infer<typeof RoleBinding>;

/** Input of `cloud.identity.bindings.grant`. @public */
export const GrantRoleInput = z.strictObject({
  principalId: z.string().min(1),
  roleId: z.string().min(1),
  scope: Scope,
});
/** Input of `cloud.identity.bindings.grant` (the type of the {@link GrantRoleInput} schema, as callers write it). @public */
export type GrantRoleInput = z.input<typeof GrantRoleInput>;

/** Filter of `cloud.identity.bindings.list`. @public */
export const RoleBindingFilter = listFilter({
  principalId: z.string().min(1).optional(),
  roleId: z.string().min(1).optional(),
});
/** Filter of `cloud.identity.bindings.list` (the type of the {@link RoleBindingFilter} schema, as callers write it). @public */
export type RoleBindingFilter = z.input<typeof RoleBindingFilter>;

/** The one string a scope is indexed by. @internal */
export function scopeKey(scope: Scope): string {
  return scope.kind === 'platform' ? 'platform' : `${scope.kind}:${scope.id}`;
}
