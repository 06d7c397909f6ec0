import type { ClassificationLevel, HypervisorKind } from '../model/common.js';
import type { Resources } from '../model/host.js';
import type { PlacementGroupPolicy } from '../model/placement-group.js';

/** What an instance needs from a host. @internal */
export interface PlacementRequest {
  readonly resources: Resources;
  /** Host hypervisors that can serve the request (the image's, R-SCHED-3). */
  readonly hypervisors: readonly HypervisorKind[];
  readonly tenantId: string;
  /** The tenant's classification level: the least a datacenter must be cleared for. */
  readonly classification: ClassificationLevel;
  /** Tags every chosen host must carry (the offering's). */
  readonly tags: readonly string[];
  /** Shared storage pools every chosen host must reach: where the instance's disks are or will be. */
  readonly storagePools?: readonly string[];
  readonly datacenterId?: string;
  readonly zone?: string;
  readonly clusterId?: string;
  /** Only hosts of this driver (migrate and clone stay within one endpoint). */
  readonly driver?: string;
  readonly excludeHostIds?: ReadonlySet<string>;
  /** The rule of the instance's placement group and the hosts its other members hold. */
  readonly group?: { readonly policy: PlacementGroupPolicy; readonly hostIds: ReadonlySet<string> };
}

/** Why hosts were passed over: host count per filter. @internal */
export type Rejections = Record<string, number>;
