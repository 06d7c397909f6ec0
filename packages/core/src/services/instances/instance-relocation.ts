import type { TxEffects } from '../../events/outbox.js';
import type { Resources } from '../../model/host.js';
import type { Instance } from '../../model/instance.js';
import { releaseCapacity } from '../../scheduler/reservation.js';
import type { StoreSession } from '../../store/store.js';
import type { ServiceDeps } from '../service-deps.js';
import { instanceVolumes, unlockInstance } from './instance-job.js';

/** An instance that a job moved from one host to another, and what it holds. @internal */
export interface Relocation {
  readonly instanceId: string;
  readonly fromHostId: string;
  readonly toHostId: string;
  readonly resources: Resources;
}

/**
 * Records a move the hypervisor made, in the caller's transaction: the old host gives back what the
 * instance held, the instance (released by its job, with `patch` applied) and its disks point at the
 * new host, and the index hears of the old host after commit. Shared by migration and failover.
 * @internal
 */
export async function recordRelocation(
  deps: Pick<ServiceDeps, 'index'>,
  tx: StoreSession,
  effects: TxEffects,
  move: Relocation,
  patch: Partial<Pick<Instance, 'state'>> = {},
): Promise<Instance> {
  const released = await releaseCapacity(tx, move.fromHostId, move.resources);
  if (released) effects.afterCommit(() => deps.index.upsert(released));
  const target = await tx.get('hosts', move.toHostId);
  const instance = await unlockInstance(tx, move.instanceId, {
    ...patch,
    hostId: move.toHostId,
    ...(target ? { clusterId: target.clusterId, datacenterId: target.datacenterId } : {}),
  });
  for (const volume of await instanceVolumes(tx, move.instanceId)) {
    await tx.update('volumes', { ...volume, hostId: move.toHostId });
  }
  return instance;
}
