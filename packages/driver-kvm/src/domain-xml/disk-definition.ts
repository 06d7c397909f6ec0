import { z } from 'zod';
import { SEED_DISK_TARGET } from './conventions.js';
import { absolutePath, objectName, xmlString } from './xml-strings.js';

/**
 * Where a disk's data lives, one variant per libvirt `<disk type>`: a `file` on the host, a `volume` of
 * a libvirt storage pool, or a `block` device.
 * @public
 */
export const DiskSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), path: absolutePath }),
  z.strictObject({
    kind: z.literal('volume'),
    pool: objectName,
    volume: xmlString(255).regex(/^[^/]+$/, 'must not contain "/"'),
  }),
  z.strictObject({ kind: z.literal('block'), dev: absolutePath }),
]);

/** A {@link DiskSource} after validation. @public */
export type DiskSource = z.output<typeof DiskSource>;

/** A disk bus, libvirt's `<target bus>`. @public */
export const DiskBus = z.enum(['virtio', 'scsi', 'sata', 'ide']);

/** A {@link DiskBus} value. @public */
export type DiskBus = z.output<typeof DiskBus>;

// libvirt derives the controller and unit from the target name, whose prefix names the bus family; a
// mismatch (`vda` on SATA) is accepted by libvirt but confuses everyone reading the XML.
const BUSES_BY_PREFIX: Readonly<Record<string, readonly DiskBus[]>> = {
  vd: ['virtio'],
  sd: ['scsi', 'sata'],
  hd: ['ide'],
};

/** The buses a target name allows, libvirt's default (the one it picks without `bus`) first. */
function busesFor(target: string): readonly DiskBus[] {
  return BUSES_BY_PREFIX[target.slice(0, 2)] ?? [];
}

const diskFields = z.strictObject({
  source: DiskSource,
  // Required: reading a qcow2 image as raw shows the guest the qcow2 header, and probing a raw image's
  // format lets a guest that writes a qcow2 header into it point the host at any backing file.
  format: z.enum(['qcow2', 'raw']),
  target: z
    .string()
    .regex(/^(vd|sd|hd)[a-z]{1,3}$/, 'must be a device name like vda, sdb or hdc')
    .refine(
      (target) => target !== SEED_DISK_TARGET,
      `${SEED_DISK_TARGET} is reserved for the cloud-init seed`,
    ),
  bus: DiskBus.optional(),
  cache: z.enum(['none', 'writeback', 'writethrough', 'directsync', 'unsafe']).optional(),
  device: z.enum(['disk', 'cdrom']).default('disk'),
  readOnly: z.boolean().default(false),
  // Where ECloud puts the volume id; characters every libvirt version passes to QEMU unchanged.
  serial: z
    .string()
    .regex(/^[A-Za-z0-9_.+-]{1,64}$/, 'must be 1-64 characters of [A-Za-z0-9_.+-]')
    .optional(),
});

type DiskFields = z.output<typeof diskFields>;

function checkBus(disk: DiskFields, ctx: z.RefinementCtx): void {
  const allowed = busesFor(disk.target);
  // Refinements run even when a field failed; a bad target is reported already.
  if (allowed.length === 0) return;
  const bus = disk.bus ?? allowed[0];
  if (disk.bus !== undefined && !allowed.includes(disk.bus)) {
    ctx.addIssue({
      code: 'custom',
      path: ['bus'],
      message: `${disk.bus} does not match target ${disk.target} (allowed: ${allowed.join(', ')})`,
    });
  } else if (disk.device === 'cdrom' && bus === 'virtio') {
    ctx.addIssue({ code: 'custom', path: ['bus'], message: 'a cdrom cannot be on the virtio bus' });
  }
}

// The canonical form is what libvirt reports back: the bus its target implies, and cdroms read-only.
function canonical(disk: DiskFields) {
  return {
    ...disk,
    // Transforms run on valid input only, so the target has a known prefix.
    bus: disk.bus ?? busesFor(disk.target)[0] ?? 'virtio',
    readOnly: disk.readOnly || disk.device === 'cdrom',
  };
}

/**
 * One disk of a domain: its {@link DiskSource}, image `format`, guest `target` device name and `bus`
 * (default: the one libvirt derives from the target prefix — `vd` virtio, `sd` scsi, `hd` ide),
 * optional host `cache` mode, `device` (`disk` or `cdrom`, always read-only), `readOnly` and `serial`
 * (the id the guest sees; virtio-blk shows the guest its first 20 characters only).
 * @public
 */
export const DiskDefinition = diskFields.superRefine(checkBus).transform(canonical);

/** A {@link DiskDefinition} after validation: `bus` always set. @public */
export type DiskDefinition = z.output<typeof DiskDefinition>;
