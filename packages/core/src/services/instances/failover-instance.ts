import { systemContext } from '../../context/call-context.js';
import type { JobHandle } from '../../jobs/job-handle.js';
import type { OperationHandler } from '../../jobs/operation.js';
import type { Resources } from '../../model/host.js';
import type { Instance } from '../../model/instance.js';
import { releaseCapacity, reserveCapacity } from '../../scheduler/reservation.js';
import type { StoreSession } from '../../store/store.js';
import { callDriver } from '../driver-call.js';
import type { ServiceDeps } from '../service-deps.js';
import { setGroupMember } from './instance-group.js';
import {
  instanceEvent,
  instanceResources,
  instanceResult,
  instanceVolumes,
  jobInstance,
  stepCall,
  submitInstanceJob,
  unlockInstance,
} from './instance-job.js';
import { instancePlacement } from './instance-placement.js';

interface FailoverJobInput {
  readonly instanceId: string;
  readonly fencedHostId: string;
  readonly targetHostId: string;
  readonly resources: Resources;
}

const input = (raw: Record<string, unknown>) => raw as unknown as FailoverJobInput;

/**
 * Restarts an instance of a fenced host on another one (R-HA-1): a new host is chosen through the
 * scheduler with every rule the instance was placed under, the driver moves the stopped instance there
 * cold (its disks are on storage that outlived the host) and starts it. Only the HA manager calls this,
 * and only after the driver confirmed the fence, so the instance can never run twice.
 * @internal
 */
export function failoverInstance(
  deps: ServiceDeps,
  instance: Instance,
  fencedHostId: string,
): Promise<JobHandle<Instance>> {
  return submitInstanceJob(
    deps,
    systemContext('ha-manager'),
    instance.id,
    'failover',
    async (tx, current, effects) => {
      const storageGiB = (await instanceVolumes(tx, current.id)).reduce((sum, v) => sum + v.sizeGiB, 0);
      const resources = instanceResources(current, storageGiB);
      const request = await instancePlacement(tx, current, resources, {
        driver: current.driver ?? '',
        excludeHostIds: new Set([fencedHostId]),
      });
      const target = await reserveCapacity(tx, deps.index, request);
      effects.afterCommit(() => deps.index.upsert(target));
      if (current.placementGroupId !== null)
        await setGroupMember(tx, current.placementGroupId, current.id, target.id);
      return { fencedHostId, targetHostId: target.id, resources } satisfies Omit<
        FailoverJobInput,
        'instanceId'
      >;
    },
    instanceResult(deps),
  );
}

/** Records the instance on its new host (running, or stopped if it moved but did not start). */
async function settleOnTarget(
  tx: StoreSession,
  job: FailoverJobInput,
  state: 'running' | 'stopped',
): Promise<{ instance: Instance; released: Awaited<ReturnType<typeof releaseCapacity>> }> {
  const released = await releaseCapacity(tx, job.fencedHostId, job.resources);
  const target = await tx.get('hosts', job.targetHostId);
  const instance = await unlockInstance(tx, job.instanceId, {
    hostId: job.targetHostId,
    state,
    ...(target ? { clusterId: target.clusterId, datacenterId: target.datacenterId } : {}),
  });
  for (const volume of await instanceVolumes(tx, job.instanceId)) {
    await tx.update('volumes', { ...volume, hostId: job.targetHostId });
  }
  return { instance, released };
}

/** The job of `failoverInstance`: move cold, then start; no undo, there is no going back to a fenced host. @internal */
export function failoverHandler(deps: ServiceDeps): OperationHandler {
  const driverOf = async (instanceId: string) => {
    const instance = await jobInstance(deps.store, instanceId);
    return { instance, driver: deps.drivers.get(instance.driver ?? '') };
  };
  const targetRef = async (hostId: string) => (await deps.store.get('hosts', hostId))?.ref ?? '';
  return {
    operation: 'instance.failover',
    recovery: 'rollback',
    timeoutMs: 30 * 60_000,
    steps: () => [
      {
        name: 'driver.move',
        async run(ctx) {
          const job = input(ctx.job.input);
          const { instance, driver } = await driverOf(job.instanceId);
          const to = await targetRef(job.targetHostId);
          await callDriver(driver.name, () =>
            driver.migrate(instance.driverRef ?? '', to, { live: false }, stepCall(ctx)),
          );
          return {};
        },
        async recover(ctx) {
          const job = input(ctx.job.input);
          const { driver } = await driverOf(job.instanceId);
          const found = await callDriver(driver.name, () =>
            driver.findInstance(job.instanceId, stepCall(ctx)),
          );
          return found?.hostRef === (await targetRef(job.targetHostId)) ? {} : undefined;
        },
      },
      {
        name: 'driver.start',
        async run(ctx) {
          const { instance, driver } = await driverOf(input(ctx.job.input).instanceId);
          await callDriver(driver.name, () => driver.start(instance.driverRef ?? '', stepCall(ctx)));
          return {};
        },
      },
    ],
    async commit(job, tx, effects) {
      const { instance, released } = await settleOnTarget(tx, input(job.input), 'running');
      if (released) effects.afterCommit(() => deps.index.upsert(released));
      instanceEvent(effects, 'instance.failed_over', instance, { from: input(job.input).fencedHostId });
      return { result: { instanceId: instance.id }, value: instance };
    },
    async abort(job, error, tx, effects) {
      const parsed = input(job.input);
      const moved = job.steps.some((step) => step.name === 'driver.move');
      if (moved) {
        // The instance is on the new host already, only not started: record it there, stopped.
        const { instance, released } = await settleOnTarget(tx, parsed, 'stopped');
        if (released) effects.afterCommit(() => deps.index.upsert(released));
        instanceEvent(effects, 'instance.failover_failed', instance, { error: error.toJSON(), moved: true });
        return;
      }
      const target = await releaseCapacity(tx, parsed.targetHostId, parsed.resources);
      if (target) effects.afterCommit(() => deps.index.upsert(target));
      const instance = await unlockInstance(tx, parsed.instanceId);
      if (instance.placementGroupId !== null) {
        await setGroupMember(tx, instance.placementGroupId, instance.id, parsed.fencedHostId);
      }
      instanceEvent(effects, 'instance.failover_failed', instance, { error: error.toJSON(), moved: false });
    },
  };
}
