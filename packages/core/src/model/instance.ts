import { z } from 'zod';
import { HypervisorKind, RecordMeta, ResourceName } from './common.js';
import { INSTANCE_LIMITS } from './offering.js';
import { listFilter } from './page.js';
import { DataDiskInput } from './volume.js';

/** Stable states of an instance; what the instance is doing right now is in `task`. @public */
export const InstanceState = z.enum(['creating', 'stopped', 'running', 'suspended', 'error', 'deleted']);
/** Stable states of an instance; what the instance is doing right now is in `task` (the type of the {@link InstanceState} schema). @public */
export type InstanceState = z.infer<typeof InstanceState>;

/** Operations on an instance that the state machine governs. @public */
export const InstanceOperation = z.enum([
  'create',
  'start',
  'stop',
  'reboot',
  'suspend',
  'resume',
  'resize',
  'attachDisk',
  'detachDisk',
  'migrate',
  'clone',
  'snapshot',
  'revertSnapshot',
  'deleteSnapshot',
  'delete',
  'failover',
]);
/** Operations on an instance that the state machine governs (the type of the {@link InstanceOperation} schema). @public */
export type InstanceOperation = z.infer<typeof InstanceOperation>;

/** A virtual NIC. @public */
export const Nic = z.object({
  mac: z.string(),
  network: z.string(),
});
/** A virtual NIC (the type of the {@link Nic} schema). @public */
export type Nic = z.infer<typeof Nic>;

/**
 * A virtual machine. `jobId` and `task` are set while a job holds the instance: one operation at a
 * time, so a second one is refused with `CONFLICT` instead of racing the first.
 * @public
 */
export const Instance = RecordMeta.extend({
  name: ResourceName,
  description: z.string().max(1024),
  tenantId: z.string(),
  offeringId: z.string(),
  imageId: z.string(),
  vcpus: z.number().int().positive(),
  memoryMiB: z.number().int().positive(),
  hypervisor: HypervisorKind,
  datacenterId: z.string(),
  clusterId: z.string().nullable(),
  hostId: z.string().nullable(),
  driver: z.string().nullable(),
  driverRef: z.string().nullable(),
  state: InstanceState,
  task: InstanceOperation.nullable(),
  jobId: z.string().nullable(),
  nics: z.array(Nic),
  /** The affinity or anti-affinity group the instance belongs to, if any. */
  placementGroupId: z.string().nullable(),
  /**
   * Host HA (R-HA-1): when its host fails, the instance is restarted elsewhere, higher priorities first;
   * null leaves it where it was.
   */
  haPriority: z.number().int().min(0).max(100).nullable(),
});
/** A virtual machine (the type of the {@link Instance} schema). @public */
export type Instance = z.infer<typeof Instance>;

/** Filter of `instances.list`. @public */
export const InstanceFilter = listFilter({
  /** Confine the list to one tenant; needed by a caller bound on several tenants but not the platform. */
  tenantId: z.string().min(1).optional(),
  state: InstanceState.optional(),
  hostId: z.string().min(1).optional(),
});
/** Filter of `instances.list` (the type of the {@link InstanceFilter} schema, as callers write it). @public */
export type InstanceFilter = z.input<typeof InstanceFilter>;

/** A NIC requested with an instance. @public */
export const NicInput = z.strictObject({ network: z.string().min(1).max(63) });

/** Input of `cloud.instances.create`. @public */
export const CreateInstanceInput = z.strictObject({
  name: ResourceName,
  description: z.string().max(1024).default(''),
  tenantId: z.string().min(1).optional(),
  offeringId: z.string().min(1),
  imageId: z.string().min(1),
  datacenterId: z.string().min(1).optional(),
  clusterId: z.string().min(1).optional(),
  /** The availability zone to place in (its clusters' `zone`); any zone when left out. */
  zone: z.string().min(1).max(63).optional(),
  rootDiskGiB: z.number().int().positive().max(INSTANCE_LIMITS.maxDiskGiB).optional(),
  dataDisks: z.array(DataDiskInput).max(16).default([]),
  nics: z
    .array(NicInput)
    .max(8)
    .default([{ network: 'default' }]),
  start: z.boolean().default(true),
  /** Restart priority after a host failure, 0–100 (higher first); null opts out of host HA. */
  haPriority: z.number().int().min(0).max(100).nullable().default(50),
  /** An affinity or anti-affinity group of the same tenant to place the instance by, and join. */
  placementGroupId: z.string().min(1).optional(),
  idempotencyKey: z.string().min(1).max(128).optional(),
});
/** Input of `cloud.instances.create` (the type of the {@link CreateInstanceInput} schema, as callers write it). @public */
export type CreateInstanceInput = z.input<typeof CreateInstanceInput>;

