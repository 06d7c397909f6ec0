import type { Host } from '../../model/host.js';
import type { PlacementRequest } from '../placement-request.js';
import { capacityFilter } from './capacity.js';
import { classificationFilter } from './classification.js';
import { clusterThresholdFilter } from './cluster-threshold.js';
import { dedicationFilter } from './dedication.js';
import { driverFilter } from './driver.js';
import { excludedFilter } from './excluded.js';
import type { HostFilter, PlacementView } from './host-filter.js';
import { hostStateFilter } from './host-state.js';
import { hypervisorFilter } from './hypervisor.js';
import { clusterFilter, datacenterFilter, zoneFilter } from './location.js';
import { maintenanceFilter } from './maintenance.js';
import { placementGroupFilter } from './placement-group.js';
import { storageReachabilityFilter } from './storage-reachability.js';
import { tagsFilter } from './tags.js';

/**
 * The filters in the order they run: cheap, host-only checks first; a host is charged to the first
 * filter that rejects it, so an explanation adds up to the number of hosts.
 * @internal
 */
export const FILTERS: readonly HostFilter[] = [
  excludedFilter,
  hostStateFilter,
  maintenanceFilter,
  driverFilter,
  hypervisorFilter,
  datacenterFilter,
  clusterFilter,
  zoneFilter,
  classificationFilter,
  dedicationFilter,
  tagsFilter,
  storageReachabilityFilter,
  placementGroupFilter,
  clusterThresholdFilter,
  capacityFilter,
];

/** The name of the first filter that rejects the host, or undefined when it passes all. @internal */
export function failedFilter(host: Host, request: PlacementRequest, view: PlacementView): string | undefined {
  for (const filter of FILTERS) if (filter.rejects(host, request, view)) return filter.name;
  return undefined;
}
