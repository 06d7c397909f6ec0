import { EcloudError } from '../errors/ecloud-error.js';
import type { Host, Resources } from '../model/host.js';
import type { StoreSession } from '../store/store.js';
import type { CapacityIndex } from './capacity-index.js';
import { fitsResources } from './filters/capacity.js';
import { failedFilter } from './filters/pipeline.js';
import { withAllocation } from './host-capacity.js';
import type { PlacementRequest, Rejections } from './placement-request.js';

/**
 * Reserves `request.resources` on the most preferred host (see `CapacityIndex.candidates`) that still
 * passes every filter *as stored*, inside the caller's transaction. The store's row version makes this
 * safe across processes: a concurrent reservation elsewhere turns into CONFLICT and the next candidate
 * is tried. A refusal is `INSUFFICIENT_CAPACITY` with how many hosts each filter removed.
 * Returns the updated host; the caller applies it to the index after commit.
 * @internal
 */
export async function reserveCapacity(
  tx: StoreSession,
  index: CapacityIndex,
  request: PlacementRequest,
): Promise<Host> {
  const rejections: Rejections = {};
  let considered = 0;
  for (const candidate of index.candidates(request, rejections)) {
    considered++;
    const stored = await tx.get('hosts', candidate.id);
    if (!stored) {
      index.remove(candidate.id);
      continue;
    }
    const failed = failedFilter(stored, request, index);
    if (failed !== undefined) {
      index.upsert(stored);
      rejections[failed] = (rejections[failed] ?? 0) + 1;
      continue;
    }
    try {
      return await tx.update('hosts', withAllocation(stored, request.resources, 1));
    } catch (error) {
      if (!EcloudError.is(error, 'CONFLICT')) throw error;
      rejections.conflict = (rejections.conflict ?? 0) + 1;
    }
  }
  throw new EcloudError('INSUFFICIENT_CAPACITY', 'No host can take the request.', {
    details: { request: request.resources, hosts: index.size, considered, rejectedBy: rejections },
  });
}

/**
 * Reserves on one host an operator chose (a migration's explicit target): it must pass every filter a
 * scheduled placement would, or the refusal names the filter.
 * @internal
 */
export async function reserveOnHost(
  tx: StoreSession,
  index: CapacityIndex,
  hostId: string,
  request: PlacementRequest,
): Promise<Host> {
  const stored = await tx.get('hosts', hostId);
  if (!stored) throw new EcloudError('NOT_FOUND', `Host ${hostId} does not exist.`, { details: { hostId } });
  const failed = failedFilter(stored, request, index);
  if (failed !== undefined) {
    throw new EcloudError('INSUFFICIENT_CAPACITY', `Host ${hostId} cannot take the request (${failed}).`, {
      details: { hostId, request: request.resources, rejectedBy: { [failed]: 1 } },
    });
  }
  return tx.update('hosts', withAllocation(stored, request.resources, 1));
}

/**
 * Reserves more on the host an instance already runs on (a resize, a new disk): the instance stays where
 * placement once put it, so only room counts — and the tags of a new offering, if it asks for any.
 * @internal
 */
export async function growOnHost(
  tx: StoreSession,
  hostId: string,
  resources: Resources,
  tags: readonly string[] = [],
): Promise<Host> {
  const stored = await tx.get('hosts', hostId);
  if (!stored) throw new EcloudError('NOT_FOUND', `Host ${hostId} does not exist.`, { details: { hostId } });
  const failed = !tags.every((tag) => stored.tags.includes(tag))
    ? 'tags'
    : !fitsResources(stored, resources)
      ? 'capacity'
      : undefined;
  if (failed !== undefined) {
    throw new EcloudError('INSUFFICIENT_CAPACITY', `Host ${hostId} cannot take the request (${failed}).`, {
      details: { hostId, request: resources, rejectedBy: { [failed]: 1 } },
    });
  }
  return tx.update('hosts', withAllocation(stored, resources, 1));
}

/** Gives resources back to a host. @internal */
export async function releaseCapacity(
  tx: StoreSession,
  hostId: string,
  resources: Resources,
): Promise<Host | undefined> {
  const stored = await tx.get('hosts', hostId);
  if (!stored) return undefined;
  return tx.update('hosts', withAllocation(stored, resources, -1));
}
