import type { ElementSpec } from './element-spec.js';
import type { GraphicsDefinition } from './graphics-definition.js';
import { optionalProperty } from './optional-property.js';
import type { ParsedGraphics } from './parsed-domain.js';
import { attribute, childNode, childNodes, readInteger, type XmlNode } from './xml-node.js';

/**
 * The `<graphics>` element of `graphics`. The address goes both in the legacy `listen` attribute and in
 * a `<listen>` child, as libvirt itself writes it.
 * @internal
 */
export function graphicsElement(graphics: GraphicsDefinition): ElementSpec {
  const port =
    graphics.port === undefined ? { autoport: 'yes' } : { port: String(graphics.port), autoport: 'no' };
  return {
    $: {
      type: graphics.type,
      ...port,
      listen: graphics.listen,
      ...optionalProperty('passwd', graphics.passwd),
    },
    listen: { $: { type: 'address', address: graphics.listen } },
  };
}

// libvirt writes port -1 for a port it has yet to pick, and the picked one while the domain runs.
function fixedPort(graphics: XmlNode): number | undefined {
  const port = attribute(graphics, 'port');
  if (attribute(graphics, 'autoport') === 'yes' || port === '-1') return undefined;
  return readInteger(port, '<graphics port>');
}

function readListen(graphics: XmlNode): string | undefined {
  return attribute(graphics, 'listen') ?? attribute(childNode(graphics, 'listen'), 'address');
}

/** Reads the first VNC or SPICE `<graphics>` of `<devices>`; other kinds are not modelled. @internal */
export function readGraphics(devices: XmlNode | undefined): ParsedGraphics | undefined {
  for (const graphics of childNodes(devices, 'graphics')) {
    const type = attribute(graphics, 'type');
    if (type !== 'vnc' && type !== 'spice') continue;
    return {
      type,
      ...optionalProperty('listen', readListen(graphics)),
      ...optionalProperty('port', fixedPort(graphics)),
      ...optionalProperty('passwd', attribute(graphics, 'passwd')),
    };
  }
  return undefined;
}
