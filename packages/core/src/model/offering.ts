import { z } from 'zod';
import { RecordMeta, ResourceName, Tags } from './common.js';

/** Limits of one instance's size. @public */
export const INSTANCE_LIMITS = { maxVcpus: 256, maxMemoryMiB: 4 * 1024 * 1024, maxDiskGiB: 2048 } as const;

/** A flavor: the size of an instance (R-COMP-4). `tags` must all be present on the chosen host. @public */
export const Offering = RecordMeta.extend({
  name: ResourceName,
  vcpus: z.number().int().positive(),
  memoryMiB: z.number().int().positive(),
  rootDiskGiB: z.number().int().positive(),
  tags: Tags,
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
});
/** Input of `cloud.offerings.create` (the type of the {@link CreateOfferingInput} schema, as callers write it). @public */
export type CreateOfferingInput = z.input<typeof CreateOfferingInput>;
