import { hasSerialConsole } from './console-xml.js';
import { readCpu, readVcpus } from './cpu-xml.js';
import { readDisk, seedPath } from './disk-xml.js';
import { unreadableDomainXml } from './domain-xml-error.js';
import { readGraphics } from './graphics-xml.js';
import { readInterface } from './interface-xml.js';
import { readMemory } from './memory-xml.js';
import { readMetadata } from './metadata-xml.js';
import { optionalProperty } from './optional-property.js';
import { readOs } from './os-xml.js';
import type { ParsedDomain } from './parsed-domain.js';
import { readXmlRoot } from './read-xml-root.js';
import { attribute, childNode, childNodes, readInteger, textOf, type XmlNode } from './xml-node.js';

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw unreadableDomainXml(`the domain has no ${what}`);
  return value;
}

// libvirt writes id -1, or none, for a domain that is not running.
function readId(domain: XmlNode): number | null {
  const id = attribute(domain, 'id');
  return id === undefined || id === '-1' ? null : (readInteger(id, '<domain id>') ?? null);
}

function readIdentity(domain: XmlNode) {
  return {
    id: readId(domain),
    type: required(attribute(domain, 'type'), 'type'),
    name: required(textOf(childNode(domain, 'name')), '<name>'),
    uuid: required(textOf(childNode(domain, 'uuid')), '<uuid>').toLowerCase(),
    ...optionalProperty('title', textOf(childNode(domain, 'title'))),
    ...optionalProperty('description', textOf(childNode(domain, 'description'))),
    ...optionalProperty('metadata', readMetadata(domain)),
  };
}

function readDevices(devices: XmlNode | undefined) {
  const disks = childNodes(devices, 'disk').map(readDisk);
  const seedPaths = disks.map(seedPath);
  const seedIndex = seedPaths.findIndex((path) => path !== undefined);
  const path = seedPaths[seedIndex];
  return {
    disks: disks.filter((_, i) => i !== seedIndex),
    nics: childNodes(devices, 'interface').map(readInterface),
    ...optionalProperty('graphics', readGraphics(devices)),
    serialConsole: hasSerialConsole(devices),
    ...optionalProperty('cloudInitSeed', path === undefined ? undefined : { path }),
  };
}

/**
 * Reads a domain's XML as `virDomainGetXMLDesc` returns it. What ECloud does not model — the many
 * elements libvirt adds (`<seclabel>`, `<alias>`, `<address>`, controllers, ...) — is ignored; a disk
 * or interface source it cannot classify is kept as `{ kind: 'unknown' }`. XML that is not well-formed,
 * whose root is not `<domain>`, or that lacks a name, uuid, memory or vcpu count, is `DRIVER_FAILURE`
 * (not retryable).
 * @public
 */
export async function parseDomainXml(xml: string): Promise<ParsedDomain> {
  const root = await readXmlRoot(xml);
  if (root.name !== 'domain') {
    throw unreadableDomainXml(`the root element is <${root.name}>, not <domain>`, { root: root.name });
  }
  return {
    ...readIdentity(root.node),
    ...readVcpus(root.node),
    ...readMemory(root.node),
    ...optionalProperty('cpu', readCpu(root.node)),
    os: readOs(root.node),
    ...readDevices(childNode(root.node, 'devices')),
  };
}
