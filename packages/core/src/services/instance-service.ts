import { type CallContext, checkContext } from '../context/call-context.js';
import { transactWithEvents } from '../events/outbox.js';
import type { JobHandle } from '../jobs/job-handle.js';
import type { OperationHandler } from '../jobs/operation.js';
import {
  type CloneInstanceInput,
  type CreateInstanceInput,
  type Instance,
  InstanceFilter,
  type MigrateInstanceInput,
  type ResizeInstanceInput,
  type SnapshotInstanceInput,
  type StopInstanceInput as StopInput,
  StopInstanceInput,
  type UpdateInstanceInput as UpdateInput,
  UpdateInstanceInput,
} from '../model/instance.js';
import type { JsonPage, Page, PageInput } from '../model/page.js';
import type { Snapshot } from '../model/snapshot.js';
import { parseInput } from '../model/validate.js';
import type { DataDiskInput, Volume } from '../model/volume.js';
import type { ListQuery } from '../store/store.js';
import { getVisible, listTenant } from './access/record-access.js';
import { audited, resourceSubject } from './audit/audit-trail.js';
import { cloneHandler, cloneInstance } from './instances/clone-instance.js';
import { createInstance, createInstanceHandler } from './instances/create-instance.js';
import { deleteHandler, deleteInstance } from './instances/delete-instance.js';
import { attachDisk, attachDiskHandler, detachDisk, detachDiskHandler } from './instances/instance-disks.js';
import { instanceEvent, instanceResult, submitInstanceJob } from './instances/instance-job.js';
import { INSTANCE_OPERATIONS } from './instances/instance-rights.js';
import {
  deleteSnapshot,
  revertSnapshot,
  snapshotHandler,
  snapshotInstance,
} from './instances/instance-snapshots.js';
import { migrateHandler, migrateInstance } from './instances/migrate-instance.js';
import { POWER_CALLS, type PowerOperation, powerHandler } from './instances/power-operations.js';
import { resizeHandler, resizeInstance } from './instances/resize-instance.js';
import { JsonPageCache } from './json-page-cache.js';
import { listPage, pageQuery, type ServiceDeps } from './service-deps.js';
import { assertVersion } from './version-precondition.js';

/**
 * The instance lifecycle (R-COMP-2). Every long operation returns a {@link JobHandle} at once; the
 * change happens in a persisted job. Every call takes the caller's context and sees only what it may.
 * @public
 */
export interface InstanceService {
  /** Places and creates an instance with its system disk and data disks; the job resolves with it running (or stopped). */
  create(ctx: CallContext, input: CreateInstanceInput): Promise<JobHandle<Instance>>;
  /** Reads one instance the caller may see; NOT_FOUND otherwise. */
  get(ctx: CallContext, id: string): Promise<Instance>;
  /** One page of the instances the caller may see, oldest first. */
  list(ctx: CallContext, filter?: InstanceFilter): Promise<Page<Instance>>;
  /**
   * The same page as `list`, its instances left as the JSON text they are stored as — for a server
   * that answers in JSON, without parsing and re-serialising every record.
   */
  listJson(ctx: CallContext, filter?: InstanceFilter): Promise<JsonPage>;
  /** Renames or re-describes an instance; no job needed. */
  update(ctx: CallContext, id: string, input: UpdateInput): Promise<Instance>;
  /** Powers a stopped instance on. */
  start(ctx: CallContext, id: string): Promise<JobHandle<Instance>>;
  /** Stops an instance: the guest shuts down, or with `force` the power is cut. */
  stop(ctx: CallContext, id: string, input?: StopInput): Promise<JobHandle<Instance>>;
  /** Restarts a running instance. */
  reboot(ctx: CallContext, id: string): Promise<JobHandle<Instance>>;
  /** Pauses a running instance in memory (driver capability `suspend`). */
  suspend(ctx: CallContext, id: string): Promise<JobHandle<Instance>>;
  /** Continues a suspended instance. */
  resume(ctx: CallContext, id: string): Promise<JobHandle<Instance>>;
  /** Changes vCPUs and memory; growth is reserved on the host first. A running instance needs `hotResize`. */
  resize(ctx: CallContext, id: string, input: ResizeInstanceInput): Promise<JobHandle<Instance>>;
  /** Makes a new data disk and attaches it. */
  attachDisk(ctx: CallContext, id: string, input: DataDiskInput): Promise<JobHandle<Volume>>;
  /** Detaches a data disk, which stays as an `available` volume. */
  detachDisk(ctx: CallContext, id: string, volumeId: string): Promise<JobHandle<Volume>>;
  /** Moves an instance to another host: live while running, cold while stopped; the scheduler picks the target unless `hostId` is given. */
  migrate(ctx: CallContext, id: string, input?: MigrateInstanceInput): Promise<JobHandle<Instance>>;
  /** Copies an instance with its disks; the handle resolves with the new instance. */
  clone(ctx: CallContext, id: string, input: CloneInstanceInput): Promise<JobHandle<Instance>>;
  /** Takes a point-in-time snapshot of an instance. */
  snapshot(ctx: CallContext, id: string, input: SnapshotInstanceInput): Promise<JobHandle<Snapshot>>;
  /** One page of an instance's snapshots. */
  listSnapshots(ctx: CallContext, id: string, page?: PageInput): Promise<Page<Snapshot>>;
  /** Returns a stopped instance to one of its snapshots. */
  revertSnapshot(ctx: CallContext, id: string, snapshotId: string): Promise<JobHandle<Instance>>;
  /** Deletes one of an instance's snapshots. */
  deleteSnapshot(ctx: CallContext, id: string, snapshotId: string): Promise<JobHandle<void>>;
  /** Deletes an instance and its attached disks, wiped first (R-SEC-6). */
  delete(ctx: CallContext, id: string): Promise<JobHandle<void>>;
}

