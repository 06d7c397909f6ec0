import type { Cluster } from '../../model/cluster.js';
import type { Datacenter } from '../../model/datacenter.js';
import type { Host } from '../../model/host.js';
import type { PlacementRequest } from '../placement-request.js';

/** What a filter may consult besides the host itself: the scheduler's view of the platform. @internal */
export interface PlacementView {
  cluster(clusterId: string): Cluster | undefined;
  datacenter(datacenterId: string): Datacenter | undefined;
  /** Whether the cluster is allocated beyond its disable threshold. */
  clusterSaturated(clusterId: string): boolean;
}

/**
 * One step of the placement pipeline: a named reason to pass a host over. The name is what an operator
 * reads in an `INSUFFICIENT_CAPACITY` explanation (`rejectedBy: { tags: 12, capacity: 4988 }`).
 * @internal
 */
export interface HostFilter {
  readonly name: string;
  rejects(host: Host, request: PlacementRequest, view: PlacementView): boolean;
}
