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
import { getVisible, listPage, type ServiceDeps } from './service-deps.js';

/** Affinity and anti-affinity groups of a tenant's instances (R-SCHED-2). @public */
export interface PlacementGroupService {
  /** Creates an empty group; a tenant caller creates it in its own tenant. */
  create(ctx: CallContext, input: CreatePlacementGroupInput): Promise<PlacementGroup>;
  /** Reads a group the caller may see; NOT_FOUND otherwise. */
  get(ctx: CallContext, id: string): Promise<PlacementGroup>;
  /** One page of the groups the caller may see, oldest first. */
  list(ctx: CallContext, filter?: PlacementGroupFilter): Promise<Page<PlacementGroup>>;
  /** Deletes an empty group; one with members is ILLEGAL_STATE. */
  delete(ctx: CallContext, id: string): Promise<void>;
}

/** Builds the placement-group service. @internal */
export function createPlacementGroupService(deps: ServiceDeps): PlacementGroupService {
  return {
    async create(ctx, input) {
      checkContext(ctx);
      const parsed = parseInput(CreatePlacementGroupInput, input, 'placement group input');
      return transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
        const tenantId = ctx.tenantId ?? parsed.tenantId;
        if (tenantId === undefined) {
          throw new EcloudError(
            'INVALID_ARGUMENT',
            'Invalid placement group input: tenantId is required for a platform caller.',
            {
              details: { issues: [{ path: 'tenantId', message: 'required' }] },
            },
          );
        }
        const tenant = await tx.get('tenants', tenantId);
        const foreign =
          parsed.tenantId !== undefined && ctx.tenantId !== undefined && parsed.tenantId !== ctx.tenantId;
        if (foreign || tenant?.state !== 'active') {
          throw new EcloudError('NOT_FOUND', `Tenant ${parsed.tenantId ?? tenantId} does not exist.`, {
            details: { tenantId: parsed.tenantId ?? tenantId },
          });
        }
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
        return group;
      });
    },
    async get(ctx, id) {
      checkContext(ctx);
      return getVisible(deps.store, ctx, 'placementGroups', String(id), 'Placement group');
    },
    async list(ctx, filter = {}) {
      checkContext(ctx);
      const page = parseInput(PlacementGroupFilter, filter, 'placement group filter');
      return listPage(
        deps.store,
        'placementGroups',
        ctx.tenantId === undefined ? {} : { tenantId: ctx.tenantId },
        page,
      );
    },
    async delete(ctx, id) {
      checkContext(ctx);
      await transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
        const group = await getVisible(tx, ctx, 'placementGroups', String(id), 'Placement group');
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
      });
    },
  };
}
