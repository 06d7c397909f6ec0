import type { DomainDefinition } from './domain-definition.js';
import { unreadableDomainXml } from './domain-xml-error.js';
import type { ElementSpec } from './element-spec.js';
import { optionalProperty } from './optional-property.js';
import type { ParsedDomain } from './parsed-domain.js';
import { attribute, childNode, readInteger, textOf, type XmlNode } from './xml-node.js';

/** `<vcpu>`: the maximum as text, the current count as `current` when lower. @internal */
export function vcpuElement(def: DomainDefinition): ElementSpec {
  return {
    $: {
      placement: 'static',
      ...optionalProperty('current', def.maxVcpus === undefined ? undefined : String(def.vcpus)),
    },
    _: String(def.maxVcpus ?? def.vcpus),
  };
}

/** Reads `vcpus` and `maxVcpus` (absent when equal) back from a domain. @internal */
export function readVcpus(domain: XmlNode): Pick<DomainDefinition, 'vcpus' | 'maxVcpus'> {
  const vcpu = childNode(domain, 'vcpu');
  const maximum = readInteger(textOf(vcpu), '<vcpu>');
  if (maximum === undefined) throw unreadableDomainXml('the domain has no <vcpu>');
  const current = readInteger(attribute(vcpu, 'current'), '<vcpu current>') ?? maximum;
  return { vcpus: current, ...(maximum === current ? {} : { maxVcpus: maximum }) };
}

/** `<cpu>` with the mode asked for; none leaves the hypervisor's default CPU model. @internal */
export function cpuElements(cpu: DomainDefinition['cpu']): ElementSpec {
  return cpu === undefined ? {} : { cpu: { $: { mode: cpu.mode } } };
}

/** Reads the `<cpu>` mode; libvirt's default mode is `custom`. @internal */
export function readCpu(domain: XmlNode): ParsedDomain['cpu'] {
  const cpu = childNode(domain, 'cpu');
  return cpu === undefined ? undefined : { mode: attribute(cpu, 'mode') ?? 'custom' };
}
