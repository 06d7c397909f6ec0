import type { Cluster } from '../../src/model/cluster.js';
import type { ClassificationLevel } from '../../src/model/common.js';
import type { Datacenter } from '../../src/model/datacenter.js';
import type { Host } from '../../src/model/host.js';
import type { PlacementView } from '../../src/scheduler/filters/host-filter.js';
import type { PlacementRequest } from '../../src/scheduler/placement-request.js';

const T = '2026-01-01T00:00:00.000Z';

/** A host record for scheduler tests: 64 vCPUs, 256 GiB, 4 TiB, up, in `cl-1` of `dc-1`. */
export function host(id: string, patch: Partial<Host> = {}): Host {
  return {
    id,
    version: 1,
    createdAt: T,
    updatedAt: T,
    name: id,
    clusterId: 'cl-1',
    datacenterId: 'dc-1',
    driver: 'sim',
    ref: id,
    hypervisor: 'kvm',
    cpu: { sockets: 2, coresPerSocket: 16, threadsPerCore: 2, mhz: 2400 },
    memoryMiB: 262_144,
    storageGiB: 4096,
    storagePools: [],
    state: 'up',
    maintenance: 'none',
    tags: [],
    dedicatedTenantId: null,
    capacity: { vcpus: 64, memoryMiB: 262_144, storageGiB: 4096 },
    allocated: { vcpus: 0, memoryMiB: 0, storageGiB: 0 },
    ...patch,
  };
}

/** A request for 2 vCPUs, 4 GiB and 20 GiB of disk on KVM by tenant `tnt-1`. */
export function request(patch: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    resources: { vcpus: 2, memoryMiB: 4096, storageGiB: 20 },
    hypervisors: ['kvm'],
    tenantId: 'tnt-1',
    classification: 'public',
    tags: [],
    ...patch,
  };
}

export function datacenter(id: string, classification: ClassificationLevel): Datacenter {
  return {
    id,
    version: 1,
    createdAt: T,
    updatedAt: T,
    name: id,
    regionId: null,
    classification,
    description: '',
  };
}

export function cluster(id: string, patch: Partial<Cluster> = {}): Cluster {
  return {
    id,
    version: 1,
    createdAt: T,
    updatedAt: T,
    name: id,
    datacenterId: 'dc-1',
    hypervisor: 'kvm',
    zone: 'az-1',
    overcommit: { cpu: 1, memory: 1 },
    disableThreshold: 1,
    ...patch,
  };
}

/** A view with one public datacenter `dc-1` and one cluster `cl-1` in zone `az-1`, never saturated. */
export function view(patch: Partial<PlacementView> = {}): PlacementView {
  const dcs = new Map([['dc-1', datacenter('dc-1', 'public')]]);
  const clusters = new Map([['cl-1', cluster('cl-1')]]);
  return {
    datacenter: (id) => dcs.get(id),
    cluster: (id) => clusters.get(id),
    clusterSaturated: () => false,
    ...patch,
  };
}
