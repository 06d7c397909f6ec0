import type { Host, Resources } from '../../model/host.js';
import type { HostFilter } from './host-filter.js';

/**
 * Free resources of a host. `capacity` already carries the cluster's over-commit ratios (see
 * `hostCapacity`), so this is what may still be promised.
 * @internal
 */
export function freeResources(host: Host): Resources {
  return {
    vcpus: host.capacity.vcpus - host.allocated.vcpus,
    memoryMiB: host.capacity.memoryMiB - host.allocated.memoryMiB,
    storageGiB: host.capacity.storageGiB - host.allocated.storageGiB,
  };
}

/** Whether `need` fits in what the host has free. @internal */
export function fitsResources(host: Host, need: Resources): boolean {
  return (
    need.vcpus <= host.capacity.vcpus - host.allocated.vcpus &&
    need.memoryMiB <= host.capacity.memoryMiB - host.allocated.memoryMiB &&
    need.storageGiB <= host.capacity.storageGiB - host.allocated.storageGiB
  );
}

/** The host has room for the request's vCPUs, memory and disks, after over-commit. @internal */
export const capacityFilter: HostFilter = {
  name: 'capacity',
  rejects: (host, request) => !fitsResources(host, request.resources),
};
