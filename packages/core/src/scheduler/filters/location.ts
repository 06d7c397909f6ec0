import type { HostFilter } from './host-filter.js';

/** The datacenter the request asks for, if any. @internal */
export const datacenterFilter: HostFilter = {
  name: 'datacenter',
  rejects: (host, request) =>
    request.datacenterId !== undefined && host.datacenterId !== request.datacenterId,
};

/** The availability zone the request asks for, if any: the zone of the host's cluster (R-SCHED-3). @internal */
export const zoneFilter: HostFilter = {
  name: 'zone',
  rejects: (host, request, view) =>
    request.zone !== undefined && view.cluster(host.clusterId)?.zone !== request.zone,
};

/** The cluster the request asks for, if any. @internal */
export const clusterFilter: HostFilter = {
  name: 'cluster',
  rejects: (host, request) => request.clusterId !== undefined && host.clusterId !== request.clusterId,
};
