import { z } from 'zod';
import { HypervisorKind, RecordMeta, ResourceName } from './common.js';

/** Disk image formats. @public */
export const ImageFormat = z.enum(['qcow2', 'raw', 'vmdk', 'vhd', 'iso']);
/** Disk image formats (the type of the {@link ImageFormat} schema). @public */
export type ImageFormat = z.infer<typeof ImageFormat>;

/** An image / template an instance's system disk is made from (R-COMP-4). @public */
export const Image = RecordMeta.extend({
  name: ResourceName,
  os: z.string().min(1).max(63),
  format: ImageFormat,
  sizeGiB: z.number().int().positive(),
  minDiskGiB: z.number().int().positive(),
  hypervisors: z.array(HypervisorKind).min(1),
  state: z.enum(['active', 'deprecated']),
});
/** An image / template an instance's system disk is made from (R-COMP-4) (the type of the {@link Image} schema). @public */
export type Image = z.infer<typeof Image>;

/** Input of `cloud.images.create`. @public */
export const CreateImageInput = z
  .strictObject({
    name: ResourceName,
    os: z.string().min(1).max(63),
    format: ImageFormat.default('qcow2'),
    sizeGiB: z.number().int().positive().max(2048),
    minDiskGiB: z.number().int().positive().max(2048).optional(),
    hypervisors: z.array(HypervisorKind).min(1),
  })
  .refine((v) => v.minDiskGiB === undefined || v.minDiskGiB >= v.sizeGiB, {
    message: 'must be at least sizeGiB',
    path: ['minDiskGiB'],
  });
/** Input of `cloud.images.create` (the type of the {@link CreateImageInput} schema, as callers write it). @public */
export type CreateImageInput = z.input<typeof CreateImageInput>;
