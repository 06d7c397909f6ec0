import { z } from 'zod';
import { objectName } from './xml-strings.js';

/**
 * What a network interface plugs into, libvirt's `<interface type>`: a host `bridge`, or a libvirt
 * `network`.
 * @public
 */
export const NicSource = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('bridge'),
    // A Linux interface name: at most 15 bytes, no '/' or whitespace.
    bridge: z.string().regex(/^[A-Za-z0-9_.:-]{1,15}$/, 'must be a Linux interface name'),
  }),
  z.strictObject({ kind: z.literal('network'), network: objectName }),
]);

/** A {@link NicSource} after validation. @public */
export type NicSource = z.output<typeof NicSource>;

function isUnicast(mac: string): boolean {
  return (Number.parseInt(mac.slice(0, 2), 16) & 1) === 0;
}

/**
 * One network interface: `mac` (lower-cased, as libvirt prints it; a multicast address is refused, as
 * libvirt does), {@link NicSource}, optional 802.1Q `vlan` tag and device `model` (default `virtio`).
 * @public
 */
export const NicDefinition = z.strictObject({
  mac: z
    .string()
    .regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i, 'must be a MAC address like 52:54:00:12:34:56')
    .toLowerCase()
    .refine(isUnicast, 'must be a unicast MAC address (lowest bit of the first octet clear)'),
  source: NicSource,
  // 0 and 4095 are reserved by 802.1Q.
  vlan: z.int().min(1).max(4094).optional(),
  model: z.enum(['virtio', 'e1000', 'e1000e', 'rtl8139']).default('virtio'),
});

/** A {@link NicDefinition} after validation. @public */
export type NicDefinition = z.output<typeof NicDefinition>;
