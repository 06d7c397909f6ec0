import type { OperationHandler } from '../../jobs/operation.js';
import type { InstanceOperation } from '../../model/instance.js';
import type { ComputeCapability } from '../../spi/capabilities.js';
import type { ComputeDriver, DriverCallOptions } from '../../spi/compute-driver.js';
import { callDriver } from '../driver-call.js';
import type { ServiceDeps } from '../service-deps.js';
import { instanceEvent, jobInstance, stateAfter, stepCall, unlockInstance } from './instance-job.js';

/** The operations that change only an instance's power state. @internal */
export type PowerOperation = 'start' | 'stop' | 'reboot' | 'suspend' | 'resume';

interface PowerCall {
  /** The event type published when it succeeds. */
  readonly event: string;
  readonly capability?: ComputeCapability;
  readonly call: (
    driver: ComputeDriver,
    ref: string,
    input: Record<string, unknown>,
    options: DriverCallOptions,
  ) => Promise<void>;
}

/** How each power operation reaches the driver, and what capability it needs. @internal */
export const POWER_CALLS: Readonly<Record<PowerOperation, PowerCall>> = {
  start: { event: 'instance.started', call: (d, ref, _i, o) => d.start(ref, o) },
  stop: {
    event: 'instance.stopped',
    call: (d, ref, input, o) => d.powerOff(ref, { force: input.force === true }, o),
  },
  reboot: { event: 'instance.rebooted', call: (d, ref, _i, o) => d.reboot(ref, o) },
  suspend: { event: 'instance.suspended', capability: 'suspend', call: (d, ref, _i, o) => d.suspend(ref, o) },
  resume: { event: 'instance.resumed', capability: 'suspend', call: (d, ref, _i, o) => d.resume(ref, o) },
};

/**
 * The job of a power operation: one driver call. Nothing to undo — a failed call leaves the power state
 * as it was, and a restart re-reads the real state from the driver.
 * @internal
 */
export function powerHandler(deps: ServiceDeps, operation: PowerOperation): OperationHandler {
  return {
    operation: `instance.${operation}`,
    recovery: 'rollback',
    timeoutMs: 10 * 60_000,
    steps: () => [
      {
        name: `driver.${operation}`,
        async run(ctx) {
          const instance = await jobInstance(deps.store, String(ctx.job.input.instanceId));
          const driver = deps.drivers.get(instance.driver ?? '');
          await callDriver(driver.name, () =>
            POWER_CALLS[operation].call(driver, instance.driverRef ?? '', ctx.job.input, stepCall(ctx)),
          );
          return {};
        },
      },
    ],
    async commit(job, tx, effects) {
      const before = await jobInstance(tx, String(job.input.instanceId));
      const instance = await unlockInstance(tx, before.id, {
        state: stateAfter(before.state, operation as InstanceOperation),
      });
      instanceEvent(effects, POWER_CALLS[operation].event, instance, { state: instance.state });
      return { result: { instanceId: instance.id }, value: instance };
    },
    async abort(job, error, tx, effects) {
      const instance = await unlockInstance(tx, String(job.input.instanceId));
      instanceEvent(effects, `instance.${operation}_failed`, instance, { error: error.toJSON() });
    },
  };
}
