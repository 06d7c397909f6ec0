import type { CallContext } from '../../context/call-context.js';
import { checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import type { JobHandle } from '../../jobs/job-handle.js';
import type { OperationHandler } from '../../jobs/operation.js';
import { newId } from '../../model/ids.js';
import {
  type CloneInstanceInput as CloneInput,
  CloneInstanceInput,
  type Instance,
} from '../../model/instance.js';
import { parseInput } from '../../model/validate.js';
import { releaseCapacity, reserveCapacity } from '../../scheduler/reservation.js';
import { callDriver } from '../driver-call.js';
import { chargeQuota, instanceAmounts, releaseQuota } from '../quota/quota-ledger.js';
import type { ServiceDeps } from '../service-deps.js';
import {
  instanceEvent,
  instanceResources,
  instanceSpec,
  instanceVolumes,
  jobInstance,
  newMac,
  stepCall,
  submitInstanceJob,
  unlockInstance,
} from './instance-job.js';
import { instancePlacement } from './instance-placement.js';

interface CloneJobInput {
  readonly instanceId: string;
  readonly cloneId: string;
  readonly hostId: string;
  readonly storageGiB: number;
  readonly start: boolean;
}

const input = (raw: Record<string, unknown>) => raw as unknown as CloneJobInput;

/**
 * Copies an instance and its attached disks into a new instance of the same tenant, placed by the
 * scheduler on a host of the same driver. The source is held (no other job) while it is copied.
 * @internal
 */
export async function cloneInstance(
  deps: ServiceDeps,
  ctx: CallContext,
  id: string,
  raw: CloneInput,
): Promise<JobHandle<Instance>> {
  checkContext(ctx);
  const parsed = parseInput(CloneInstanceInput, raw, 'clone input');
  return submitInstanceJob(
    deps,
    ctx,
    id,
    'clone',
    async (tx, source, effects) => {
      deps.drivers.require(source.driver ?? '', 'clone', 'clone');
      const volumes = await instanceVolumes(tx, source.id);
      // The clone's disks are made where the source's are: in the same shared pool, or locally.
      const request = await instancePlacement(tx, source, volumes, { driver: source.driver ?? '' });
      await chargeQuota(tx, source.tenantId, instanceAmounts(source, volumes));
      const storageGiB = request.resources.storageGiB;
      const host = await reserveCapacity(tx, deps.index, request);
      effects.afterCommit(() => deps.index.upsert(host));
      const clone = await tx.insert('instances', {
        ...source,
        id: newId('instance'),
        name: parsed.name,
        // A clone is placed on its own: it does not join the source's placement group.
        placementGroupId: null,
        hostId: host.id,
        clusterId: host.clusterId,
        datacenterId: host.datacenterId,
        driverRef: null,
        state: 'creating',
        task: 'create',
        jobId: null,
        nics: source.nics.map((nic) => ({ ...nic, mac: newMac() })),
      });
      for (const volume of volumes) {
        await tx.insert('volumes', {
          ...volume,
          id: newId('volume'),
          name: `${parsed.name}-${volume.role === 'system' ? 'root' : `data${volume.deviceIndex ?? 0}`}`,
          hostId: host.id,
          instanceId: clone.id,
          driverRef: null,
          state: 'creating',
          wipedAt: null,
        });
      }
      return { cloneId: clone.id, hostId: host.id, storageGiB, start: parsed.start } satisfies Omit<
        CloneJobInput,
        'instanceId'
      >;
    },
    async (job, value) =>
      (value as Instance | undefined) ?? jobInstance(deps.store, input(job.input).cloneId),
  );
}

/** The job of `cloneInstance`. @internal */
export function cloneHandler(deps: ServiceDeps): OperationHandler {
  const driverOf = async (raw: Record<string, unknown>) => {
    const source = await jobInstance(deps.store, input(raw).instanceId);
    return { source, driver: deps.drivers.get(source.driver ?? '') };
  };
  return {
    operation: 'instance.clone',
    recovery: 'rollback',
    timeoutMs: 60 * 60_000,
    steps: () => [
      {
        name: 'driver.clone',
        async run(ctx) {
          const { cloneId, hostId, start } = input(ctx.job.input);
          const { source, driver } = await driverOf(ctx.job.input);
          const clone = await jobInstance(deps.store, cloneId);
          const host = await deps.store.get('hosts', hostId);
          if (!host) throw new EcloudError('NOT_FOUND', `Host ${hostId} vanished.`, { details: { hostId } });
          const spec = instanceSpec(clone, host.ref, await instanceVolumes(deps.store, cloneId), start);
          const made = await callDriver(driver.name, () =>
            driver.clone(source.driverRef ?? '', spec, stepCall(ctx)),
          );
          return { ref: made.ref, disks: made.disks };
        },
        async undo(ctx, data) {
          const { driver } = await driverOf(ctx.job.input);
          await callDriver(driver.name, () => driver.delete(String(data.ref), { wipe: true }, stepCall(ctx)));
        },
        async recover(ctx) {
          const { driver } = await driverOf(ctx.job.input);
          const found = await callDriver(driver.name, () =>
            driver.findInstance(input(ctx.job.input).cloneId, stepCall(ctx)),
          );
          return found ? { ref: found.ref, disks: found.disks } : undefined;
        },
      },
    ],
    async commit(job, tx, effects) {
      const { instanceId, cloneId, start } = input(job.input);
      const made = job.steps[0]?.data as { ref: string; disks: Record<string, string> };
      const clone = await unlockInstance(tx, cloneId, {
        driverRef: made.ref,
        state: start ? 'running' : 'stopped',
      });
      for (const volume of await instanceVolumes(tx, cloneId)) {
        await tx.update('volumes', {
          ...volume,
          state: 'attached',
          driverRef: made.disks[volume.id] ?? null,
        });
      }
      const source = await unlockInstance(tx, instanceId);
      instanceEvent(effects, 'instance.created', clone, { clonedFrom: source.id, state: clone.state });
      return { result: { instanceId: cloneId }, value: clone };
    },
    async abort(job, error, tx, effects) {
      const { instanceId, cloneId, hostId, storageGiB } = input(job.input);
      const clone = await tx.get('instances', cloneId);
      if (clone) {
        const host = await releaseCapacity(tx, hostId, instanceResources(clone, storageGiB));
        if (host) effects.afterCommit(() => deps.index.upsert(host));
        const volumes = await instanceVolumes(tx, cloneId);
        await releaseQuota(tx, clone.tenantId, instanceAmounts(clone, volumes));
        for (const volume of volumes) await tx.delete('volumes', volume.id, volume.version);
        await tx.delete('instances', clone.id, clone.version);
      }
      const source = await unlockInstance(tx, instanceId);
      instanceEvent(effects, 'instance.clone_failed', source, { error: error.toJSON() });
    },
  };
}
