import { parseInput } from '@ecloud/core';
import { Builder } from 'xml2js';
import type { z } from 'zod';
import { serialConsoleElements } from './console-xml.js';
import { cpuElements, vcpuElement } from './cpu-xml.js';
import { DiskDefinition } from './disk-definition.js';
import { diskElement, scsiControllerElements, seedDiskElement } from './disk-xml.js';
import { DomainDefinition, type DomainDefinitionInput } from './domain-definition.js';
import type { ElementSpec } from './element-spec.js';
import { graphicsElement } from './graphics-xml.js';
import { interfaceElement } from './interface-xml.js';
import { memoryElements } from './memory-xml.js';
import { metadataElement } from './metadata-xml.js';
import { optionalProperty } from './optional-property.js';
import { osElements } from './os-xml.js';

// Indented for the humans who read it in `virsh dumpxml` diffs and logs; libvirt ignores the whitespace.
const builder = new Builder({ headless: true, renderOpts: { pretty: true, indent: '  ', newline: '\n' } });

function devicesElement(def: DomainDefinition): ElementSpec {
  const seed = def.cloudInitSeed === undefined ? [] : [seedDiskElement(def.cloudInitSeed.path)];
  return {
    disk: [...def.disks.map(diskElement), ...seed],
    ...scsiControllerElements(def.disks),
    interface: def.nics.map(interfaceElement),
    ...(def.serialConsole ? serialConsoleElements() : {}),
    ...optionalProperty('graphics', def.graphics && graphicsElement(def.graphics)),
  };
}

function domainElement(def: DomainDefinition): ElementSpec {
  return {
    $: { type: def.type },
    name: def.name,
    uuid: def.uuid,
    ...optionalProperty('title', def.title),
    ...optionalProperty('description', def.description),
    metadata: metadataElement(def.metadata),
    ...memoryElements(def),
    vcpu: vcpuElement(def),
    ...osElements(def.os),
    ...cpuElements(def.cpu),
    devices: devicesElement(def),
  };
}

/**
 * The libvirt domain XML of `input`, ready for `virDomainDefineXML`. The input is validated first: a
 * bad one throws `INVALID_ARGUMENT` naming the first bad field, with every issue in `details.issues`.
 * Text and attributes are escaped by the XML builder.
 * @public
 */
export function buildDomainXml(input: DomainDefinitionInput): string {
  const def = parseInput(DomainDefinition, input, 'domain definition');
  return builder.buildObject({ domain: domainElement(def) });
}

/**
 * The `<disk>` XML of one disk, for `virDomainAttachDeviceFlags` and `virDomainDetachDeviceFlags`:
 * validated and escaped exactly as the disks of a whole domain are.
 * @public
 */
export function buildDiskXml(input: z.input<typeof DiskDefinition>): string {
  return builder.buildObject({ disk: diskElement(parseInput(DiskDefinition, input, 'disk definition')) });
}
