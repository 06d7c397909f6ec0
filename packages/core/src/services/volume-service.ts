import { type CallContext, checkContext } from '../context/call-context.js';
import { EcloudError } from '../errors/ecloud-error.js';
import { transactWithEvents } from '../events/outbox.js';
import type { JobHandle } from '../jobs/job-handle.js';
import type { OperationHandler } from '../jobs/operation.js';
import type { Page } from '../model/page.js';
import { parseInput } from '../model/validate.js';
import { type Volume, VolumeFilter } from '../model/volume.js';
import { releaseCapacity } from '../scheduler/reservation.js';
import type { OperationTable } from './access/operation-rule.js';
import { getVisible, listTenant } from './access/record-access.js';
import { audited, resourceSubject } from './audit/audit-trail.js';
import { callDriver } from './driver-call.js';
import { stepCall } from './instances/instance-job.js';
import { releaseQuota } from './quota/quota-ledger.js';
import { listPage, type ServiceDeps } from './service-deps.js';

/** Disks: read, list, and delete with secure erase (R-SEC-6). @public */
export interface VolumeService {
  /** Reads one volume the caller may see; NOT_FOUND otherwise. */
  get(ctx: CallContext, id: string): Promise<Volume>;
  /** One page of the caller's volumes, optionally of one instance. */
  list(ctx: CallContext, filter?: VolumeFilter): Promise<Page<Volume>>;
  /** Wipes and deletes a detached (`available`) volume; its space is released after the wipe. */
  delete(ctx: CallContext, id: string): Promise<JobHandle<void>>;
}

/** The right each volume operation checks, on the volume. @internal */
export const VOLUME_OPERATIONS = {
  get: 'volume:read',
  list: 'volume:read',
  delete: 'volume:delete',
} as const satisfies OperationTable<VolumeService>;

/** Builds the volume service. @internal */
export function createVolumeService(deps: ServiceDeps): VolumeService {
  return {
    async get(ctx, id) {
      checkContext(ctx);
      return getVisible(deps.store, ctx, 'volumes', String(id), 'Volume', VOLUME_OPERATIONS.get);
    },
    async list(ctx, filter = {}) {
      checkContext(ctx);
      const { tenantId, instanceId, ...page } = parseInput(VolumeFilter, filter, 'volume filter');
      const scope = await listTenant(deps.store, ctx, VOLUME_OPERATIONS.list, tenantId);
      const where = {
        ...(scope === undefined ? {} : { tenantId: scope }),
        ...(instanceId === undefined ? {} : { instanceId }),
      };
      return listPage(deps.store, 'volumes', where, page);
    },
    async delete(ctx, id) {
      checkContext(ctx);
      const subject = resourceSubject(VOLUME_OPERATIONS.delete, 'volume', String(id));
      const job = await audited(deps.store, ctx, subject, (done) =>
        transactWithEvents(deps.store, deps.bus, async (tx) => {
          const volume = await getVisible(tx, ctx, 'volumes', String(id), 'Volume', VOLUME_OPERATIONS.delete);
          if (volume.state !== 'available') {
            throw new EcloudError(
              'ILLEGAL_STATE',
              `Volume ${volume.id} is ${volume.state}; only an available volume can be deleted.`,
              {
                details: { volumeId: volume.id, state: volume.state },
              },
            );
          }
          // `wiping` doubles as the volume's lock while the job runs.
          await tx.update('volumes', { ...volume, state: 'wiping' });
          const created = await deps.runner.create(tx, {
            operation: 'volume.delete',
            tenantId: volume.tenantId,
            resourceType: 'volume',
            resourceId: volume.id,
            input: { volumeId: volume.id },
          });
          await done(tx, volume.id, { jobId: created.id });
          return created;
        }),
      );
      deps.runner.start(job);
      return deps.handle(job, async () => undefined);
    },
  };
}

/** The job of deleting a volume; like instance deletion it resumes after a crash. @internal */
export function deleteVolumeHandler(deps: ServiceDeps): OperationHandler {
  const load = async (session: Pick<typeof deps.store, 'get'>, id: string) => {
    const volume = await session.get('volumes', id);
    if (!volume) throw new EcloudError('NOT_FOUND', `Volume ${id} does not exist.`, { details: { id } });
    return volume;
  };
  return {
    operation: 'volume.delete',
    recovery: 'resume',
    timeoutMs: 60 * 60_000,
    steps: () => [
      {
        name: 'driver.deleteDisk',
        async run(ctx) {
          const volume = await load(deps.store, String(ctx.job.input.volumeId));
          const host = volume.hostId === null ? undefined : await deps.store.get('hosts', volume.hostId);
          const driver = deps.drivers.get(host?.driver ?? '');
          const ref = await callDriver(driver.name, () => driver.findDisk(volume.id, stepCall(ctx)));
          if (ref !== undefined)
            await callDriver(driver.name, () => driver.deleteDisk(ref, { wipe: true }, stepCall(ctx)));
          return { wipedAt: new Date().toISOString() };
        },
      },
    ],
    async commit(job, tx, effects) {
      const volume = await load(tx, String(job.input.volumeId));
      // A disk in a shared pool took nothing of its host's own storage.
      if (volume.hostId !== null && volume.storagePool === null) {
        const host = await releaseCapacity(tx, volume.hostId, {
          vcpus: 0,
          memoryMiB: 0,
          storageGiB: volume.sizeGiB,
        });
        if (host) effects.afterCommit(() => deps.index.upsert(host));
      }
      await tx.delete('volumes', volume.id, volume.version);
      await releaseQuota(tx, volume.tenantId, { volumes: 1, storageGiB: volume.sizeGiB });
      effects.emit({
        type: 'volume.deleted',
        resourceType: 'volume',
        resourceId: volume.id,
        tenantId: volume.tenantId,
        data: { wipedAt: job.steps[0]?.data.wipedAt },
      });
      return { result: { volumeId: volume.id } };
    },
    async abort(job, error, tx, effects) {
      const volume = await load(tx, String(job.input.volumeId));
      await tx.update('volumes', { ...volume, state: 'available' });
      effects.emit({
        type: 'volume.delete_failed',
        resourceType: 'volume',
        resourceId: volume.id,
        tenantId: volume.tenantId,
        data: { error: error.toJSON() },
      });
    },
  };
}
