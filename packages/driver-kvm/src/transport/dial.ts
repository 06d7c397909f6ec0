import { connect as netConnect, type Socket } from 'node:net';
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

/**
 * Opens the byte stream to libvirtd that a transport describes. TLS verifies the daemon's certificate
 * (Node's default, never turned off); SSH verifies the host key.
 * @internal
 */
export function dial(transport: LibvirtTransport): Promise<Duplex> {
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
      return whenConnected(
        tlsConnect({
          host: transport.host,
          port: transport.port,
          servername: transport.host,
          ...(transport.ca === undefined ? {} : { ca: transport.ca }),
          ...(transport.cert === undefined ? {} : { cert: transport.cert }),
          ...(transport.key === undefined ? {} : { key: transport.key }),
        }),
        'secureConnect',
        `${transport.host}:${transport.port}`,
      );
    case 'ssh':
      return sshDial(transport);
  }
}
