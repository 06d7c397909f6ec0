import type { HostFilter } from './host-filter.js';

/** Hosts the request rules out by id: the source of a migration, hosts already tried. @internal */
export const excludedFilter: HostFilter = {
  name: 'excluded',
  rejects: (host, request) => request.excludeHostIds?.has(host.id) === true,
};
