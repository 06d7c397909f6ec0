/**
 * The XML namespace of ECloud's element under a domain's `<metadata>`. libvirt keeps one element per
 * namespace there, so the namespace (not the prefix) is what identifies our domains.
 * @public
 */
export const ECLOUD_XMLNS = 'https://ecloud.dev/xmlns/libvirt/1';

/**
 * The prefix ECloud writes for {@link ECLOUD_XMLNS}; readers match the namespace, whatever the prefix.
 * @public
 */
export const ECLOUD_XMLNS_PREFIX = 'ecloud';

/**
 * The target of the cloud-init seed disk, reserved so that no other disk may use it. The guest finds
 * the NoCloud seed by its `cidata` volume label, not by its device name, so any free name would do; a
 * fixed one at the far end of the `sd` range keeps clear of user disks and lets a reader recognise the
 * seed in a domain read back from libvirt.
 * @public
 */
export const SEED_DISK_TARGET = 'sdz';

/**
 * The bus of the cloud-init seed cdrom. virtio cannot carry removable media, q35 machines have no IDE
 * and SCSI would need a controller, whereas libvirt adds a SATA (AHCI) controller by itself.
 * @public
 */
export const SEED_DISK_BUS = 'sata';

/**
 * The SATA port of the seed: the last (5) of the first AHCI controller, given explicitly. Left to
 * itself libvirt derives the drive address from the target name, six ports per controller, and would
 * put `sdz` (index 25) on a fifth controller — adding four empty AHCI controllers to get there.
 * @internal
 */
export const SEED_DISK_SATA_UNIT = 5;

/**
 * The target whose derived SATA address is the seed's port: a SATA disk so named would collide with the
 * seed, so a definition with a seed refuses it.
 * @internal
 */
export const SEED_CONFLICTING_SATA_TARGET = 'sdf';
