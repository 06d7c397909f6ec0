import type { Host, Resources } from '../model/host.js';
import type { PlacementRequest } from './placement-request.js';

/** Free resources of a host. @internal */
export function freeResources(host: Host): Resources {
  return {
    vcpus: host.capacity.vcpus - host.allocated.vcpus,
    memoryMiB: host.capacity.memoryMiB - host.allocated.memoryMiB,
    storageGiB: host.capacity.storageGiB - host.allocated.storageGiB,
  };
}

/** Whether `need` fits in what the host has free. @internal */
export function fitsResources(host: Host, need: Resources): boolean {
  const free = freeResources(host);
  return need.vcpus <= free.vcpus && need.memoryMiB <= free.memoryMiB && need.storageGiB <= free.storageGiB;
}

/**
 * The first filter a host fails for a request, or undefined when it passes all. The names are what an
 * operator sees in an `INSUFFICIENT_CAPACITY` explanation.
 * @internal
 */
export function failedFilter(host: Host, request: PlacementRequest): string | undefined {
  if (request.excludeHostIds?.has(host.id)) return 'excluded';
  if (host.state !== 'up') return 'hostState';
  if (host.maintenance !== 'none') return 'maintenance';
  if (request.driver !== undefined && host.driver !== request.driver) return 'driver';
  if (!request.hypervisors.includes(host.hypervisor)) return 'hypervisor';
  if (request.datacenterId !== undefined && host.datacenterId !== request.datacenterId) return 'datacenter';
  if (request.clusterId !== undefined && host.clusterId !== request.clusterId) return 'cluster';
  if (host.dedicatedTenantId !== null && host.dedicatedTenantId !== request.tenantId) return 'dedication';
  if (!request.tags.every((tag) => host.tags.includes(tag))) return 'tags';
  if (!fitsResources(host, request.resources)) return 'capacity';
  return undefined;
}
