import type { Duplex } from 'node:stream';
import { EcloudError } from '@ecloud/core';
import { Client } from 'ssh2';
import { knownHostsAllow, sshFingerprint } from './known-hosts.js';
import type { LibvirtTransport } from './transport-options.js';

type SshTransport = Extract<LibvirtTransport, { kind: 'ssh' }>;

function hostKeyTrusted(transport: SshTransport, key: Buffer): boolean {
  if (transport.hostKeyFingerprint !== undefined && sshFingerprint(key) === transport.hostKeyFingerprint)
    return true;
  return (
    transport.knownHosts !== undefined &&
    knownHostsAllow(transport.knownHosts, transport.host, transport.port, key)
  );
}

/**
 * SSH to the host, then a `direct-streamlocal` channel straight to libvirtd's unix socket there — no
 * `nc` on the far side. The host key must match, or the connection is refused before any credential
 * is sent. Closing the channel ends the SSH connection.
 * @internal
 */
export function sshDial(transport: SshTransport): Promise<Duplex> {
  const where = `ssh://${transport.username}@${transport.host}:${transport.port}${transport.socketPath}`;
  return new Promise((resolve, reject) => {
    const client = new Client();
    let keyRefused = false;
    const fail = (error: Error) => {
      client.end();
      const reason = keyRefused ? 'the host key is not the one expected' : error.message;
      reject(
        new EcloudError('DRIVER_UNAVAILABLE', `Cannot reach libvirtd over ${where}: ${reason}.`, {
          details: { where, reason: keyRefused ? 'host-key' : 'ssh', message: error.message },
          retryable: !keyRefused,
        }),
      );
    };
    client.once('error', fail);
    client.once('ready', () => {
      client.openssh_forwardOutStreamLocal(transport.socketPath, (error, channel) => {
        if (error) {
          fail(error);
          return;
        }
        client.off('error', fail);
        // A late SSH error closes the channel, which the RPC connection reports; nothing else to do.
        client.on('error', () => channel.destroy());
        channel.once('close', () => client.end());
        resolve(channel);
      });
    });
    client.connect({
      host: transport.host,
      port: transport.port,
      username: transport.username,
      privateKey: transport.privateKey,
      ...(transport.passphrase === undefined ? {} : { passphrase: transport.passphrase }),
      readyTimeout: transport.readyTimeoutMs,
      hostVerifier: (key: Buffer) => {
        keyRefused = !hostKeyTrusted(transport, key);
        return !keyRefused;
      },
    });
  });
}
