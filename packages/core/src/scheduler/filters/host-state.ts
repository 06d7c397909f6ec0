import type { HostFilter } from './host-filter.js';

/** Only hosts whose driver last saw them up take new instances. @internal */
export const hostStateFilter: HostFilter = {
  name: 'hostState',
  rejects: (host) => host.state !== 'up',
};
