import type { Instance } from '../../model/instance.js';
import type { Volume } from '../../model/volume.js';
import type { PlacementRequest } from '../../scheduler/placement-request.js';
import type { StoreSession } from '../../store/store.js';
import { groupRule } from './instance-group.js';
import { hostStorageGiB, instanceResources } from './instance-job.js';

/**
 * What moving or copying an existing instance asks of its new host: the constraints it was placed
 * under — hypervisor, its offering's tags, its tenant's classification and dedicated hosts — and the
 * shared storage pools its disks are in, so a migration, clone or HA restart never lands where a create
 * could not have, or where its disks cannot be reached. `volumes` are the instance's disks.
 * @internal
 */
export async function instancePlacement(
  tx: StoreSession,
  instance: Instance,
  volumes: readonly Volume[],
  extra: Pick<PlacementRequest, 'driver' | 'excludeHostIds'> = {},
): Promise<PlacementRequest> {
  const offering = await tx.get('offerings', instance.offeringId);
  const tenant = await tx.get('tenants', instance.tenantId);
  const group =
    instance.placementGroupId === null
      ? undefined
      : await tx.get('placementGroups', instance.placementGroupId);
  const pools = [...new Set(volumes.flatMap((v) => (v.storagePool === null ? [] : [v.storagePool])))];
  return {
    resources: instanceResources(instance, hostStorageGiB(volumes)),
    hypervisors: [instance.hypervisor],
    tenantId: instance.tenantId,
    // A tenant that cannot be read is held to the strictest level rather than the loosest.
    classification: tenant?.classification ?? 'secret',
    tags: offering?.tags ?? [],
    ...(pools.length === 0 ? {} : { storagePools: pools }),
    ...(group === undefined ? {} : { group: groupRule(group, instance.id) }),
    ...extra,
  };
}
