import type { HostFilter } from './host-filter.js';

/**
 * The host must reach every shared storage pool the instance's disks are in (R-SCHED-2): a host that
 * does not mount the pool could neither make the disks nor run an instance whose disks are there —
 * after a migration or an HA restart least of all.
 * @internal
 */
export const storageReachabilityFilter: HostFilter = {
  name: 'storage',
  rejects: (host, request) =>
    request.storagePools !== undefined &&
    !request.storagePools.every((pool) => host.storagePools.includes(pool)),
};
