import type { DiskSource } from './disk-definition.js';
import type { GraphicsDefinition } from './graphics-definition.js';
import type { NicSource } from './nic-definition.js';

/** A disk or interface source this code does not model; `type` is libvirt's `type` attribute. @public */
export interface UnknownSource {
  readonly kind: 'unknown';
  readonly type: string;
}

/**
 * A disk as read from libvirt. Values ECloud never writes (a `vmdk` format, a `floppy` device, a `usb`
 * bus) are kept verbatim, so attributes are plain strings; `format` and `bus` are absent when libvirt
 * reports none.
 * @public
 */
export interface ParsedDisk {
  readonly source: DiskSource | UnknownSource;
  readonly format?: string;
  readonly target: string;
  readonly bus?: string;
  readonly cache?: string;
  readonly device: string;
  readonly readOnly: boolean;
  readonly serial?: string;
}

/** A network interface as read from libvirt. @public */
export interface ParsedNic {
  readonly mac: string;
  readonly source: NicSource | UnknownSource;
  readonly vlan?: number;
  readonly model?: string;
}

/**
 * The remote display as read from libvirt: `port` only when fixed (not the one libvirt picked for this
 * run under autoport), `passwd` only in secure XML.
 * @public
 */
export interface ParsedGraphics {
  readonly type: GraphicsDefinition['type'];
  readonly listen?: string;
  readonly port?: number;
  readonly passwd?: string;
}

/**
 * What `parseDomainXml` recovers from a domain's XML: the `DomainDefinition` fields, read
 * leniently since the domain may not be ECloud's (`metadata` is then absent) and libvirt fills in what
 * was left out (`os.machine`, a `cpu` mode of `custom`). Plus `id`, libvirt's id of a running domain
 * (null when inactive). The state is not in the XML.
 * @public
 */
export interface ParsedDomain {
  readonly id: number | null;
  readonly type: string;
  readonly name: string;
  readonly uuid: string;
  readonly title?: string;
  readonly description?: string;
  readonly metadata?: { readonly instanceId: string };
  readonly vcpus: number;
  readonly maxVcpus?: number;
  readonly memoryMiB: number;
  readonly maxMemoryMiB?: number;
  readonly cpu?: { readonly mode: string };
  /** `boot` is empty when the domain boots by per-device order, which ECloud does not model. */
  readonly os: { readonly arch?: string; readonly machine?: string; readonly boot: readonly string[] };
  readonly disks: readonly ParsedDisk[];
  readonly nics: readonly ParsedNic[];
  readonly graphics?: ParsedGraphics;
  readonly serialConsole: boolean;
  readonly cloudInitSeed?: { readonly path: string };
}
