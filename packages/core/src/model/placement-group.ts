import { z } from 'zod';
import { RecordMeta, ResourceName } from './common.js';
import { listFilter } from './page.js';

/** Most members a placement group holds: the group is one record, rewritten on every change. @public */
export const PLACEMENT_GROUP_LIMIT = 500;

/**
 * How a group's instances are placed relative to each other (R-SCHED-2): `affinity` keeps them on one
 * host (low latency between them), `anti-affinity` on different hosts (no single host failure takes
 * two down). Both are hard rules: a placement that cannot honour one is refused.
 * @public
 */
export const PlacementGroupPolicy = z.enum(['affinity', 'anti-affinity']);
/** How a group's instances are placed relative to each other (the type of the {@link PlacementGroupPolicy} schema). @public */
export type PlacementGroupPolicy = z.infer<typeof PlacementGroupPolicy>;

/**
 * A tenant's affinity or anti-affinity group. `members` maps each member instance to the host it holds
 * (or is moving to), so placement can check the rule without reading the instances; it is updated in the
 * same transaction as the placement, so two placements into one group never both pass on stale data.
 * @public
 */
export const PlacementGroup = RecordMeta.extend({
  name: ResourceName,
  tenantId: z.string(),
  policy: PlacementGroupPolicy,
  members: z.record(z.string(), z.string()),
});
/** A tenant's affinity or anti-affinity group (the type of the {@link PlacementGroup} schema). @public */
export type PlacementGroup = z.infer<typeof PlacementGroup>;

/** Input of `cloud.placementGroups.create`; a platform caller names the tenant. @public */
export const CreatePlacementGroupInput = z.strictObject({
  name: ResourceName,
  tenantId: z.string().min(1).optional(),
  policy: PlacementGroupPolicy,
});
/** Input of `cloud.placementGroups.create` (the type of the {@link CreatePlacementGroupInput} schema, as callers write it). @public */
export type CreatePlacementGroupInput = z.input<typeof CreatePlacementGroupInput>;

/** Filter of `placementGroups.list`. @public */
export const PlacementGroupFilter = listFilter({
  /** Confine the list to one tenant; needed by a caller bound on several tenants but not the platform. */
  tenantId: z.string().min(1).optional(),
});
/** Filter of `placementGroups.list` (the type of the {@link PlacementGroupFilter} schema, as callers write it). @public */
export type PlacementGroupFilter = z.input<typeof PlacementGroupFilter>;
