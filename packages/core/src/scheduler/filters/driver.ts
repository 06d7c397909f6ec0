import type { HostFilter } from './host-filter.js';

/** Migrations and clones stay within one driver endpoint when the request names it. @internal */
export const driverFilter: HostFilter = {
  name: 'driver',
  rejects: (host, request) => request.driver !== undefined && host.driver !== request.driver,
};
