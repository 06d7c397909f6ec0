import type { CallContext } from '../../context/call-context.js';
import { checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import type { TxEffects } from '../../events/outbox.js';
import type { JobHandle } from '../../jobs/job-handle.js';
import type { OperationHandler } from '../../jobs/operation.js';
import { newId } from '../../model/ids.js';
import type { Instance } from '../../model/instance.js';
import { parseInput } from '../../model/validate.js';
import { DataDiskInput, type DataDiskInput as DiskInput, type Volume } from '../../model/volume.js';
import { growOnHost, releaseCapacity } from '../../scheduler/reservation.js';
import type { StoreSession } from '../../store/store.js';
import { getVisible } from '../access/record-access.js';
import { callDriver } from '../driver-call.js';
import { chargeQuota, releaseQuota } from '../quota/quota-ledger.js';
import type { ServiceDeps } from '../service-deps.js';
import {
  instanceEvent,
  instanceVolumes,
  jobInstance,
  stepCall,
  submitInstanceJob,
  unlockInstance,
} from './instance-job.js';

const volumeResult = (deps: ServiceDeps) => async (job: { result: Record<string, unknown> | null }) => {
  const volume = await deps.store.get('volumes', String(job.result?.volumeId));
  if (!volume) throw new EcloudError('NOT_FOUND', 'The volume of this job no longer exists.');
  return volume;
};

async function jobVolume(session: StoreSession, id: string): Promise<Volume> {
  const volume = await session.get('volumes', id);
  if (!volume) throw new EcloudError('NOT_FOUND', `Volume ${id} does not exist.`, { details: { id } });
  return volume;
}

/** What a disk job's steps work on: the instance, its driver and the volume. */
async function diskJobContext(deps: ServiceDeps, raw: Record<string, unknown>) {
  const instance = await jobInstance(deps.store, String(raw.instanceId));
  return {
    instance,
    driver: deps.drivers.get(instance.driver ?? ''),
    volume: await jobVolume(deps.store, String(raw.volumeId)),
  };
}

function requireHotplug(deps: ServiceDeps, instance: Instance): void {
  if (instance.state === 'running')
    deps.drivers.require(instance.driver ?? '', 'hotplugDisk', 'change disks of a running instance');
}

/** Makes a new data disk on the instance's host and attaches it. @internal */
export async function attachDisk(
  deps: ServiceDeps,
  ctx: CallContext,
  id: string,
  raw: DiskInput,
): Promise<JobHandle<Volume>> {
  checkContext(ctx);
  const disk = parseInput(DataDiskInput, raw, 'disk input');
  return submitInstanceJob(
    deps,
    ctx,
    id,
    'attachDisk',
    async (tx, instance, effects) => {
      requireHotplug(deps, instance);
      const hostId = instance.hostId ?? '';
      await chargeQuota(tx, instance.tenantId, { volumes: 1, storageGiB: disk.sizeGiB });
      const existing = await instanceVolumes(tx, instance.id);
      // A new disk goes where the system disk is: in its shared pool, or on the host's own storage.
      const storagePool = existing.find((v) => v.role === 'system')?.storagePool ?? null;
      const hostRef = await diskHostRef(tx, deps, hostId, storagePool, disk.sizeGiB, effects);
      const deviceIndex = Math.max(0, ...existing.map((v) => v.deviceIndex ?? 0)) + 1;
      const volume = await tx.insert('volumes', {
        id: newId('volume'),
        name: disk.name ?? `${instance.name}-data${deviceIndex}`,
        tenantId: instance.tenantId,
        role: 'data',
        sizeGiB: disk.sizeGiB,
        hypervisor: instance.hypervisor,
        hostId,
        storagePool,
        instanceId: instance.id,
        deviceIndex,
        imageId: null,
        driverRef: null,
        state: 'creating',
        wipedAt: null,
      });
      return { volumeId: volume.id, hostId, hostRef };
    },
    volumeResult(deps),
  );
}

/**
 * The reference of the host a new disk is made for: a disk on the host's own storage is booked against
 * it (refused if the host has no room), one in a shared pool takes nothing of the host.
 */
async function diskHostRef(
  tx: StoreSession,
  deps: ServiceDeps,
  hostId: string,
  storagePool: string | null,
  sizeGiB: number,
  effects: TxEffects,
): Promise<string> {
  if (storagePool === null) {
    const host = await growOnHost(tx, hostId, { vcpus: 0, memoryMiB: 0, storageGiB: sizeGiB });
    effects.afterCommit(() => deps.index.upsert(host));
    return host.ref;
  }
  const host = await tx.get('hosts', hostId);
  if (!host) throw new EcloudError('NOT_FOUND', `Host ${hostId} does not exist.`, { details: { hostId } });
  return host.ref;
}

/** The job of `attachDisk`: create the disk, then attach it; each step undone on failure. @internal */
export function attachDiskHandler(deps: ServiceDeps): OperationHandler {
  const context = (raw: Record<string, unknown>) => diskJobContext(deps, raw);
  return {
    operation: 'instance.attachDisk',
    recovery: 'rollback',
    timeoutMs: 30 * 60_000,
    steps: () => [
      {
        name: 'driver.createDisk',
        async run(ctx) {
          const { driver, volume } = await context(ctx.job.input);
          const ref = await callDriver(driver.name, () =>
            driver.createDisk(
              String(ctx.job.input.hostRef),
              {
                id: volume.id,
                sizeGiB: volume.sizeGiB,
                role: 'data',
                deviceIndex: volume.deviceIndex ?? 1,
                ...(volume.storagePool === null ? {} : { storagePool: volume.storagePool }),
              },
              stepCall(ctx),
            ),
          );
          return { ref };
        },
        async undo(ctx, data) {
          const { driver } = await context(ctx.job.input);
          await callDriver(driver.name, () =>
            driver.deleteDisk(String(data.ref), { wipe: true }, stepCall(ctx)),
          );
        },
        async recover(ctx) {
          const { driver } = await context(ctx.job.input);
          const ref = await callDriver(driver.name, () =>
            driver.findDisk(String(ctx.job.input.volumeId), stepCall(ctx)),
          );
          return ref === undefined ? undefined : { ref };
        },
      },
      {
        name: 'driver.attachDisk',
        async run(ctx) {
          const { instance, driver } = await context(ctx.job.input);
          const ref = String(ctx.job.steps[0]?.data.ref);
          await callDriver(driver.name, () =>
            driver.attachDisk(instance.driverRef ?? '', ref, stepCall(ctx)),
          );
          return { ref };
        },
        async undo(ctx, data) {
          const { instance, driver } = await context(ctx.job.input);
          await callDriver(driver.name, () =>
            driver.detachDisk(instance.driverRef ?? '', String(data.ref), stepCall(ctx)),
          );
        },
      },
    ],
    async commit(job, tx, effects) {
      const volume = await jobVolume(tx, String(job.input.volumeId));
      await tx.update('volumes', { ...volume, state: 'attached', driverRef: String(job.steps[0]?.data.ref) });
      const instance = await unlockInstance(tx, String(job.input.instanceId));
      instanceEvent(effects, 'instance.disk_attached', instance, { volumeId: volume.id });
      return { result: { instanceId: instance.id, volumeId: volume.id } };
    },
    async abort(job, error, tx, effects) {
      const volume = await tx.get('volumes', String(job.input.volumeId));
      if (volume) {
        await tx.delete('volumes', volume.id, volume.version);
        await releaseQuota(tx, volume.tenantId, { volumes: 1, storageGiB: volume.sizeGiB });
        if (volume.storagePool === null) {
          const host = await releaseCapacity(tx, String(job.input.hostId), {
            vcpus: 0,
            memoryMiB: 0,
            storageGiB: volume.sizeGiB,
          });
          if (host) effects.afterCommit(() => deps.index.upsert(host));
        }
      }
      const instance = await unlockInstance(tx, String(job.input.instanceId));
      instanceEvent(effects, 'instance.disk_attach_failed', instance, { error: error.toJSON() });
    },
  };
}

/** Detaches a data disk; the volume stays, `available`, with its data. @internal */
export async function detachDisk(
  deps: ServiceDeps,
  ctx: CallContext,
  id: string,
  volumeId: string,
): Promise<JobHandle<Volume>> {
  checkContext(ctx);
  return submitInstanceJob(
    deps,
    ctx,
    id,
    'detachDisk',
    async (tx, instance) => {
      requireHotplug(deps, instance);
      const volume = await getVisible(tx, ctx, 'volumes', String(volumeId), 'Volume', 'volume:read');
      if (volume.instanceId !== instance.id || volume.role !== 'data') {
        throw new EcloudError(
          'INVALID_ARGUMENT',
          `Volume ${volume.id} is not a data disk of instance ${instance.id}.`,
          {
            details: { volumeId: volume.id, instanceId: instance.id },
          },
        );
      }
      return { volumeId: volume.id };
    },
    volumeResult(deps),
  );
}

/** The job of `detachDisk`. @internal */
export function detachDiskHandler(deps: ServiceDeps): OperationHandler {
  const context = (raw: Record<string, unknown>) => diskJobContext(deps, raw);
  return {
    operation: 'instance.detachDisk',
    recovery: 'rollback',
    timeoutMs: 10 * 60_000,
    steps: () => [
      {
        name: 'driver.detachDisk',
        async run(ctx) {
          const { instance, driver, volume } = await context(ctx.job.input);
          await callDriver(driver.name, () =>
            driver.detachDisk(instance.driverRef ?? '', volume.driverRef ?? '', stepCall(ctx)),
          );
          return {};
        },
        async undo(ctx) {
          const { instance, driver, volume } = await context(ctx.job.input);
          await callDriver(driver.name, () =>
            driver.attachDisk(instance.driverRef ?? '', volume.driverRef ?? '', stepCall(ctx)),
          );
        },
      },
    ],
    async commit(job, tx, effects) {
      const volume = await jobVolume(tx, String(job.input.volumeId));
      await tx.update('volumes', { ...volume, state: 'available', instanceId: null, deviceIndex: null });
      const instance = await unlockInstance(tx, String(job.input.instanceId));
      instanceEvent(effects, 'instance.disk_detached', instance, { volumeId: volume.id });
      return { result: { instanceId: instance.id, volumeId: volume.id } };
    },
    async abort(job, error, tx, effects) {
      const instance = await unlockInstance(tx, String(job.input.instanceId));
      instanceEvent(effects, 'instance.disk_detach_failed', instance, { error: error.toJSON() });
    },
  };
}
