import { z } from 'zod';
import { parseInput } from '../../model/validate.js';
import type { DiskSpec, InstanceSpec } from '../../spi/compute-driver.js';

const PositiveInt = z.number().int().positive();

const DiskSpecSchema = z.object({
  id: z.string().min(1),
  sizeGiB: PositiveInt,
  role: z.enum(['system', 'data']),
  deviceIndex: z.number().int().nonnegative(),
  imageId: z.string().min(1).optional(),
  storagePool: z.string().min(1).optional(),
});

const SizeSchema = z.object({ vcpus: PositiveInt, memoryMiB: PositiveInt });

const InstanceSpecSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    hostRef: z.string().min(1),
    vcpus: PositiveInt,
    memoryMiB: PositiveInt,
    disks: z.array(DiskSpecSchema),
    nics: z.array(z.object({ mac: z.string().min(1), network: z.string().min(1) })),
    start: z.boolean(),
  })
  .superRefine((spec, ctx) => {
    // A hypervisor cannot put two disks in one device slot, nor tell two disks apart by one volume id.
    const ids = new Set<string>();
    const slots = new Set<number>();
    spec.disks.forEach((disk, index) => {
      if (ids.has(disk.id))
        ctx.addIssue({ code: 'custom', path: ['disks', index, 'id'], message: 'is used twice' });
      if (slots.has(disk.deviceIndex)) {
        ctx.addIssue({ code: 'custom', path: ['disks', index, 'deviceIndex'], message: 'is used twice' });
      }
      ids.add(disk.id);
      slots.add(disk.deviceIndex);
    });
  });

/**
 * Throws `INVALID_ARGUMENT` for an instance spec no hypervisor could build. The core validates its
 * own input; this catches a core that hands a driver something malformed.
 */
export function checkInstanceSpec(spec: InstanceSpec): void {
  parseInput(InstanceSpecSchema, spec, 'instance spec');
}

/** Throws `INVALID_ARGUMENT` for a malformed disk spec. */
export function checkDiskSpec(disk: DiskSpec): void {
  parseInput(DiskSpecSchema, disk, 'disk spec');
}

/** Throws `INVALID_ARGUMENT` for a malformed instance size. */
export function checkSize(size: { readonly vcpus: number; readonly memoryMiB: number }): void {
  parseInput(SizeSchema, size, 'instance size');
}
