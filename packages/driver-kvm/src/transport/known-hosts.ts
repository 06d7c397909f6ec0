import { createHash } from 'node:crypto';

/**
 * Whether `key` (the host key blob the server presented) is listed for `host`:`port` in OpenSSH
 * known_hosts lines — as `host` for port 22, `[host]:port` otherwise — and not marked `@revoked` for it.
 * Hashed host names (`|1|…`) and wildcards are not supported: such lines match nothing, which refuses
 * the host rather than trust it.
 * @internal
 */
export function knownHostsAllow(knownHosts: string, host: string, port: number, key: Buffer): boolean {
  const name = port === 22 ? host : `[${host}]:${port}`;
  const blob = key.toString('base64');
  let listed = false;
  for (const raw of knownHosts.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    // `@revoked` refuses the key for these hosts wherever the line is; `@cert-authority` is no host key.
    const revoked = line.startsWith('@revoked');
    if (line.startsWith('@') && !revoked) continue;
    const [hosts, , keyData] = (revoked ? line.slice('@revoked'.length).trim() : line).split(/\s+/);
    if (!hosts?.split(',').includes(name) || keyData !== blob) continue;
    if (revoked) return false;
    listed = true;
  }
  return listed;
}

/** The `SHA256:` fingerprint of a host key blob, as `ssh-keygen -l` prints it. @internal */
export function sshFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}
