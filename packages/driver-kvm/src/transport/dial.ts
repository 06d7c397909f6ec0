import { isIP, connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import { EcloudError } from '@ecloud/core';
import { sshDial } from './ssh-dial.js';
import type { LibvirtTransport } from './transport-options.js';

function unreachable(where: string, error: Error): EcloudError {
  return new EcloudError('DRIVER_UNAVAILABLE', `Cannot reach libvirtd at ${where}: ${error.message}.`, {
    details: { where, reason: error.message },
  });
}

function whenConnected(socket: Socket, event: 'connect' | 'secureConnect', where: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    socket.once(event, () => {
      socket.off('error', onError);
      socket.setNoDelay(true);
      resolve(socket);
    });
    const onError = (error: Error) => reject(unreachable(where, error));
    socket.once('error', onError);
  });
}

type TlsTransport = Extract<LibvirtTransport, { kind: 'tls' }>;

/** What libvirtd writes, alone, once it has checked a TLS client's certificate and accepts it. */
const TLS_ACCEPTED = 0x01;

function tlsRefused(where: string, why: string): EcloudError {
  return new EcloudError(
    'DRIVER_UNAVAILABLE',
    `libvirtd at ${where} did not accept this client after the TLS handshake: ${why}. It requires a client ` +
      'certificate signed by its CA (ca_file), and a distinguished name on its tls_allowed_dn_list if it has one.',
    // Trying again with the same certificate meets the same refusal.
    { details: { where, reason: 'tls-client-refused', message: why }, retryable: false },
  );
}

function tlsUntrusted(where: string, error: Error): EcloudError {
  return new EcloudError(
    'DRIVER_UNAVAILABLE',
    `Cannot reach libvirtd at ${where}: its certificate does not verify (${error.message}).`,
    // A certificate that does not chain to our CA, or does not name the host, stays so on a retry.
    { details: { where, reason: 'tls-server-certificate', message: error.message }, retryable: false },
  );
}

/**
 * The TLS handshake, then libvirtd's verdict on our certificate. libvirtd only requests a client
 * certificate, so the handshake succeeds with a missing or untrusted one; it checks the certificate
 * afterwards and then either writes one byte, 1, ahead of any RPC traffic, or closes the connection.
 * So the byte is consumed here — left in the stream it would shift every frame — and a close instead
 * of it is the daemon refusing us, not a network failure. Bytes after it stay buffered for the RPC
 * connection.
 */
function tlsDial(transport: TlsTransport, confirmTimeoutMs: number): Promise<Duplex> {
  const where = `${transport.host}:${transport.port}`;
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      host: transport.host,
      port: transport.port,
      // SNI carries DNS names only (RFC 6066); for an IP address Node checks the certificate's IP
      // addresses against `host` anyway, and warns (DEP0123) when given it as a server name.
      ...(isIP(transport.host) === 0 ? { servername: transport.host } : {}),
      ...(transport.ca === undefined ? {} : { ca: transport.ca }),
      ...(transport.cert === undefined ? {} : { cert: transport.cert }),
      ...(transport.key === undefined ? {} : { key: transport.key }),
    });
    // One TLS record per RPC packet. Writes queued behind a pending one reach Node's _writev, which
    // encrypts them as a single record; libvirtd (9.0, GnuTLS) takes the first packet of such a record
    // and leaves the rest decrypted inside GnuTLS, where its poll() cannot see them, so those calls
    // wait for the next bytes on the wire (our keepalive PING, seconds later, or never). Without
    // _writev, Node writes each packet on its own, one record each.
    Object.defineProperty(socket, '_writev', { value: undefined });
    let handshaken = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (error?: EcloudError) => {
      clearTimeout(timer);
      socket.off('secureConnect', onSecureConnect);
      socket.off('readable', onReadable);
      socket.off('error', onError);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      if (error === undefined) {
        socket.setNoDelay(true);
        resolve(socket);
      } else {
        // Node may still emit the error behind an 'end' (ECONNRESET during the handshake): the dial
        // has already failed with the reason, and an unheard 'error' would crash the process.
        socket.on('error', () => {});
        socket.destroy();
        reject(error);
      }
    };
    const onReadable = () => {
      if (!handshaken) return;
      const verdict: Buffer | null = socket.read(1);
      if (verdict === null) return;
      if (verdict[0] === TLS_ACCEPTED) settle();
      else settle(tlsRefused(where, `it sent ${verdict[0]} where libvirtd sends 1 to accept`));
    };
    const onSecureConnect = () => {
      handshaken = true;
      // A peer that is not libvirtd may never write first: without a deadline, connect would hang.
      timer = setTimeout(
        () => settle(tlsRefused(where, `it sent nothing within ${confirmTimeoutMs} ms`)),
        confirmTimeoutMs,
      );
      onReadable();
    };
    const onError = (error: Error) => {
      if (handshaken) settle(tlsRefused(where, error.message));
      // Node sets authorizationError only when the daemon's certificate failed verification (chain or
      // name), and then ends the connection with that error.
      else if (socket.authorizationError) settle(tlsUntrusted(where, error));
      else settle(unreachable(where, error));
    };
    const onEnd = () =>
      settle(
        handshaken
          ? tlsRefused(
              where,
              'it closed the connection, as libvirtd does when it refuses the client certificate',
            )
          : unreachable(where, new Error('the connection closed during the TLS handshake')),
      );
    socket.once('secureConnect', onSecureConnect);
    // Paused mode: read(1) takes the verdict byte alone and leaves whatever follows in the buffer.
    socket.on('readable', onReadable);
    socket.once('error', onError);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
  });
}

/** Options of {@link dial}. @internal */
export interface DialOptions {
  /** How long to wait, after the TLS handshake, for libvirtd to accept our certificate (default 30 s). */
  readonly tlsConfirmTimeoutMs?: number;
}

/**
 * Opens the byte stream to libvirtd that a transport describes. TLS verifies the daemon's certificate
 * (Node's default, never turned off) and waits for libvirtd to accept ours; SSH verifies the host key.
 * @internal
 */
export function dial(transport: LibvirtTransport, options: DialOptions = {}): Promise<Duplex> {
  switch (transport.kind) {
    case 'unix':
      return whenConnected(netConnect({ path: transport.path }), 'connect', transport.path);
    case 'tcp':
      return whenConnected(
        netConnect({ host: transport.host, port: transport.port }),
        'connect',
        `${transport.host}:${transport.port}`,
      );
    case 'tls':
      return tlsDial(transport, options.tlsConfirmTimeoutMs ?? 30_000);
    case 'ssh':
      return sshDial(transport);
  }
}
