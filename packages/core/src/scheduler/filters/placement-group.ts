import type { HostFilter } from './host-filter.js';

/**
 * The instance's affinity or anti-affinity group (R-SCHED-2): with `affinity` the host must already
 * hold another member (any host while the group is empty); with `anti-affinity` it must hold none.
 * @internal
 */
export const placementGroupFilter: HostFilter = {
  name: 'placementGroup',
  rejects: (host, request) => {
    const group = request.group;
    if (group === undefined) return false;
    if (group.policy === 'anti-affinity') return group.hostIds.has(host.id);
    return group.hostIds.size > 0 && !group.hostIds.has(host.id);
  },
};
