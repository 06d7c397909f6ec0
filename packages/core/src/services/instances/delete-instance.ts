import type { CallContext } from '../../context/call-context.js';
import { checkContext } from '../../context/call-context.js';
import type { JobHandle } from '../../jobs/job-handle.js';
import type { OperationHandler } from '../../jobs/operation.js';
import { releaseCapacity } from '../../scheduler/reservation.js';
import { callDriver } from '../driver-call.js';
import { instanceAmounts, releaseQuota } from '../quota/quota-ledger.js';
import type { ServiceDeps } from '../service-deps.js';
import { setGroupMember } from './instance-group.js';
import {
  hostStorageGiB,
  instanceEvent,
  instanceResources,
  instanceVolumes,
  jobInstance,
  stepCall,
  submitInstanceJob,
  unlockInstance,
} from './instance-job.js';

/**
 * Deletes an instance with its attached disks, which the driver wipes first (R-SEC-6); their space
 * returns to the host only after the wipe. Detached volumes are not touched.
 * @internal
 */
export async function deleteInstance(
  deps: ServiceDeps,
  ctx: CallContext,
  id: string,
): Promise<JobHandle<void>> {
  checkContext(ctx);
  return submitInstanceJob(
    deps,
    ctx,
    id,
    'delete',
    async () => ({}),
    async () => undefined,
  );
}

/**
 * The job of `deleteInstance`. Deletion cannot be undone, so after a crash it resumes: the step first
 * asks the driver whether the instance still exists.
 * @internal
 */
export function deleteHandler(deps: ServiceDeps): OperationHandler {
  return {
    operation: 'instance.delete',
    recovery: 'resume',
    timeoutMs: 60 * 60_000,
    steps: () => [
      {
        name: 'driver.delete',
        async run(ctx) {
          const instance = await jobInstance(deps.store, String(ctx.job.input.instanceId));
          const driver = deps.drivers.get(instance.driver ?? '');
          const found = await callDriver(driver.name, () => driver.findInstance(instance.id, stepCall(ctx)));
          if (found)
            await callDriver(driver.name, () => driver.delete(found.ref, { wipe: true }, stepCall(ctx)));
          return { wipedAt: new Date().toISOString() };
        },
      },
    ],
    async commit(job, tx, effects) {
      const instance = await jobInstance(tx, String(job.input.instanceId));
      const volumes = await instanceVolumes(tx, instance.id);
      const storageGiB = hostStorageGiB(volumes);
      await releaseQuota(tx, instance.tenantId, instanceAmounts(instance, volumes));
      for (const volume of volumes) await tx.delete('volumes', volume.id, volume.version);
      const snapshots = await tx.list('snapshots', { where: { instanceId: instance.id }, limit: 1000 });
      for (const snapshot of snapshots.items) await tx.delete('snapshots', snapshot.id, snapshot.version);
      if (instance.hostId !== null) {
        const host = await releaseCapacity(tx, instance.hostId, instanceResources(instance, storageGiB));
        if (host) effects.afterCommit(() => deps.index.upsert(host));
      }
      if (instance.placementGroupId !== null)
        await setGroupMember(tx, instance.placementGroupId, instance.id, null);
      await tx.delete('instances', instance.id, instance.version);
      instanceEvent(effects, 'instance.deleted', instance, {
        wipedVolumes: volumes.map((v) => v.id),
        wipedAt: job.steps[0]?.data.wipedAt,
      });
      return { result: { instanceId: instance.id } };
    },
    async abort(job, error, tx, effects) {
      const instance = await unlockInstance(tx, String(job.input.instanceId));
      instanceEvent(effects, 'instance.delete_failed', instance, { error: error.toJSON() });
    },
  };
}
