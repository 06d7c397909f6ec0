import type { DomainDefinition } from './domain-definition.js';
import { unreadableDomainXml } from './domain-xml-error.js';
import type { ElementSpec } from './element-spec.js';
import { toMiB } from './memory-units.js';
import { attribute, childNode, readInteger, textOf, type XmlNode } from './xml-node.js';

const KIB_PER_MIB = 1024;

function kibElement(mib: number): ElementSpec {
  return { $: { unit: 'KiB' }, _: String(mib * KIB_PER_MIB) };
}

/**
 * `<memory>` (the maximum: what the guest boots with) and `<currentMemory>` (what the balloon leaves
 * it), in KiB, the unit libvirt reports in.
 * @internal
 */
export function memoryElements(def: DomainDefinition): ElementSpec {
  return {
    memory: kibElement(def.maxMemoryMiB ?? def.memoryMiB),
    currentMemory: kibElement(def.memoryMiB),
  };
}

function readMiB(domain: XmlNode, name: string): number | undefined {
  const node = childNode(domain, name);
  const amount = readInteger(textOf(node), `<${name}>`);
  return amount === undefined ? undefined : toMiB(amount, attribute(node, 'unit'), `<${name}>`);
}

/** Reads `memoryMiB` and `maxMemoryMiB` (absent when equal) back from a domain. @internal */
export function readMemory(domain: XmlNode): Pick<DomainDefinition, 'memoryMiB' | 'maxMemoryMiB'> {
  const maximum = readMiB(domain, 'memory');
  if (maximum === undefined) throw unreadableDomainXml('the domain has no <memory>');
  const current = readMiB(domain, 'currentMemory') ?? maximum;
  return { memoryMiB: current, ...(maximum === current ? {} : { maxMemoryMiB: maximum }) };
}
