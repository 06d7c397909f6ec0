import type { TLSSocket } from 'node:tls';
import { EcloudError } from '@ecloud/core';
import { buildConnector } from 'undici';

/** How the vCenter's certificate is trusted. @internal */
export interface TlsTrust {
  /** PEM of the CA(s) to verify the chain and name against; the system's CAs when left out. */
  readonly ca?: string | undefined;
  /**
   * Pins the certificate itself by its SHA-256 (or legacy SHA-1) fingerprint, hex with or without
   * colons — what vCenter shows. A pinned certificate need not chain to a CA (vCenter's often is
   * self-signed), but must match exactly.
   */
  readonly thumbprint?: string | undefined;
}

const normalise = (fingerprint: string) => fingerprint.replaceAll(':', '').toUpperCase();

/** The refusal of a certificate that does not verify; trying again meets the same certificate. @internal */
export function untrustedCertificate(where: string, why: string): EcloudError {
  return new EcloudError('DRIVER_UNAVAILABLE', `The vCenter at ${where} is not trusted: ${why}.`, {
    details: { where, reason: 'tls-server-certificate', why },
    retryable: false,
  });
}

/**
 * An undici connector that verifies the server: the chain and host name against `ca` (Node's checks,
 * never turned off), or — with a thumbprint — exactly that certificate. A pin replaces the chain
 * check rather than adding to it because that is the case it exists for: a self-signed vCenter.
 * @internal
 */
export function tlsConnector(trust: TlsTrust): buildConnector.connector {
  const pin = trust.thumbprint === undefined ? undefined : normalise(trust.thumbprint);
  const base = buildConnector({
    ...(trust.ca === undefined ? {} : { ca: trust.ca }),
    rejectUnauthorized: pin === undefined,
    // A resumed TLS session presents no certificate to check a pin against (Node's
    // getPeerCertificate() is empty then): with a pin, every connection does a full handshake.
    ...(pin === undefined ? {} : { maxCachedSessions: 0 }),
  });
  if (pin === undefined) return base;
  return (options, callback) =>
    base(options, (error, socket) => {
      if (error || !socket) {
        callback(error ?? new Error('no socket'), null);
        return;
      }
      const certificate = (socket as TLSSocket).getPeerCertificate();
      const seen = pin.length === 40 ? certificate.fingerprint : certificate.fingerprint256;
      if (seen === undefined || normalise(seen) !== pin) {
        socket.destroy();
        callback(
          untrustedCertificate(
            `${options.hostname}:${options.port}`,
            `its certificate's fingerprint ${seen ?? 'is missing'} is not the pinned ${trust.thumbprint}`,
          ),
          null,
        );
        return;
      }
      callback(null, socket);
    });
}
