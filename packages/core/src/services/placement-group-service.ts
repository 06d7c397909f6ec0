import { type CallContext, checkContext } from '../context/call-context.js';
import { EcloudError } from '../errors/ecloud-error.js';
import { transactWithEvents } from '../events/outbox.js';
import { newId } from '../model/ids.js';
import type { Page } from '../model/page.js';
import {
  CreatePlacementGroupInput,
  type PlacementGroup,
  PlacementGroupFilter,
} from '../model/placement-group.js';
import { parseInput } from '../model/validate.js';
import type { OperationTable } from './access/operation-rule.js';
import { getVisible, listTenant, resolveTenant } from './access/record-access.js';
import { audited, resourceSubject, tenantOrPlatform } from './audit/audit-trail.js';
import { listPage, type ServiceDeps } from './service-deps.js';

/** Affinity and anti-affinity groups of a tenant's instances (R-SCHED-2). @public */
export interface PlacementGroupService {
  /** Creates an empty group in the tenant named, or the context's own. */
  create(ctx: CallContext, input: CreatePlacementGroupInput): Promise<PlacementGroup>;
  /** Reads a group the caller may see; NOT_FOUND otherwise. */
  get(ctx: CallContext, id: string): Promise<PlacementGroup>;
  /** One page of the groups the caller may see, oldest first. */
  list(ctx: CallContext, filter?: PlacementGroupFilter): Promise<Page<PlacementGroup>>;
  /** Deletes an empty group; one with members is ILLEGAL_STATE. */
  delete(ctx: CallContext, id: string): Promise<void>;
}

/** The right each placement-group operation checks. @internal */
export const PLACEMENT_GROUP_OPERATIONS = {
  create: 'placementGroup:create',
  get: 'placementGroup:read',
  list: 'placementGroup:read',
  delete: 'placementGroup:delete',
} as const satisfies OperationTable<PlacementGroupService>;

/** Builds the placement-group service. @internal */
export function createPlacementGroupService(deps: ServiceDeps): PlacementGroupService {
  return {
    async create(ctx, input) {
      checkContext(ctx);
      const parsed = parseInput(CreatePlacementGroupInput, input, 'placement group input');
      const subject = {
        action: PLACEMENT_GROUP_OPERATIONS.create,
        resource: { type: 'placementGroup', id: null },
        target: tenantOrPlatform(parsed.tenantId ?? ctx.tenantId),
      };
      return audited(deps.store, ctx, subject, (done) =>
        transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
          const tenantId = (
            await resolveTenant(
              tx,
              ctx,
              parsed.tenantId,
              PLACEMENT_GROUP_OPERATIONS.create,
              'placement group',
            )
          ).id;
          const group = await tx.insert('placementGroups', {
            id: newId('placementGroup'),
            name: parsed.name,
            tenantId,
            policy: parsed.policy,
            members: {},
          });
          effects.emit({
            type: 'placement_group.created',
            resourceType: 'placement_group',
            resourceId: group.id,
            tenantId,
            data: { policy: group.policy },
          });
          await done(tx, group.id, { tenantId, policy: group.policy });
          return group;
        }),
      );
    },
    async get(ctx, id) {
      checkContext(ctx);
      return getVisible(
        deps.store,
        ctx,
        'placementGroups',
        String(id),
        'Placement group',
        PLACEMENT_GROUP_OPERATIONS.get,
      );
    },
    async list(ctx, filter = {}) {
      checkContext(ctx);
      const { tenantId, ...page } = parseInput(PlacementGroupFilter, filter, 'placement group filter');
      const scope = await listTenant(deps.store, ctx, PLACEMENT_GROUP_OPERATIONS.list, tenantId);
      return listPage(deps.store, 'placementGroups', scope === undefined ? {} : { tenantId: scope }, page);
    },
    async delete(ctx, id) {
      checkContext(ctx);
      const subject = resourceSubject(PLACEMENT_GROUP_OPERATIONS.delete, 'placementGroup', String(id));
      await audited(deps.store, ctx, subject, (done) =>
        transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
          const group = await getVisible(
            tx,
            ctx,
            'placementGroups',
            String(id),
            'Placement group',
            PLACEMENT_GROUP_OPERATIONS.delete,
          );
          const members = Object.keys(group.members);
          if (members.length > 0) {
            throw new EcloudError(
              'ILLEGAL_STATE',
              `Placement group ${group.id} still has ${members.length} members.`,
              {
                details: { placementGroupId: group.id, members: members.slice(0, 20) },
              },
            );
          }
          await tx.delete('placementGroups', group.id, group.version);
          effects.emit({
            type: 'placement_group.deleted',
            resourceType: 'placement_group',
            resourceId: group.id,
            tenantId: group.tenantId,
          });
          await done(tx, group.id);
        }),
      );
    },
  };
}
