import type { ElementSpec } from './element-spec.js';
import { attribute, childNodes, type XmlNode } from './xml-node.js';

/**
 * A pty `<serial>` port and the `<console>` on it: the console is what `virDomainOpenConsole` attaches
 * to, the serial port what the guest sees as ttyS0.
 * @internal
 */
export function serialConsoleElements(): ElementSpec {
  return {
    serial: { $: { type: 'pty' }, target: { $: { port: '0' } } },
    console: { $: { type: 'pty' }, target: { $: { type: 'serial', port: '0' } } },
  };
}

/** Whether `<devices>` has a pty serial port. @internal */
export function hasSerialConsole(devices: XmlNode | undefined): boolean {
  return childNodes(devices, 'serial').some((serial) => attribute(serial, 'type') === 'pty');
}
