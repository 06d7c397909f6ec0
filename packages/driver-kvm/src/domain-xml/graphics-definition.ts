import { z } from 'zod';
import { xmlString } from './xml-strings.js';

// QEMU refuses VNC displays below 5900, and the VNC authentication scheme uses 8 password characters:
// a longer password would look stronger than it is.
const VNC_FIRST_PORT = 5900;
const VNC_PASSWORD_LENGTH = 8;

const graphicsFields = z.strictObject({
  type: z.enum(['vnc', 'spice']),
  listen: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1'),
  port: z.int().min(1).max(65535).optional(),
  passwd: xmlString(64).optional(),
});

function checkVnc(graphics: z.output<typeof graphicsFields>, ctx: z.RefinementCtx): void {
  if (graphics.type !== 'vnc') return;
  if (graphics.port !== undefined && graphics.port < VNC_FIRST_PORT) {
    ctx.addIssue({
      code: 'custom',
      path: ['port'],
      message: `a VNC port must be at least ${VNC_FIRST_PORT}`,
    });
  }
  if (graphics.passwd !== undefined && graphics.passwd.length > VNC_PASSWORD_LENGTH) {
    ctx.addIssue({
      code: 'custom',
      path: ['passwd'],
      message: `a VNC password has at most ${VNC_PASSWORD_LENGTH} characters`,
    });
  }
}

/**
 * The remote display: `type` (`vnc` or `spice`), the `listen` address (default `127.0.0.1`: a console
 * is reached through a proxy, not exposed), a fixed `port` (absent: libvirt picks one) and `passwd`.
 * libvirt leaves the password out of the XML it returns unless asked for secure XML.
 * @public
 */
export const GraphicsDefinition = graphicsFields.superRefine(checkVnc);

/** A {@link GraphicsDefinition} after validation. @public */
export type GraphicsDefinition = z.output<typeof GraphicsDefinition>;
