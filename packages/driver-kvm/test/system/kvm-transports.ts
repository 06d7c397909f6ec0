import { readFileSync } from 'node:fs';
import type { LibvirtTransportInput } from '../../src/transport/transport-options.js';
import type { KvmEnv } from './kvm-env.js';

/** The two ways the system tests reach the same libvirtd: its unix socket, and SSH to that socket. */
export function kvmTransports(
  env: KvmEnv,
): ReadonlyArray<{ name: string; transport: () => LibvirtTransportInput }> {
  return [
    { name: 'unix socket', transport: () => ({ kind: 'unix', path: env.socket }) },
    {
      name: 'ssh',
      transport: () => ({
        kind: 'ssh',
        host: env.ssh.host,
        port: env.ssh.port,
        username: env.ssh.user,
        privateKey: readFileSync(env.ssh.keyFile, 'utf8'),
        knownHosts: readFileSync(env.ssh.knownHostsFile, 'utf8'),
        socketPath: env.socket,
      }),
    },
  ];
}