/** Input of `cloud.instances.resize`: a new offering, or explicit vCPUs and memory. @public */
export const ResizeInstanceInput = z
  .strictObject({
    offeringId: z.string().min(1).optional(),
    vcpus: z.number().int().positive().max(INSTANCE_LIMITS.maxVcpus).optional(),
    memoryMiB: z.number().int().min(64).max(INSTANCE_LIMITS.maxMemoryMiB).optional(),
  })
  .refine((v) => v.offeringId !== undefined || v.vcpus !== undefined || v.memoryMiB !== undefined, {
    message: 'needs offeringId, vcpus or memoryMiB',
  })
  .refine((v) => v.offeringId === undefined || (v.vcpus === undefined && v.memoryMiB === undefined), {
    message: 'give either offeringId or vcpus/memoryMiB, not both',
  });
/** Input of `cloud.instances.resize`: a new offering, or explicit vCPUs and memory (the type of the {@link ResizeInstanceInput} schema, as callers write it). @public */
export type ResizeInstanceInput = z.input<typeof ResizeInstanceInput>;

/** Input of `cloud.instances.migrate`. Without `hostId` the scheduler picks a target. @public */
export const MigrateInstanceInput = z.strictObject({
  hostId: z.string().min(1).optional(),
  live: z.boolean().optional(),
});
/** Input of `cloud.instances.migrate` (the type of the {@link MigrateInstanceInput} schema, as callers write it). @public */
export type MigrateInstanceInput = z.input<typeof MigrateInstanceInput>;

/** Input of `cloud.instances.clone`. @public */
export const CloneInstanceInput = z.strictObject({
  name: ResourceName,
  start: z.boolean().default(false),
});
/** Input of `cloud.instances.clone` (the type of the {@link CloneInstanceInput} schema, as callers write it). @public */
export type CloneInstanceInput = z.input<typeof CloneInstanceInput>;

/** Input of `cloud.instances.stop`. `force` cuts power instead of asking the guest. @public */
export const StopInstanceInput = z.strictObject({ force: z.boolean().default(false) });
/** Input of `cloud.instances.stop` (the type of the {@link StopInstanceInput} schema, as callers write it). @public */
export type StopInstanceInput = z.input<typeof StopInstanceInput>;

/**
 * Input of `cloud.instances.update`: metadata changes that need no job. With `expectedVersion` the update
 * lands only on that version of the instance (checked in the update's own transaction), else `CONFLICT`
 * with `details.reason` `precondition-failed` — an HTTP `If-Match`.
 * @public
 */
export const UpdateInstanceInput = z
  .strictObject({
    name: ResourceName.optional(),
    description: z.string().max(1024).optional(),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .refine((v) => v.name !== undefined || v.description !== undefined, { message: 'nothing to update' });
/** Input of `cloud.instances.update`: metadata changes that need no job (the type of the {@link UpdateInstanceInput} schema, as callers write it). @public */
export type UpdateInstanceInput = z.input<typeof UpdateInstanceInput>;

/** Input of `cloud.instances.snapshot`. @public */
export const SnapshotInstanceInput = z.strictObject({ name: ResourceName });
/** Input of `cloud.instances.snapshot` (the type of the {@link SnapshotInstanceInput} schema, as callers write it). @public */
export type SnapshotInstanceInput = z.input<typeof SnapshotInstanceInput>;
