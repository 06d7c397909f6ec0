import type { HostFilter } from './host-filter.js';

/** A host entering or in maintenance takes nothing new (R-COMP-5). @internal */
export const maintenanceFilter: HostFilter = {
  name: 'maintenance',
  rejects: (host) => host.maintenance !== 'none',
};
