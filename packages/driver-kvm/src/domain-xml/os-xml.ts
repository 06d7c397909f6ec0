import type { DomainDefinition } from './domain-definition.js';
import type { ElementSpec } from './element-spec.js';
import { optionalProperty } from './optional-property.js';
import type { ParsedDomain } from './parsed-domain.js';
import { attribute, childNode, childNodes, type XmlNode } from './xml-node.js';

const X86_ARCHES = new Set(['x86_64', 'i686']);

/**
 * `<os>`, and on x86 `<features>` with ACPI and APIC: without ACPI a guest ignores the power button
 * libvirt presses for a graceful shutdown. Other architectures get none, since ACPI there needs UEFI.
 * @internal
 */
export function osElements(os: DomainDefinition['os']): ElementSpec {
  return {
    os: {
      type: { $: { arch: os.arch, ...optionalProperty('machine', os.machine) }, _: 'hvm' },
      boot: os.boot.map((dev) => ({ $: { dev } })),
    },
    ...(X86_ARCHES.has(os.arch) ? { features: { acpi: {}, apic: {} } } : {}),
  };
}

/** Reads `<os>` back from a domain. @internal */
export function readOs(domain: XmlNode): ParsedDomain['os'] {
  const os = childNode(domain, 'os');
  const type = childNode(os, 'type');
  return {
    ...optionalProperty('arch', attribute(type, 'arch')),
    ...optionalProperty('machine', attribute(type, 'machine')),
    boot: childNodes(os, 'boot').flatMap((boot) => attribute(boot, 'dev') ?? []),
  };
}
