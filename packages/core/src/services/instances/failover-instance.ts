import { systemContext } from '../../context/call-context.js';
import type { JobHandle } from '../../jobs/job-handle.js';
import type { OperationHandler } from '../../jobs/operation.js';
import type { Resources } from '../../model/host.js';
import type { Instance } from '../../model/instance.js';
import { releaseCapacity, reserveCapacity } from '../../scheduler/reservation.js';
import { callDriver } from '../driver-call.js';
import type { ServiceDeps } from '../service-deps.js';
import { setGroupMember } from './instance-group.js';
import {
  instanceEvent,
  instanceResult,
  instanceVolumes,
  jobInstance,
  stepCall,
  submitInstanceJob,
  unlockInstance,
} from './instance-job.js';
import { instancePlacement } from './instance-placement.js';
import { type Relocation, recordRelocation } from './instance-relocation.js';

interface FailoverJobInput {
  readonly instanceId: string;
  readonly fencedHostId: string;
  readonly targetHostId: string;
  readonly resources: Resources;
}

const input = (raw: Record<string, unknown>) => raw as unknown as FailoverJobInput;

const relocation = (job: FailoverJobInput): Relocation => ({
  instanceId: job.instanceId,
  fromHostId: job.fencedHostId,
  toHostId: job.targetHostId,
  resources: job.resources,
});

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
      const request = await instancePlacement(tx, current, await instanceVolumes(tx, current.id), {
        driver: current.driver ?? '',
        excludeHostIds: new Set([fencedHostId]),
      });
      const resources = request.resources;
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
      const instance = await recordRelocation(deps, tx, effects, relocation(input(job.input)), {
        state: 'running',
      });
      instanceEvent(effects, 'instance.failed_over', instance, { from: input(job.input).fencedHostId });
      return { result: { instanceId: instance.id }, value: instance };
    },
    async abort(job, error, tx, effects) {
      const parsed = input(job.input);
      const moved = job.steps.some((step) => step.name === 'driver.move');
      if (moved) {
        // The instance is on the new host already, only not started: record it there, stopped.
        const instance = await recordRelocation(deps, tx, effects, relocation(parsed), { state: 'stopped' });
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
