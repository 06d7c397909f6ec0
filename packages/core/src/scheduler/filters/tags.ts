import type { HostFilter } from './host-filter.js';

/** Every tag the offering asks for must be on the host (R-SCHED-2). @internal */
export const tagsFilter: HostFilter = {
  name: 'tags',
  rejects: (host, request) => !request.tags.every((tag) => host.tags.includes(tag)),
};
