import type { CallContext } from '../../context/call-context.js';
import { checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import type { JobHandle } from '../../jobs/job-handle.js';
import type { OperationHandler } from '../../jobs/operation.js';
import type { Resources } from '../../model/host.js';
import {
  type Instance,
  type MigrateInstanceInput as MigrateInput,
  MigrateInstanceInput,
} from '../../model/instance.js';
import { parseInput } from '../../model/validate.js';
import { releaseCapacity, reserveCapacity, reserveOnHost } from '../../scheduler/reservation.js';
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
import { recordRelocation } from './instance-relocation.js';

interface MigrateJobInput {
  readonly instanceId: string;
  readonly live: boolean;
  readonly sourceHostId: string;
  readonly targetHostId: string;
  readonly resources: Resources;
}

const input = (raw: Record<string, unknown>) => raw as unknown as MigrateJobInput;

/**
 * Moves an instance to another host of the same driver: live while running (`liveMigration`), cold
 * while stopped (`coldMigration`). The target is reserved before the driver moves anything; the source
 * is released only after the move.
 * @internal
 */
export async function migrateInstance(
  deps: ServiceDeps,
  ctx: CallContext,
  id: string,
  raw: MigrateInput = {},
): Promise<JobHandle<Instance>> {
  checkContext(ctx);
  const parsed = parseInput(MigrateInstanceInput, raw, 'migrate input');
  return submitInstanceJob(
    deps,
    ctx,
    id,
    'migrate',
    async (tx, instance, effects) => {
      const live = parsed.live ?? instance.state === 'running';
      if (live !== (instance.state === 'running')) {
        throw new EcloudError(
          'ILLEGAL_STATE',
          `A ${live ? 'live' : 'cold'} migration needs a ${live ? 'running' : 'stopped'} instance; ${instance.id} is ${instance.state}.`,
          { details: { instanceId: instance.id, state: instance.state, live } },
        );
      }
      deps.drivers.require(instance.driver ?? '', live ? 'liveMigration' : 'coldMigration', 'migrate');
      const sourceHostId = instance.hostId ?? '';
      if (parsed.hostId === sourceHostId) {
        throw new EcloudError(
          'INVALID_ARGUMENT',
          `Instance ${instance.id} is already on host ${sourceHostId}.`,
          {
            details: { hostId: sourceHostId },
          },
        );
      }
      const request = await instancePlacement(tx, instance, await instanceVolumes(tx, instance.id), {
        driver: instance.driver ?? '',
        excludeHostIds: new Set([sourceHostId]),
      });
      const resources = request.resources;
      const target =
        parsed.hostId === undefined
          ? await reserveCapacity(tx, deps.index, request)
          : await reserveOnHost(tx, deps.index, parsed.hostId, request);
      // The group counts the instance at its target from now on; an abort puts it back.
      if (instance.placementGroupId !== null)
        await setGroupMember(tx, instance.placementGroupId, instance.id, target.id);
      effects.afterCommit(() => deps.index.upsert(target));
      return { live, sourceHostId, targetHostId: target.id, resources } satisfies Omit<
        MigrateJobInput,
        'instanceId'
      >;
    },
    instanceResult(deps),
  );
}

/** The job of `migrateInstance`. @internal */
export function migrateHandler(deps: ServiceDeps): OperationHandler {
  const move = async (
    instanceId: string,
    hostId: string,
    live: boolean,
    options: ReturnType<typeof stepCall>,
  ) => {
    const instance = await jobInstance(deps.store, instanceId);
    const host = await deps.store.get('hosts', hostId);
    if (!host) throw new EcloudError('NOT_FOUND', `Host ${hostId} vanished.`, { details: { hostId } });
    const driver = deps.drivers.get(instance.driver ?? '');
    await callDriver(driver.name, () =>
      driver.migrate(instance.driverRef ?? '', host.ref, { live }, options),
    );
  };
  return {
    operation: 'instance.migrate',
    recovery: 'rollback',
    timeoutMs: 60 * 60_000,
    steps: () => [
      {
        name: 'driver.migrate',
        async run(ctx) {
          const { instanceId, targetHostId, live } = input(ctx.job.input);
          await move(instanceId, targetHostId, live, stepCall(ctx));
          return {};
        },
        async undo(ctx) {
          const { instanceId, sourceHostId, live } = input(ctx.job.input);
          await move(instanceId, sourceHostId, live, stepCall(ctx));
        },
      },
    ],
    async commit(job, tx, effects) {
      const { instanceId, sourceHostId, targetHostId, resources } = input(job.input);
      const instance = await recordRelocation(deps, tx, effects, {
        instanceId,
        fromHostId: sourceHostId,
        toHostId: targetHostId,
        resources,
      });
      instanceEvent(effects, 'instance.migrated', instance, { from: sourceHostId, to: targetHostId });
      return { result: { instanceId }, value: instance };
    },
    async abort(job, error, tx, effects) {
      const { instanceId, sourceHostId, targetHostId, resources } = input(job.input);
      const target = await releaseCapacity(tx, targetHostId, resources);
      if (target) effects.afterCommit(() => deps.index.upsert(target));
      const instance = await unlockInstance(tx, instanceId);
      if (instance.placementGroupId !== null)
        await setGroupMember(tx, instance.placementGroupId, instance.id, sourceHostId);
      instanceEvent(effects, 'instance.migrate_failed', instance, { error: error.toJSON() });
    },
  };
}
