import { ECLOUD_XMLNS, ECLOUD_XMLNS_PREFIX } from './conventions.js';
import type { DomainDefinition } from './domain-definition.js';
import type { ElementSpec } from './element-spec.js';
import { attribute, childNames, childNode, childNodes, type XmlNode } from './xml-node.js';

const LOCAL_NAME = 'instance';

/** The content of `<metadata>`: ECloud's `<ecloud:instance id>`. @internal */
export function metadataElement(metadata: DomainDefinition['metadata']): ElementSpec {
  return {
    [`${ECLOUD_XMLNS_PREFIX}:${LOCAL_NAME}`]: {
      $: { [`xmlns:${ECLOUD_XMLNS_PREFIX}`]: ECLOUD_XMLNS, id: metadata.instanceId },
    },
  };
}

// libvirt writes every metadata element with its own namespace declaration, whatever prefix it was
// given (virDomainSetMetadata takes one of its own), so matching the declaration on the element suffices.
function isEcloudInstance(name: string, node: XmlNode): boolean {
  const colon = name.indexOf(':');
  const declaration = colon < 0 ? 'xmlns' : `xmlns:${name.slice(0, colon)}`;
  return name.slice(colon + 1) === LOCAL_NAME && attribute(node, declaration) === ECLOUD_XMLNS;
}

/** Reads ECloud's metadata back from a domain; undefined for a domain ECloud did not define. @internal */
export function readMetadata(domain: XmlNode): DomainDefinition['metadata'] | undefined {
  const metadata = childNode(domain, 'metadata');
  for (const name of childNames(metadata)) {
    const instance = childNodes(metadata, name).find((node) => isEcloudInstance(name, node));
    const instanceId = attribute(instance, 'id');
    if (instanceId !== undefined) return { instanceId };
  }
  return undefined;
}
