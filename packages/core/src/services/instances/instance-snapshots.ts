import type { CallContext } from '../../context/call-context.js';
import { checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import type { JobHandle } from '../../jobs/job-handle.js';
import type { OperationHandler } from '../../jobs/operation.js';
import { newId } from '../../model/ids.js';
import {
  type Instance,
  type SnapshotInstanceInput as SnapshotInput,
  SnapshotInstanceInput,
} from '../../model/instance.js';
import type { Snapshot } from '../../model/snapshot.js';
import { parseInput } from '../../model/validate.js';
import type { StoreSession } from '../../store/store.js';
import { getVisible } from '../access/record-access.js';
import { callDriver } from '../driver-call.js';
import type { ServiceDeps } from '../service-deps.js';
import {
  instanceEvent,
  instanceResult,
  jobInstance,
  stepCall,
  submitInstanceJob,
  unlockInstance,
} from './instance-job.js';

async function jobSnapshot(session: StoreSession, id: string): Promise<Snapshot> {
  const snapshot = await session.get('snapshots', id);
  if (!snapshot) throw new EcloudError('NOT_FOUND', `Snapshot ${id} does not exist.`, { details: { id } });
  return snapshot;
}

async function snapshotOf(
  tx: StoreSession,
  ctx: CallContext,
  instance: Instance,
  snapshotId: string,
): Promise<Snapshot> {
  const snapshot = await getVisible(
    tx,
    ctx,
    'snapshots',
    String(snapshotId),
    'Snapshot',
    'instance:snapshot',
  );
  if (snapshot.instanceId !== instance.id || snapshot.state !== 'ready') {
    throw new EcloudError('NOT_FOUND', `Instance ${instance.id} has no ready snapshot ${snapshotId}.`, {
      details: { instanceId: instance.id, snapshotId },
    });
  }
  return snapshot;
}

/** Takes a point-in-time snapshot of an instance (driver capability `snapshot`). @internal */
export async function snapshotInstance(
  deps: ServiceDeps,
  ctx: CallContext,
  id: string,
  raw: SnapshotInput,
): Promise<JobHandle<Snapshot>> {
  checkContext(ctx);
  const parsed = parseInput(SnapshotInstanceInput, raw, 'snapshot input');
  return submitInstanceJob(
    deps,
    ctx,
    id,
    'snapshot',
    async (tx, instance) => {
      deps.drivers.require(instance.driver ?? '', 'snapshot', 'snapshot');
      const snapshot = await tx.insert('snapshots', {
        id: newId('snapshot'),
        name: parsed.name,
        tenantId: instance.tenantId,
        instanceId: instance.id,
        driverRef: null,
        state: 'creating',
      });
      return { snapshotId: snapshot.id };
    },
    async (job) => jobSnapshot(deps.store, String(job.input.snapshotId)),
  );
}

/** Returns a stopped instance to a snapshot. @internal */
export async function revertSnapshot(
  deps: ServiceDeps,
  ctx: CallContext,
  id: string,
  snapshotId: string,
): Promise<JobHandle<Instance>> {
  checkContext(ctx);
  return submitInstanceJob(
    deps,
    ctx,
    id,
    'revertSnapshot',
    async (tx, instance) => {
      deps.drivers.require(instance.driver ?? '', 'snapshot', 'revert to a snapshot');
      return { snapshotId: (await snapshotOf(tx, ctx, instance, snapshotId)).id };
    },
    instanceResult(deps),
  );
}

/** Deletes a snapshot of an instance. @internal */
export async function deleteSnapshot(
  deps: ServiceDeps,
  ctx: CallContext,
  id: string,
  snapshotId: string,
): Promise<JobHandle<void>> {
  checkContext(ctx);
  return submitInstanceJob(
    deps,
    ctx,
    id,
    'deleteSnapshot',
    async (tx, instance) => {
      deps.drivers.require(instance.driver ?? '', 'snapshot', 'delete a snapshot');
      return { snapshotId: (await snapshotOf(tx, ctx, instance, snapshotId)).id };
    },
    async () => undefined,
  );
}

type SnapshotCall = 'create' | 'revert' | 'delete';

/** The jobs of snapshot create, revert and delete. @internal */
export function snapshotHandler(deps: ServiceDeps, call: SnapshotCall): OperationHandler {
  const context = async (raw: Record<string, unknown>) => {
    const instance = await jobInstance(deps.store, String(raw.instanceId));
    const snapshot = await jobSnapshot(deps.store, String(raw.snapshotId));
    return { instance, snapshot, driver: deps.drivers.get(instance.driver ?? '') };
  };
  const operation = {
    create: 'instance.snapshot',
    revert: 'instance.revertSnapshot',
    delete: 'instance.deleteSnapshot',
  }[call];
  return {
    operation,
    recovery: 'rollback',
    timeoutMs: 30 * 60_000,
    steps: () => [
      {
        name: `driver.${call}Snapshot`,
        async run(ctx) {
          const { instance, snapshot, driver } = await context(ctx.job.input);
          const ref = instance.driverRef ?? '';
          if (call === 'create') {
            return {
              ref: await callDriver(driver.name, () =>
                driver.createSnapshot(ref, { id: snapshot.id, name: snapshot.name }, stepCall(ctx)),
              ),
            };
          }
          const snapRef = snapshot.driverRef ?? '';
          if (call === 'revert')
            await callDriver(driver.name, () => driver.revertSnapshot(ref, snapRef, stepCall(ctx)));
          else await callDriver(driver.name, () => driver.deleteSnapshot(ref, snapRef, stepCall(ctx)));
          return {};
        },
        ...(call === 'create'
          ? {
              async undo(ctx, data) {
                const { instance, driver } = await context(ctx.job.input);
                await callDriver(driver.name, () =>
                  driver.deleteSnapshot(instance.driverRef ?? '', String(data.ref), stepCall(ctx)),
                );
              },
            }
          : {}),
      },
    ],
    async commit(job, tx, effects) {
      const snapshot = await jobSnapshot(tx, String(job.input.snapshotId));
      if (call === 'create')
        await tx.update('snapshots', {
          ...snapshot,
          state: 'ready',
          driverRef: String(job.steps[0]?.data.ref),
        });
      if (call === 'delete') await tx.delete('snapshots', snapshot.id, snapshot.version);
      const instance = await unlockInstance(
        tx,
        String(job.input.instanceId),
        call === 'revert' ? { state: 'stopped' } : {},
      );
      instanceEvent(
        effects,
        `instance.snapshot_${call === 'create' ? 'created' : call === 'revert' ? 'reverted' : 'deleted'}`,
        instance,
        {
          snapshotId: snapshot.id,
        },
      );
      return { result: { instanceId: instance.id, snapshotId: snapshot.id } };
    },
    async abort(job, error, tx, effects) {
      const snapshot = await tx.get('snapshots', String(job.input.snapshotId));
      if (snapshot && call === 'create') await tx.delete('snapshots', snapshot.id, snapshot.version);
      const instance = await unlockInstance(tx, String(job.input.instanceId));
      instanceEvent(effects, `instance.snapshot_${call}_failed`, instance, { error: error.toJSON() });
    },
  };
}
