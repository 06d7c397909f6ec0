import type { ElementSpec } from './element-spec.js';
import type { NicDefinition, NicSource } from './nic-definition.js';
import { optionalProperty } from './optional-property.js';
import type { ParsedNic, UnknownSource } from './parsed-domain.js';
import { attribute, childNode, readInteger, type XmlNode } from './xml-node.js';

/** The `<interface>` element of `nic`. @internal */
export function interfaceElement(nic: NicDefinition): ElementSpec {
  const source =
    nic.source.kind === 'bridge' ? { bridge: nic.source.bridge } : { network: nic.source.network };
  return {
    $: { type: nic.source.kind },
    mac: { $: { address: nic.mac } },
    source: { $: source },
    ...(nic.vlan === undefined ? {} : { vlan: { tag: { $: { id: String(nic.vlan) } } } }),
    model: { $: { type: nic.model } },
  };
}

function readSource(nic: XmlNode): NicSource | UnknownSource {
  const type = attribute(nic, 'type') ?? '';
  const source = childNode(nic, 'source');
  const bridge = attribute(source, 'bridge');
  const network = attribute(source, 'network');
  // A running network interface names its bridge too; the type says which one was defined.
  if (type === 'network' && network !== undefined) return { kind: 'network', network };
  if (type === 'bridge' && bridge !== undefined) return { kind: 'bridge', bridge };
  return { kind: 'unknown', type };
}

/** Reads one `<interface>` element; of a VLAN trunk only the first tag is read. @internal */
export function readInterface(nic: XmlNode): ParsedNic {
  const tag = childNode(childNode(nic, 'vlan'), 'tag');
  return {
    mac: (attribute(childNode(nic, 'mac'), 'address') ?? '').toLowerCase(),
    source: readSource(nic),
    ...optionalProperty('vlan', readInteger(attribute(tag, 'id'), '<vlan><tag id>')),
    ...optionalProperty('model', attribute(childNode(nic, 'model'), 'type')),
  };
}
