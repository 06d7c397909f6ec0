import { z } from 'zod';

/**
 * How to reach libvirtd: its unix socket on this machine, TCP (only on a trusted network), TLS, or
 * SSH to the host and from there its unix socket (the `qemu+ssh://` case). The SSH host key is always
 * checked — against `knownHosts` lines or a `SHA256:` fingerprint; there is no "accept any key".
 * @public
 */
export const LibvirtTransport = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('unix'),
    path: z.string().min(1).default('/var/run/libvirt/libvirt-sock'),
  }),
  z.strictObject({
    kind: z.literal('tcp'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(16509),
  }),
  z.strictObject({
    kind: z.literal('tls'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(16514),
    /** PEM of the CA that signed the daemon's certificate; the system's CAs when left out. */
    ca: z.string().min(1).optional(),
    /** Client certificate and key (PEM), when the daemon asks for one (libvirt does by default). */
    cert: z.string().min(1).optional(),
    key: z.string().min(1).optional(),
  }),
  z
    .strictObject({
      kind: z.literal('ssh'),
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535).default(22),
      username: z.string().min(1),
      privateKey: z.string().min(1),
      passphrase: z.string().optional(),
      /** known_hosts lines (OpenSSH format) that list the host's key. */
      knownHosts: z.string().min(1).optional(),
      /** Or the host key's fingerprint as `ssh-keygen -l` prints it: `SHA256:…`. */
      hostKeyFingerprint: z
        .string()
        .regex(/^SHA256:[A-Za-z0-9+/]+={0,2}$/)
        .optional(),
      /** libvirtd's socket on the far host. */
      socketPath: z.string().min(1).default('/var/run/libvirt/libvirt-sock'),
      readyTimeoutMs: z.number().int().positive().default(20_000),
    })
    .refine((ssh) => ssh.knownHosts !== undefined || ssh.hostKeyFingerprint !== undefined, {
      message: 'the host key must be verified: give knownHosts or hostKeyFingerprint',
      path: ['knownHosts'],
    }),
]);
/** How to reach libvirtd (the type of the {@link LibvirtTransport} schema, as callers write it). @public */
export type LibvirtTransportInput = z.input<typeof LibvirtTransport>;
/** How to reach libvirtd, defaults filled in. @internal */
export type LibvirtTransport = z.output<typeof LibvirtTransport>;
