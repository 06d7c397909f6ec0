import type { HostFilter } from './host-filter.js';

/** The image (and its disks) serve only some hypervisor kinds (R-SCHED-3). @internal */
export const hypervisorFilter: HostFilter = {
  name: 'hypervisor',
  rejects: (host, request) => !request.hypervisors.includes(host.hypervisor),
};
