import { EcloudError } from '../errors/ecloud-error.js';
import type { Host, Resources } from '../model/host.js';
import type { StoreSession } from '../store/store.js';
import type { CapacityIndex } from './capacity-index.js';
import { failedFilter } from './host-fit.js';
import type { PlacementRequest, Rejections } from './placement-request.js';

function add(a: Resources, b: Resources, sign: 1 | -1): Resources {
  return {
    vcpus: Math.max(0, a.vcpus + sign * b.vcpus),
    memoryMiB: Math.max(0, a.memoryMiB + sign * b.memoryMiB),
    storageGiB: Math.max(0, a.storageGiB + sign * b.storageGiB),
  };
}

/**
 * Reserves `request.resources` on the first candidate host that still fits *as stored*, inside the
 * caller's transaction. The store's row version makes this safe across processes: a concurrent
 * reservation elsewhere turns into CONFLICT and the next candidate is tried.
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
    const failed = failedFilter(stored, request);
    if (failed !== undefined) {
      index.upsert(stored);
      rejections[failed] = (rejections[failed] ?? 0) + 1;
      continue;
    }
    try {
      return await tx.update('hosts', { ...stored, allocated: add(stored.allocated, request.resources, 1) });
    } catch (error) {
      if (!EcloudError.is(error, 'CONFLICT')) throw error;
      rejections.conflict = (rejections.conflict ?? 0) + 1;
    }
  }
  throw new EcloudError('INSUFFICIENT_CAPACITY', 'No host can take the request.', {
    details: { request: request.resources, hosts: index.size, considered, rejectedBy: rejections },
  });
}

/** Reserves more on one given host (resize, explicit migrate target) or throws INSUFFICIENT_CAPACITY. @internal */
export async function reserveOnHost(
  tx: StoreSession,
  hostId: string,
  request: PlacementRequest,
): Promise<Host> {
  const stored = await tx.get('hosts', hostId);
  if (!stored) throw new EcloudError('NOT_FOUND', `Host ${hostId} does not exist.`, { details: { hostId } });
  const failed = failedFilter(stored, request);
  if (failed !== undefined) {
    throw new EcloudError('INSUFFICIENT_CAPACITY', `Host ${hostId} cannot take the request (${failed}).`, {
      details: { hostId, request: request.resources, rejectedBy: { [failed]: 1 } },
    });
  }
  return tx.update('hosts', { ...stored, allocated: add(stored.allocated, request.resources, 1) });
}

/** Gives resources back to a host. @internal */
export async function releaseCapacity(
  tx: StoreSession,
  hostId: string,
  resources: Resources,
): Promise<Host | undefined> {
  const stored = await tx.get('hosts', hostId);
  if (!stored) return undefined;
  return tx.update('hosts', { ...stored, allocated: add(stored.allocated, resources, -1) });
}
