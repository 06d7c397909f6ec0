import type { CallContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import type { Image } from '../../model/image.js';
import type { CreateInstanceInput } from '../../model/instance.js';
import type { Offering } from '../../model/offering.js';
import type { PlacementGroup } from '../../model/placement-group.js';
import type { Tenant } from '../../model/tenant.js';
import type { PlacementRequest } from '../../scheduler/placement-request.js';
import type { StoreSession } from '../../store/store.js';
import { getVisible } from '../access/record-access.js';
import { groupRule } from './instance-group.js';

/** Everything a new instance is placed by, resolved and checked for the caller. @internal */
export interface CreatePlacement {
  readonly offering: Offering;
  readonly image: Image;
  readonly group: PlacementGroup | undefined;
  readonly rootDiskGiB: number;
  /** What the disks take of the host's local storage: all of them, or none when in a shared pool. */
  readonly storageGiB: number;
  readonly request: PlacementRequest;
}

/** The disks of a new instance: its system disk, then the data disks in the order given. */
/**
 * Reads and checks what a create is placed by — offering, image (both active), the tenant's placement
 * group — and builds its placement request. Shared by `createInstance` and the scheduler's `explain`,
 * so an explanation is of exactly the placement a create would make.
 * @internal
 */
export async function createPlacement(
  tx: StoreSession,
  ctx: CallContext,
  parsed: CreateInstanceInput,
  tenant: Tenant,
  instanceId: string,
): Promise<CreatePlacement> {
  const offering = await getVisible(tx, ctx, 'offerings', parsed.offeringId, 'Offering', 'offering:read');
  const image = await getVisible(tx, ctx, 'images', parsed.imageId, 'Image', 'image:read');
  if (offering.state !== 'active' || image.state !== 'active') {
    throw new EcloudError('ILLEGAL_STATE', 'The offering or image is not active.', {
      details: { offeringId: offering.id, imageId: image.id },
    });
  }
  await assertPlacementTargets(tx, ctx, parsed);
  const group =
    parsed.placementGroupId === undefined
      ? undefined
      : await tenantGroup(tx, ctx, parsed.placementGroupId, tenant.id);
  const rootDiskGiB = Math.max(offering.rootDiskGiB, image.minDiskGiB, parsed.rootDiskGiB ?? 0);
  const diskGiB = rootDiskGiB + (parsed.dataDisks ?? []).reduce((sum, d) => sum + d.sizeGiB, 0);
  // Disks in a shared pool take none of the host's own storage; the host must reach the pool instead.
  const pool = offering.storagePool;
  const storageGiB = pool === null ? diskGiB : 0;
  const request: PlacementRequest = {
    resources: { vcpus: offering.vcpus, memoryMiB: offering.memoryMiB, storageGiB },
    hypervisors: image.hypervisors,
    tenantId: tenant.id,
    classification: tenant.classification,
    tags: offering.tags,
    ...(pool === null ? {} : { storagePools: [pool] }),
    ...(parsed.datacenterId === undefined ? {} : { datacenterId: parsed.datacenterId }),
    ...(parsed.clusterId === undefined ? {} : { clusterId: parsed.clusterId }),
    ...(parsed.zone === undefined ? {} : { zone: parsed.zone }),
    ...(group === undefined ? {} : { group: groupRule(group, instanceId) }),
  };
  return { offering, image, group, rootDiskGiB, storageGiB, request };
}

/**
 * A datacenter or cluster named in the request must exist and be visible to the caller: otherwise no host
 * would match and the create would fail as INSUFFICIENT_CAPACITY, which says "retry later" about a request
 * that can never succeed.
 */
async function assertPlacementTargets(
  tx: StoreSession,
  ctx: CallContext,
  parsed: CreateInstanceInput,
): Promise<void> {
  if (parsed.datacenterId !== undefined) {
    await getVisible(tx, ctx, 'datacenters', parsed.datacenterId, 'Datacenter', 'datacenter:read');
  }
  if (parsed.clusterId !== undefined) {
    await getVisible(tx, ctx, 'clusters', parsed.clusterId, 'Cluster', 'cluster:read');
  }
}

/** The caller's placement group for a new instance of `tenantId`; another tenant's is NOT_FOUND. */
async function tenantGroup(
  tx: StoreSession,
  ctx: CallContext,
  groupId: string,
  tenantId: string,
): Promise<PlacementGroup> {
  const group = await getVisible(
    tx,
    ctx,
    'placementGroups',
    groupId,
    'Placement group',
    'placementGroup:read',
  );
  if (group.tenantId !== tenantId) {
    throw new EcloudError('NOT_FOUND', `Placement group ${groupId} does not exist.`, {
      details: { id: groupId },
    });
  }
  return group;
}
