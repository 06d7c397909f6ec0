import { EcloudError } from '../../errors/ecloud-error.js';
import { PLACEMENT_GROUP_LIMIT, type PlacementGroup } from '../../model/placement-group.js';
import type { PlacementRequest } from '../../scheduler/placement-request.js';
import type { StoreSession } from '../../store/store.js';
import { requireRecord } from '../service-deps.js';

/** The group rule of a placement: the group's policy and the hosts its other members hold. @internal */
export function groupRule(group: PlacementGroup, instanceId: string): NonNullable<PlacementRequest['group']> {
  const hostIds = new Set<string>();
  for (const [member, hostId] of Object.entries(group.members))
    if (member !== instanceId) hostIds.add(hostId);
  return { policy: group.policy, hostIds };
}

/**
 * Records in the group where a member now is (`hostId`), or that it left (`null`), inside the caller's
 * transaction — the same one as the placement, so the group's version orders placements into it.
 * @internal
 */
export async function setGroupMember(
  tx: StoreSession,
  groupId: string,
  instanceId: string,
  hostId: string | null,
): Promise<void> {
  const group = await requireRecord(tx, 'placementGroups', groupId, 'Placement group');
  const { [instanceId]: _, ...others } = group.members;
  if (
    hostId !== null &&
    !(instanceId in group.members) &&
    Object.keys(others).length >= PLACEMENT_GROUP_LIMIT
  ) {
    throw new EcloudError(
      'QUOTA_EXCEEDED',
      `Placement group ${groupId} is full (${PLACEMENT_GROUP_LIMIT} members).`,
      {
        details: { placementGroupId: groupId, limit: PLACEMENT_GROUP_LIMIT },
      },
    );
  }
  await tx.update('placementGroups', {
    ...group,
    members: hostId === null ? others : { ...others, [instanceId]: hostId },
  });
}