/** The operation handlers of instance jobs, registered with the runner. @internal */
export function instanceHandlers(deps: ServiceDeps): OperationHandler[] {
  const power: PowerOperation[] = ['start', 'stop', 'reboot', 'suspend', 'resume'];
  return [
    createInstanceHandler(deps),
    ...power.map((operation) => powerHandler(deps, operation)),
    resizeHandler(deps),
    attachDiskHandler(deps),
    detachDiskHandler(deps),
    migrateHandler(deps),
    cloneHandler(deps),
    snapshotHandler(deps, 'create'),
    snapshotHandler(deps, 'revert'),
    snapshotHandler(deps, 'delete'),
    deleteHandler(deps),
  ];
}

/** Builds the instance service. @internal */
export function createInstanceService(deps: ServiceDeps): InstanceService {
  const power =
    (operation: PowerOperation, input: Record<string, unknown> = {}) =>
    (ctx: CallContext, id: string) => {
      checkContext(ctx);
      return submitInstanceJob(
        deps,
        ctx,
        id,
        operation,
        async (_tx, instance) => {
          const capability = POWER_CALLS[operation].capability;
          if (capability) deps.drivers.require(instance.driver ?? '', capability, operation);
          return input;
        },
        instanceResult(deps),
      );
    };
  const pages = new JsonPageCache(deps.store);
  /** The store query of one page of the instances the caller may see, filtered as asked. */
  const listQuery = async (ctx: CallContext, filter: unknown): Promise<ListQuery<'instances'>> => {
    checkContext(ctx);
    const { tenantId, state, hostId, ...page } = parseInput(InstanceFilter, filter, 'instance filter');
    const scope = await listTenant(deps.store, ctx, INSTANCE_OPERATIONS.list, tenantId);
    const where = {
      ...(scope === undefined ? {} : { tenantId: scope }),
      ...(state === undefined ? {} : { state }),
      ...(hostId === undefined ? {} : { hostId }),
    };
    return pageQuery(where, page);
  };
  return {
    create: (ctx, input) => createInstance(deps, ctx, input),
    async get(ctx, id) {
      checkContext(ctx);
      return getVisible(deps.store, ctx, 'instances', String(id), 'Instance', INSTANCE_OPERATIONS.get);
    },
    async list(ctx, filter = {}) {
      return deps.store.list('instances', await listQuery(ctx, filter));
    },
    async listJson(ctx, filter = {}) {
      return pages.read('instances', await listQuery(ctx, filter));
    },
    async update(ctx, id, input) {
      checkContext(ctx);
      const parsed = parseInput(UpdateInstanceInput, input, 'instance update');
      const subject = resourceSubject(INSTANCE_OPERATIONS.update, 'instance', String(id));
      return audited(deps.store, ctx, subject, (done) =>
        transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
          const instance = await getVisible(
            tx,
            ctx,
            'instances',
            String(id),
            'Instance',
            INSTANCE_OPERATIONS.update,
          );
          assertVersion(instance, parsed.expectedVersion);
          const updated = await tx.update('instances', {
            ...instance,
            ...(parsed.name === undefined ? {} : { name: parsed.name }),
            ...(parsed.description === undefined ? {} : { description: parsed.description }),
          });
          instanceEvent(effects, 'instance.updated', updated, { name: updated.name });
          await done(tx, updated.id, parsed);
          return updated;
        }),
      );
    },
    start: power('start'),
    stop: async (ctx, id, input = {}) =>
      power('stop', parseInput(StopInstanceInput, input, 'stop input'))(ctx, id),
    reboot: power('reboot'),
    suspend: power('suspend'),
    resume: power('resume'),
    resize: (ctx, id, input) => resizeInstance(deps, ctx, id, input),
    attachDisk: (ctx, id, input) => attachDisk(deps, ctx, id, input),
    detachDisk: (ctx, id, volumeId) => detachDisk(deps, ctx, id, volumeId),
    migrate: (ctx, id, input) => migrateInstance(deps, ctx, id, input),
    clone: (ctx, id, input) => cloneInstance(deps, ctx, id, input),
    snapshot: (ctx, id, input) => snapshotInstance(deps, ctx, id, input),
    async listSnapshots(ctx, id, page) {
      checkContext(ctx);
      const instance = await getVisible(
        deps.store,
        ctx,
        'instances',
        String(id),
        'Instance',
        INSTANCE_OPERATIONS.listSnapshots,
      );
      return listPage(deps.store, 'snapshots', { instanceId: instance.id }, page);
    },
    revertSnapshot: (ctx, id, snapshotId) => revertSnapshot(deps, ctx, id, snapshotId),
    deleteSnapshot: (ctx, id, snapshotId) => deleteSnapshot(deps, ctx, id, snapshotId),
    delete: (ctx, id) => deleteInstance(deps, ctx, id),
  };
}
