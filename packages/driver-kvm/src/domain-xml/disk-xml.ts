import { SEED_DISK_BUS, SEED_DISK_SATA_UNIT, SEED_DISK_TARGET } from './conventions.js';
import type { DiskDefinition, DiskSource } from './disk-definition.js';
import type { ElementSpec } from './element-spec.js';
import { optionalProperty } from './optional-property.js';
import type { ParsedDisk, UnknownSource } from './parsed-domain.js';
import { attribute, childNode, textOf, type XmlNode } from './xml-node.js';

function sourceAttributes(source: DiskSource): Record<string, string> {
  switch (source.kind) {
    case 'file':
      return { file: source.path };
    case 'volume':
      return { pool: source.pool, volume: source.volume };
    case 'block':
      return { dev: source.dev };
  }
}

/** The `<disk>` element of `disk`. @internal */
export function diskElement(disk: DiskDefinition): ElementSpec {
  return {
    $: { type: disk.source.kind, device: disk.device },
    driver: { $: { name: 'qemu', type: disk.format, ...optionalProperty('cache', disk.cache) } },
    source: { $: sourceAttributes(disk.source) },
    target: { $: { dev: disk.target, bus: disk.bus } },
    ...(disk.readOnly ? { readonly: {} } : {}),
    ...optionalProperty('serial', disk.serial),
  };
}

/** The `<disk>` element of the cloud-init seed image at `path`: a read-only raw cdrom. @internal */
export function seedDiskElement(path: string): ElementSpec {
  const disk = diskElement({
    source: { kind: 'file', path },
    format: 'raw',
    target: SEED_DISK_TARGET,
    bus: SEED_DISK_BUS,
    device: 'cdrom',
    readOnly: true,
  });
  const unit = String(SEED_DISK_SATA_UNIT);
  return { ...disk, address: { $: { type: 'drive', controller: '0', bus: '0', target: '0', unit } } };
}

/**
 * A virtio-scsi `<controller>` when a disk is on the SCSI bus: left to itself libvirt adds an LSI
 * controller, slow and missing from many QEMU builds.
 * @internal
 */
export function scsiControllerElements(disks: readonly DiskDefinition[]): ElementSpec {
  if (!disks.some((disk) => disk.bus === 'scsi')) return {};
  return { controller: { $: { type: 'scsi', index: '0', model: 'virtio-scsi' } } };
}

function readSource(disk: XmlNode): DiskSource | UnknownSource {
  const type = attribute(disk, 'type') ?? '';
  const source = childNode(disk, 'source');
  const [file, pool, volume, dev] = ['file', 'pool', 'volume', 'dev'].map((name) => attribute(source, name));
  if (type === 'file' && file !== undefined) return { kind: 'file', path: file };
  if (type === 'volume' && pool !== undefined && volume !== undefined) {
    return { kind: 'volume', pool, volume };
  }
  if (type === 'block' && dev !== undefined) return { kind: 'block', dev };
  return { kind: 'unknown', type };
}

/**
 * Reads one `<disk>` element; a source it cannot classify (network, nvme, an empty cdrom) is `unknown`.
 * @internal
 */
export function readDisk(disk: XmlNode): ParsedDisk {
  const driver = childNode(disk, 'driver');
  const target = childNode(disk, 'target');
  return {
    source: readSource(disk),
    ...optionalProperty('format', attribute(driver, 'type')),
    target: attribute(target, 'dev') ?? '',
    ...optionalProperty('bus', attribute(target, 'bus')),
    ...optionalProperty('cache', attribute(driver, 'cache')),
    device: attribute(disk, 'device') ?? 'disk',
    readOnly: childNode(disk, 'readonly') !== undefined,
    ...optionalProperty('serial', textOf(childNode(disk, 'serial'))),
  };
}

/** The seed image path when `disk` is the cloud-init seed as {@link seedDiskElement} writes it. @internal */
export function seedPath(disk: ParsedDisk): string | undefined {
  const isSeed = disk.target === SEED_DISK_TARGET && disk.device === 'cdrom';
  return isSeed && disk.source.kind === 'file' ? disk.source.path : undefined;
}
