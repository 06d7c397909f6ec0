import type { CallContext } from '../../context/call-context.js';
import type { Permission } from '../../identity/permission.js';
import { isKnownPermission, type KnownPermission } from '../../identity/permission-catalog.js';
import type { AccessTarget } from '../../identity/scope.js';
import type { StoreSession } from '../../store/store.js';
import { rightsOf } from '../access/caller-rights.js';
import { permissionDenied } from '../access/record-access.js';

/** The target of platform-wide operations (hosts, policies, users, roles, bindings on the platform). @internal */
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
  return isKnownPermission(permission) && (await rightsOf(session, ctx)).allows(permission, target);
}

/** Throws `PERMISSION_DENIED` unless {@link callerAllows}. @internal */
export async function authorize(
  session: StoreSession,
  ctx: CallContext,
  permission: KnownPermission,
  target: AccessTarget,
): Promise<void> {
  if (!(await callerAllows(session, ctx, permission, target))) throw permissionDenied(permission, ctx);
}
