import { z } from 'zod';
import { VsphereSessionOptions } from '../vim/vsphere-session.js';

/** Options of {@link vmwareDriver}. @public */
export const VmwareDriverOptions = z.strictObject({
  /** The driver's name in the cloud (`vcenter-east`). */
  name: z.string().min(1).max(63),
  /** The vCenter and the account the driver works as (a role with VM and host privileges). */
  vcenter: VsphereSessionOptions,
  /** The datacenter the driver serves, by name; the first one when left out. */
  datacenter: z.string().min(1).optional(),
  /** The datastore VM files and disks go to, by name; each host's first datastore when left out. */
  datastore: z.string().min(1).optional(),
  /**
   * Where image templates are, as an inventory path below the datacenter's VM folder (`templates`,
   * `golden/linux`); the VM folder itself when left out. An image's template is named by the image id.
   */
  templateFolder: z
    .string()
    .min(1)
    .regex(/^[^/].*[^/]$|^[^/]$/, 'a relative inventory path, without a leading or trailing slash')
    .optional(),
  /**
   * vSphere networks (standard or distributed port groups, by name) for the core's network names
   * (`{ default: 'VM Network' }`); a core network not named here is looked up under its own name.
   */
  networks: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** The guest OS identifier new VMs declare (`otherGuest64`, `ubuntu64Guest`, ...). */
  guestId: z.string().min(1).default('otherGuest64'),
  /** Deadline of one vSphere call, in milliseconds (tasks are bounded by the core's signal). */
  timeoutMs: z.number().int().positive().default(60_000),
});
/** Options of {@link vmwareDriver} (as callers write them). @public */
export type VmwareDriverOptions = z.input<typeof VmwareDriverOptions>;
