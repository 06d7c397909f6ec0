import type { CallContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { type TxEffects, transactWithEvents } from '../../events/outbox.js';
import type { JobHandle } from '../../jobs/job-handle.js';
import type { StepContext } from '../../jobs/operation.js';
import type { Resources } from '../../model/host.js';
import type { Instance, InstanceOperation, InstanceState } from '../../model/instance.js';
import { assertTransition } from '../../model/instance-state-machine.js';
import type { Job } from '../../model/job.js';
import { randomBytes } from '../../model/random-pool.js';
import type { Volume } from '../../model/volume.js';
import type { DriverCallOptions, InstanceSpec } from '../../spi/compute-driver.js';
import type { StoreSession } from '../../store/store.js';
import { getVisible } from '../access/record-access.js';
import { audited, resourceSubject } from '../audit/audit-trail.js';
import type { ServiceDeps } from '../service-deps.js';
import { instanceRight } from './instance-rights.js';

/** Driver call options of a job step. @internal */
export function stepCall(ctx: StepContext): DriverCallOptions {
  return { signal: ctx.signal, progress: ctx.progress };
}

/** A locally administered MAC address in QEMU's range. @internal */
export function newMac(): string {
  const bytes = randomBytes(3);
  return `52:54:00:${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
}

/** What an instance holds on its host: vCPUs, memory and the size of its disks. @internal */
export function instanceResources(
  instance: Pick<Instance, 'vcpus' | 'memoryMiB'>,
  storageGiB: number,
): Resources {
  return { vcpus: instance.vcpus, memoryMiB: instance.memoryMiB, storageGiB };
}

/** The driver's view of an instance about to be made on `hostRef`. @internal */
export function instanceSpec(
  instance: Instance,
  hostRef: string,
  volumes: readonly Volume[],
  start: boolean,
): InstanceSpec {
  return {
    id: instance.id,
    name: instance.name,
    hostRef,
    vcpus: instance.vcpus,
    memoryMiB: instance.memoryMiB,
    disks: volumes.map((v) => ({
      id: v.id,
      sizeGiB: v.sizeGiB,
      role: v.role,
      deviceIndex: v.deviceIndex ?? 0,
      ...(v.imageId === null ? {} : { imageId: v.imageId }),
      ...(v.storagePool === null ? {} : { storagePool: v.storagePool }),
    })),
    nics: instance.nics.map((nic) => ({ mac: nic.mac, network: nic.network })),
    start,
  };
}

/** What disks take of their host's local storage, in GiB: disks in a shared pool take none. @internal */
export function hostStorageGiB(volumes: readonly Pick<Volume, 'sizeGiB' | 'storagePool'>[]): number {
  let sum = 0;
  for (const volume of volumes) if (volume.storagePool === null) sum += volume.sizeGiB;
  return sum;
}

/** The disks of an instance in device order. @internal */
export async function instanceVolumes(session: StoreSession, instanceId: string): Promise<Volume[]> {
  const page = await session.list('volumes', { where: { instanceId }, limit: 1000 });
  return [...page.items].sort((a, b) => (a.deviceIndex ?? 0) - (b.deviceIndex ?? 0));
}

/** Reads an instance inside a job, which holds its lock. @internal */
export async function jobInstance(session: StoreSession, id: string): Promise<Instance> {
  const instance = await session.get('instances', id);
  if (!instance) throw new EcloudError('NOT_FOUND', `Instance ${id} does not exist.`, { details: { id } });
  return instance;
}

/**
 * Locks an instance for one job: checks the state machine and that no other job holds it, then records
 * the job. Returns the state the operation will end in.
 * @internal
 */
export async function lockInstance(
  tx: StoreSession,
  instance: Instance,
  operation: InstanceOperation,
  jobId: string,
): Promise<Instance> {
  assertAvailable(instance, operation);
  return tx.update('instances', { ...instance, task: operation, jobId });
}

/** Throws CONFLICT if another job holds the instance, ILLEGAL_STATE if the operation may not start. @internal */
export function assertAvailable(instance: Instance, operation: InstanceOperation): void {
  if (instance.jobId !== null) {
    throw new EcloudError('CONFLICT', `Instance ${instance.id} is busy with job ${instance.jobId}.`, {
      details: { instanceId: instance.id, jobId: instance.jobId, task: instance.task },
    });
  }
  assertTransition(instance, operation);
}

/** Releases the job's lock and applies `patch`. @internal */
export async function unlockInstance(
  tx: StoreSession,
  id: string,
  patch: Partial<Omit<Instance, 'id' | 'version'>> = {},
): Promise<Instance> {
  const instance = await jobInstance(tx, id);
  return tx.update('instances', { ...instance, ...patch, task: null, jobId: null });
}

/** Emits the event of an instance's state change. @internal */
export function instanceEvent(
  effects: TxEffects,
  type: string,
  instance: Instance,
  data: Record<string, unknown> = {},
): void {
  effects.emit({
    type,
    resourceType: 'instance',
    resourceId: instance.id,
    tenantId: instance.tenantId,
    data,
  });
}

/** Result loader of jobs whose result is an instance. @internal */
export function instanceResult(deps: ServiceDeps): (job: Job, value: unknown) => Promise<Instance> {
  return async (job, value) =>
    (value as Instance | undefined) ??
    jobInstance(deps.store, String(job.result?.instanceId ?? job.resourceId));
}

/**
 * Prepares and starts a job on an existing instance, audited (R-SEC-3): in one transaction, reads it and checks the
 * operation's right (NOT_FOUND for an id the caller may not see, PERMISSION_DENIED for a right it lacks), lets `prepare` check and reserve, creates the job and locks the instance.
 * @internal
 */
export async function submitInstanceJob<R>(
  deps: ServiceDeps,
  ctx: CallContext,
  instanceId: string,
  operation: InstanceOperation,
  prepare: (tx: StoreSession, instance: Instance, effects: TxEffects) => Promise<Record<string, unknown>>,
  result: (job: Job, value: unknown) => Promise<R>,
): Promise<JobHandle<R>> {
  const subject = resourceSubject(`instance:${operation}`, 'instance', String(instanceId));
  const job = await audited(deps.store, ctx, subject, (done) =>
    transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
      const instance = await getVisible(
        tx,
        ctx,
        'instances',
        String(instanceId),
        'Instance',
        instanceRight(operation),
      );
      assertAvailable(instance, operation);
      const input = await prepare(tx, instance, effects);
      const created = await deps.runner.create(tx, {
        operation: `instance.${operation}`,
        tenantId: instance.tenantId,
        resourceType: 'instance',
        resourceId: instance.id,
        input: { instanceId: instance.id, ...input },
      });
      const fresh = await jobInstance(tx, instance.id);
      await lockInstance(tx, fresh, operation, created.id);
      await done(tx, instance.id, { jobId: created.id });
      return created;
    }),
  );
  deps.runner.start(job);
  return deps.handle(job, result);
}

/** The state an instance is in after `operation` succeeds from `from`. @internal */
export function stateAfter(from: InstanceState, operation: InstanceOperation): InstanceState {
  return assertTransition({ id: '', state: from }, operation);
}
