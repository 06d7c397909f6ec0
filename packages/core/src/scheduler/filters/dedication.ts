import type { HostFilter } from './host-filter.js';

/** A host dedicated to a tenant serves that tenant only (R-COMP-5, R-SCHED-3). @internal */
export const dedicationFilter: HostFilter = {
  name: 'dedication',
  rejects: (host, request) => host.dedicatedTenantId !== null && host.dedicatedTenantId !== request.tenantId,
};
