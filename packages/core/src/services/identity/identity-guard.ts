import type { CallContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import type { Permission } from '../../identity/permission.js';
import type { KnownPermission } from '../../identity/permission-catalog.js';
import type { AccessTarget } from '../../identity/scope.js';
import type { StoreSession } from '../../store/store.js';
import { principalAllows } from './grants.js';

/** The target of platform-wide identity operations (users, roles, bindings on the platform). @internal */
export const PLATFORM: AccessTarget = { kind: 'platform' };

/**
 * Whether the caller holds `permission` on `target` through its role bindings (default deny, R-SEC-1).
 * A `system` context is the embedding program itself — the HA manager, a bootstrap script — and holds
 * every right; users and service accounts hold only what they were granted.
 * @internal
 */
export async function callerAllows(
  session: StoreSession,
  ctx: CallContext,
  permission: Permission,
  target: AccessTarget,
): Promise<boolean> {
  return ctx.principal.type === 'system' || principalAllows(session, ctx.principal.id, permission, target);
}

/** Throws `PERMISSION_DENIED` unless {@link callerAllows}. @internal */
export async function authorize(
  session: StoreSession,
  ctx: CallContext,
  permission: KnownPermission,
  target: AccessTarget,
): Promise<void> {
  if (await callerAllows(session, ctx, permission, target)) return;
  throw new EcloudError('PERMISSION_DENIED', `The caller may not ${permission} here.`, {
    details: { permission, principal: ctx.principal.id, target: target.kind },
  });
}
