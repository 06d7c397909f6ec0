import { z } from 'zod';
import { RecordMeta, ResourceName, StoragePoolName, Tags } from './common.js';

/** Limits of one instance's size. @public */
export const INSTANCE_LIMITS = { maxVcpus: 256, maxMemoryMiB: 4 * 1024 * 1024, maxDiskGiB: 2048 } as const;

/**
 * A flavor: the size of an instance (R-COMP-4). `tags` must all be present on the chosen host; with a
 * `storagePool` its instances' disks live in that shared pool, so only hosts that reach it qualify —
 * for the create and for every later migration, clone or HA restart — and without one on the host's
 * local storage.
 * @public
 */
export const Offering = RecordMeta.extend({
  name: ResourceName,
  vcpus: z.number().int().positive(),
  memoryMiB: z.number().int().positive(),
  rootDiskGiB: z.number().int().positive(),
  tags: Tags,
  storagePool: StoragePoolName.nullable(),
  state: z.enum(['active', 'disabled']),
});
/** A flavor: the size of an instance (R-COMP-4) (the type of the {@link Offering} schema). @public */
export type Offering = z.infer<typeof Offering>;

/** Input of `cloud.offerings.create`. @public */
export const CreateOfferingInput = z.strictObject({
  name: ResourceName,
  vcpus: z.number().int().positive().max(INSTANCE_LIMITS.maxVcpus),
  memoryMiB: z.number().int().min(64).max(INSTANCE_LIMITS.maxMemoryMiB),
  rootDiskGiB: z.number().int().positive().max(INSTANCE_LIMITS.maxDiskGiB),
  tags: Tags.default([]),
  /** The shared pool the disks of its instances are made in; left out, the host's local storage. */
  storagePool: StoragePoolName.optional(),
});
/** Input of `cloud.offerings.create` (the type of the {@link CreateOfferingInput} schema, as callers write it). @public */
export type CreateOfferingInput = z.input<typeof CreateOfferingInput>;
