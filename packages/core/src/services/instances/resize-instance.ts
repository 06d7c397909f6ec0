import type { CallContext } from '../../context/call-context.js';
import { checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import type { JobHandle } from '../../jobs/job-handle.js';
import type { OperationHandler } from '../../jobs/operation.js';
import type { Resources } from '../../model/host.js';
import {
  type Instance,
  type ResizeInstanceInput as ResizeInput,
  ResizeInstanceInput,
} from '../../model/instance.js';
import { parseInput } from '../../model/validate.js';
import { growOnHost, releaseCapacity } from '../../scheduler/reservation.js';
import { getVisible } from '../access/record-access.js';
import { callDriver } from '../driver-call.js';
import { chargeQuota, releaseQuota } from '../quota/quota-ledger.js';
import type { ServiceDeps } from '../service-deps.js';
import {
  instanceEvent,
  instanceResult,
  jobInstance,
  stepCall,
  submitInstanceJob,
  unlockInstance,
} from './instance-job.js';

interface Size {
  readonly vcpus: number;
  readonly memoryMiB: number;
  readonly offeringId: string;
}

interface ResizeJobInput {
  readonly instanceId: string;
  readonly hostId: string;
  readonly from: Size;
  readonly to: Size;
  readonly increase: Resources;
  readonly decrease: Resources;
}

const input = (raw: Record<string, unknown>) => raw as unknown as ResizeJobInput;

function delta(from: Size, to: Size, sign: 1 | -1): Resources {
  return {
    vcpus: Math.max(0, sign * (to.vcpus - from.vcpus)),
    memoryMiB: Math.max(0, sign * (to.memoryMiB - from.memoryMiB)),
    storageGiB: 0,
  };
}

/**
 * Resizes vCPUs and memory. Growth is reserved on the instance's host up front (INSUFFICIENT_CAPACITY
 * if it does not fit); shrinkage is released only once the driver has applied it. A running instance
 * needs the driver's `hotResize`.
 * @internal
 */
export async function resizeInstance(
  deps: ServiceDeps,
  ctx: CallContext,
  id: string,
  raw: ResizeInput,
): Promise<JobHandle<Instance>> {
  checkContext(ctx);
  const parsed = parseInput(ResizeInstanceInput, raw, 'resize input');
  return submitInstanceJob(
    deps,
    ctx,
    id,
    'resize',
    async (tx, instance, effects) => {
      if (instance.state === 'running')
        deps.drivers.require(instance.driver ?? '', 'hotResize', 'resize a running instance');
      const offering =
        parsed.offeringId === undefined
          ? undefined
          : await getVisible(tx, ctx, 'offerings', parsed.offeringId, 'Offering', 'offering:read');
      const from: Size = {
        vcpus: instance.vcpus,
        memoryMiB: instance.memoryMiB,
        offeringId: instance.offeringId,
      };
      const to: Size = {
        vcpus: offering?.vcpus ?? parsed.vcpus ?? instance.vcpus,
        memoryMiB: offering?.memoryMiB ?? parsed.memoryMiB ?? instance.memoryMiB,
        offeringId: offering?.id ?? instance.offeringId,
      };
      if (to.vcpus === from.vcpus && to.memoryMiB === from.memoryMiB) {
        throw new EcloudError('INVALID_ARGUMENT', `Instance ${instance.id} already has that size.`, {
          details: { size: to },
        });
      }
      const increase = delta(from, to, 1);
      await chargeQuota(tx, instance.tenantId, { vcpus: increase.vcpus, memoryMiB: increase.memoryMiB });
      const hostId = instance.hostId ?? '';
      if (increase.vcpus > 0 || increase.memoryMiB > 0) {
        const host = await growOnHost(tx, hostId, increase, offering?.tags ?? []);
        effects.afterCommit(() => deps.index.upsert(host));
      }
      return { hostId, from, to, increase, decrease: delta(from, to, -1) } satisfies Omit<
        ResizeJobInput,
        'instanceId'
      >;
    },
    instanceResult(deps),
  );
}

/** The job of `resizeInstance`. @internal */
export function resizeHandler(deps: ServiceDeps): OperationHandler {
  const resize = async (instanceId: string, size: Size, options: ReturnType<typeof stepCall>) => {
    const instance = await jobInstance(deps.store, instanceId);
    const driver = deps.drivers.get(instance.driver ?? '');
    await callDriver(driver.name, () => driver.resize(instance.driverRef ?? '', size, options));
  };
  return {
    operation: 'instance.resize',
    recovery: 'rollback',
    timeoutMs: 10 * 60_000,
    steps: () => [
      {
        name: 'driver.resize',
        async run(ctx) {
          await resize(input(ctx.job.input).instanceId, input(ctx.job.input).to, stepCall(ctx));
          return {};
        },
        async undo(ctx) {
          await resize(input(ctx.job.input).instanceId, input(ctx.job.input).from, stepCall(ctx));
        },
      },
    ],
    async commit(job, tx, effects) {
      const { instanceId, hostId, to, decrease } = input(job.input);
      const host = await releaseCapacity(tx, hostId, decrease);
      const resized = await jobInstance(tx, instanceId);
      await releaseQuota(tx, resized.tenantId, { vcpus: decrease.vcpus, memoryMiB: decrease.memoryMiB });
      if (host) effects.afterCommit(() => deps.index.upsert(host));
      const instance = await unlockInstance(tx, instanceId, {
        vcpus: to.vcpus,
        memoryMiB: to.memoryMiB,
        offeringId: to.offeringId,
      });
      instanceEvent(effects, 'instance.resized', instance, { vcpus: to.vcpus, memoryMiB: to.memoryMiB });
      return { result: { instanceId }, value: instance };
    },
    async abort(job, error, tx, effects) {
      const { instanceId, hostId, increase } = input(job.input);
      const host = await releaseCapacity(tx, hostId, increase);
      if (host) effects.afterCommit(() => deps.index.upsert(host));
      const instance = await unlockInstance(tx, instanceId);
      await releaseQuota(tx, instance.tenantId, { vcpus: increase.vcpus, memoryMiB: increase.memoryMiB });
      instanceEvent(effects, 'instance.resize_failed', instance, { error: error.toJSON() });
    },
  };
}
