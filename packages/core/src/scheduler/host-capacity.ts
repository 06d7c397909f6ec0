import type { Overcommit } from '../model/cluster.js';
import type { CpuTopology, Host, Resources } from '../model/host.js';

/**
 * What placement may promise on a host: its hardware threads and memory times its cluster's over-commit
 * ratios (R-SCHED-2), rounded down; disks are not over-committed.
 * @internal
 */
export function hostCapacity(
  physical: { readonly cpu: CpuTopology; readonly memoryMiB: number; readonly storageGiB: number },
  overcommit: Overcommit,
): Resources {
  const threads = physical.cpu.sockets * physical.cpu.coresPerSocket * physical.cpu.threadsPerCore;
  return {
    vcpus: Math.floor(threads * overcommit.cpu),
    memoryMiB: Math.floor(physical.memoryMiB * overcommit.memory),
    storageGiB: physical.storageGiB,
  };
}

/**
 * The host as it is once `resources` are booked on it (`sign` 1) or given back (-1), at the same version
 * (the store moves it on write); an allocation never goes below zero.
 * @internal
 */
export function withAllocation(host: Host, resources: Resources, sign: 1 | -1): Host {
  const { allocated } = host;
  return {
    ...host,
    allocated: {
      vcpus: Math.max(0, allocated.vcpus + sign * resources.vcpus),
      memoryMiB: Math.max(0, allocated.memoryMiB + sign * resources.memoryMiB),
      storageGiB: Math.max(0, allocated.storageGiB + sign * resources.storageGiB),
    },
  };
}
