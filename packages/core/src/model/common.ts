import { z } from 'zod';

/** Hypervisor families a driver can serve. `simulator` is the in-memory test hypervisor. @public */
export const HypervisorKind = z.enum(['kvm', 'vmware', 'xen', 'simulator']);
/** Hypervisor families a driver can serve (the type of the {@link HypervisorKind} schema). @public */
export type HypervisorKind = z.infer<typeof HypervisorKind>;

/** A human-facing resource name: 1–63 characters, letters, digits, `.`, `_` and `-`. @public */
export const ResourceName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'must start with a letter or digit and use [A-Za-z0-9._-]',
  });

/** Free-form tags used by placement (host tags vs offering tags). @public */
export const Tags = z.array(z.string().min(1).max(63)).max(64);

/**
 * The name of a shared storage pool — a SAN LUN group, an NFS export, a vSphere datastore, a libvirt
 * pool — as drivers report the pools each host reaches and offerings name where their disks live.
 * @public
 */
export const StoragePoolName = z.string().min(1).max(255);

/**
 * Fields every stored record carries. `version` increases by one on every write and makes updates
 * optimistic: a write that carries a stale version fails with `CONFLICT`.
 * @public
 */
export const RecordMeta = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** Fields every stored record carries (the type of the {@link RecordMeta} schema). @public */
export type RecordMeta = z.infer<typeof RecordMeta>;

/** Datacenter classification levels, lowest first (R-DC-3). @public */
export const ClassificationLevel = z.enum(['public', 'internal', 'confidential', 'secret']);
/** Datacenter classification levels, lowest first (R-DC-3) (the type of the {@link ClassificationLevel} schema). @public */
export type ClassificationLevel = z.infer<typeof ClassificationLevel>;
