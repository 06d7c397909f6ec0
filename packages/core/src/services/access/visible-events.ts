import type { CallContext } from '../../context/call-context.js';
import type { KnownPermission } from '../../identity/permission-catalog.js';
import type { AccessTarget } from '../../identity/scope.js';
import type { CloudEvent } from '../../model/event.js';
import type { ServiceDeps } from '../service-deps.js';
import { type CallerRights, rightsOf } from './caller-rights.js';
import { permissionDenied } from './record-access.js';

/** Events after which who may see what can have changed. */
const IDENTITY_CHANGES = new Set(['principal', 'role', 'roleBinding', 'group', 'tenant']);

/**
 * Subscribes `listener` to the events the caller may see (R-SEC-5): each event is checked against the
 * caller's rights on its resource, in arrival order; the rights are read again after any change of
 * principals, roles, bindings or tenants, so a revoked right stops the stream without a new subscription.
 * A caller holding the right nowhere is refused at once.
 * @internal
 */
export async function subscribeVisible(
  deps: ServiceDeps,
  ctx: CallContext,
  permission: KnownPermission,
  listener: (event: CloudEvent) => void,
): Promise<() => void> {
  let rights: CallerRights = await rightsOf(deps.store, ctx);
  if (!rights.holds(permission)) throw permissionDenied(permission, ctx);
  const domains = new Map<string, string | null>();
  const domainOf = async (tenantId: string) => {
    if (!domains.has(tenantId))
      domains.set(tenantId, (await deps.store.get('tenants', tenantId))?.domainId ?? null);
    return domains.get(tenantId) ?? null;
  };
  const targetOf = async (event: CloudEvent): Promise<AccessTarget> => ({
    kind: 'resource',
    resourceId: event.resourceId,
    tenantId: event.tenantId,
    domainId: event.tenantId === null ? null : await domainOf(event.tenantId),
  });
  let open = true;
  // One chain per subscription keeps delivery in event order while each check may wait on the store.
  let chain = Promise.resolve();
  const onEvent = (event: CloudEvent) => {
    chain = chain
      .then(async () => {
        if (IDENTITY_CHANGES.has(event.resourceType)) {
          domains.clear();
          rights = await rightsOf(deps.store, ctx);
        }
        if (open && rights.allows(permission, await targetOf(event))) listener(event);
      })
      // A listener that throws, or a store read that fails, loses that event, not the stream.
      .catch(() => undefined);
  };
  deps.bus.on('event', onEvent);
  return () => {
    open = false;
    deps.bus.off('event', onEvent);
  };
}
