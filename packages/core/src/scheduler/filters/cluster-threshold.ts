import type { HostFilter } from './host-filter.js';

/** A cluster allocated beyond its disable threshold is skipped whole (R-SCHED-2). @internal */
export const clusterThresholdFilter: HostFilter = {
  name: 'clusterThreshold',
  rejects: (host, _request, view) => view.clusterSaturated(host.clusterId),
};
