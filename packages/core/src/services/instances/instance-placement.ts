import type { Resources } from '../../model/host.js';
import type { Instance } from '../../model/instance.js';
import type { PlacementRequest } from '../../scheduler/placement-request.js';
import type { StoreSession } from '../../store/store.js';
import { groupRule } from './instance-group.js';

/**
 * What moving or copying an existing instance asks of its new host: the constraints it was placed
 * under — hypervisor, its offering's tags, its tenant's classification and dedicated hosts — so a
 * migration or clone never lands where a create could not have.
 * @internal
 */
export async function instancePlacement(
  tx: StoreSession,
  instance: Instance,
  resources: Resources,
  extra: Pick<PlacementRequest, 'driver' | 'excludeHostIds'> = {},
): Promise<PlacementRequest> {
  const offering = await tx.get('offerings', instance.offeringId);
  const tenant = await tx.get('tenants', instance.tenantId);
  const group =
    instance.placementGroupId === null
      ? undefined
      : await tx.get('placementGroups', instance.placementGroupId);
  return {
    resources,
    hypervisors: [instance.hypervisor],
    tenantId: instance.tenantId,
    // A tenant that cannot be read is held to the strictest level rather than the loosest.
    classification: tenant?.classification ?? 'secret',
    tags: offering?.tags ?? [],
    ...(group === undefined ? {} : { group: groupRule(group, instance.id) }),
    ...extra,
  };
}
