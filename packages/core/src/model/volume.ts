import { z } from 'zod';
import { HypervisorKind, RecordMeta, ResourceName, StoragePoolName } from './common.js';
import { INSTANCE_LIMITS } from './offering.js';
import { listFilter } from './page.js';

/** Life of a disk. `wiping` is the secure erase before its space is released (R-SEC-6). @public */
export const VolumeState = z.enum(['creating', 'available', 'attached', 'wiping', 'deleted', 'error']);
/** Life of a disk (the type of the {@link VolumeState} schema). @public */
export type VolumeState = z.infer<typeof VolumeState>;

/**
 * A disk. An instance has exactly one `system` disk and any number of `data` disks (R-COMP-4). A disk
 * is bound to the hypervisor kind it was made for (R-SCHED-3).
 * @public
 */
export const Volume = RecordMeta.extend({
  name: ResourceName,
  tenantId: z.string(),
  role: z.enum(['system', 'data']),
  sizeGiB: z.number().int().positive(),
  hypervisor: HypervisorKind,
  hostId: z.string().nullable(),
  /** The shared pool the disk lives in, or null for the local storage of host `hostId`. */
  storagePool: StoragePoolName.nullable(),
  instanceId: z.string().nullable(),
  /** Order of the disk on its instance: 0 is the system disk. */
  deviceIndex: z.number().int().nonnegative().nullable(),
  imageId: z.string().nullable(),
  driverRef: z.string().nullable(),
  state: VolumeState,
  wipedAt: z.string().nullable(),
});
/** A disk (the type of the {@link Volume} schema). @public */
export type Volume = z.infer<typeof Volume>;

/** Filter of `volumes.list`. @public */
export const VolumeFilter = listFilter({
  /** Confine the list to one tenant; needed by a caller bound on several tenants but not the platform. */
  tenantId: z.string().min(1).optional(),
  instanceId: z.string().min(1).optional(),
});
/** Filter of `volumes.list` (the type of the {@link VolumeFilter} schema, as callers write it). @public */
export type VolumeFilter = z.input<typeof VolumeFilter>;

/** A data disk requested with an instance or attached later. @public */
export const DataDiskInput = z.strictObject({
  sizeGiB: z.number().int().min(1).max(INSTANCE_LIMITS.maxDiskGiB),
  name: ResourceName.optional(),
});
/** A data disk requested with an instance or attached later (the type of the {@link DataDiskInput} schema, as callers write it). @public */
export type DataDiskInput = z.input<typeof DataDiskInput>;
