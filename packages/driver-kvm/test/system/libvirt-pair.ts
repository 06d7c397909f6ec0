import { dirname, join } from 'node:path';
import type { KvmHostOptions } from '../../src/driver/kvm-driver-options.js';
import type { KvmEnv } from './kvm-env.js';
import { virsh } from './virsh.js';

/** The directory pool each host of the libvirt pair keeps its local disks in (same name on both). */
export const PAIR_POOL = 'ecloud-migration';

/** Defines, builds and starts the pool on both hosts of the pair if it is not there yet. */
export async function ensurePairPools(env: KvmEnv): Promise<void> {
  for (const host of [env.pair.a, env.pair.b]) {
    if (!(await virsh(host.uri, 'pool-list', '--all', '--name')).includes(PAIR_POOL)) {
      // In the daemon user's home: a session daemon may write there, and nowhere shared.
      await virsh(
        host.uri,
        'pool-define-as',
        PAIR_POOL,
        'dir',
        '--target',
        join(dirname(dirname(host.socket)), 'home', PAIR_POOL),
      );
      await virsh(host.uri, 'pool-build', PAIR_POOL);
    }
    if (/State:\s+inactive/.test(await virsh(host.uri, 'pool-info', PAIR_POOL)))
      await virsh(host.uri, 'pool-start', PAIR_POOL);
  }
}

/**
 * Host `name` of the pair as a KVM driver host (`kvm-a`, `kvm-b`): its socket, the session URI, the
 * pair's pool and its migration URI, each of which `overrides` may change (`migrationUri: undefined`
 * leaves it out).
 */
export function pairHost(
  env: KvmEnv,
  name: 'a' | 'b',
  overrides: Partial<KvmHostOptions> = {},
): KvmHostOptions {
  const host: KvmHostOptions = {
    ref: `kvm-${name}`,
    transport: { kind: 'unix', path: env.pair[name].socket },
    uri: 'qemu:///session',
    storagePool: PAIR_POOL,
    migrationUri: env.pair[name].uri,
    ...overrides,
  };
  if (host.migrationUri === undefined) delete (host as { migrationUri?: string }).migrationUri;
  return host;
}
