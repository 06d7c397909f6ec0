import { describe, expect, it } from 'vitest';
import { capacityFilter } from '../../src/scheduler/filters/capacity.js';
import { classificationFilter } from '../../src/scheduler/filters/classification.js';
import { clusterThresholdFilter } from '../../src/scheduler/filters/cluster-threshold.js';
import { dedicationFilter } from '../../src/scheduler/filters/dedication.js';
import { driverFilter } from '../../src/scheduler/filters/driver.js';
import { excludedFilter } from '../../src/scheduler/filters/excluded.js';
import type { HostFilter } from '../../src/scheduler/filters/host-filter.js';
import { hostStateFilter } from '../../src/scheduler/filters/host-state.js';
import { hypervisorFilter } from '../../src/scheduler/filters/hypervisor.js';
import { clusterFilter, datacenterFilter, zoneFilter } from '../../src/scheduler/filters/location.js';
import { maintenanceFilter } from '../../src/scheduler/filters/maintenance.js';
import { FILTERS, failedFilter } from '../../src/scheduler/filters/pipeline.js';
import { placementGroupFilter } from '../../src/scheduler/filters/placement-group.js';
import { storageReachabilityFilter } from '../../src/scheduler/filters/storage-reachability.js';
import { tagsFilter } from '../../src/scheduler/filters/tags.js';
import { datacenter, host, request, view } from './scheduler-fixtures.js';

const passes = (filter: HostFilter, ...args: Parameters<HostFilter['rejects']>) => !filter.rejects(...args);

describe('placement filters', () => {
  it('excluded: passes over the hosts a request rules out by id', () => {
    const ruled = request({ excludeHostIds: new Set(['h-1']) });
    expect(passes(excludedFilter, host('h-1'), ruled, view())).toBe(false);
    expect(passes(excludedFilter, host('h-2'), ruled, view())).toBe(true);
    expect(passes(excludedFilter, host('h-1'), request(), view())).toBe(true);
  });

  it('hostState: only hosts that are up', () => {
    expect(passes(hostStateFilter, host('h', { state: 'up' }), request(), view())).toBe(true);
    expect(passes(hostStateFilter, host('h', { state: 'down' }), request(), view())).toBe(false);
    expect(passes(hostStateFilter, host('h', { state: 'disconnected' }), request(), view())).toBe(false);
  });

  it('maintenance: nothing new on a host entering or in maintenance', () => {
    expect(passes(maintenanceFilter, host('h', { maintenance: 'entering' }), request(), view())).toBe(false);
    expect(passes(maintenanceFilter, host('h', { maintenance: 'in_maintenance' }), request(), view())).toBe(
      false,
    );
    expect(passes(maintenanceFilter, host('h'), request(), view())).toBe(true);
  });

  it('driver: a request that names a driver stays on it', () => {
    expect(passes(driverFilter, host('h', { driver: 'a' }), request({ driver: 'b' }), view())).toBe(false);
    expect(passes(driverFilter, host('h', { driver: 'b' }), request({ driver: 'b' }), view())).toBe(true);
    expect(passes(driverFilter, host('h', { driver: 'a' }), request(), view())).toBe(true);
  });

  it('hypervisor: the image decides which kinds may serve', () => {
    expect(passes(hypervisorFilter, host('h', { hypervisor: 'vmware' }), request(), view())).toBe(false);
    expect(
      passes(
        hypervisorFilter,
        host('h', { hypervisor: 'vmware' }),
        request({ hypervisors: ['kvm', 'vmware'] }),
        view(),
      ),
    ).toBe(true);
  });

  it('datacenter, cluster and zone: only where the request asks, when it asks', () => {
    expect(passes(datacenterFilter, host('h'), request({ datacenterId: 'dc-2' }), view())).toBe(false);
    expect(passes(datacenterFilter, host('h'), request({ datacenterId: 'dc-1' }), view())).toBe(true);
    expect(passes(clusterFilter, host('h'), request({ clusterId: 'cl-2' }), view())).toBe(false);
    expect(passes(clusterFilter, host('h'), request({ clusterId: 'cl-1' }), view())).toBe(true);
    expect(passes(zoneFilter, host('h'), request({ zone: 'az-2' }), view())).toBe(false);
    expect(passes(zoneFilter, host('h'), request({ zone: 'az-1' }), view())).toBe(true);
    expect(passes(zoneFilter, host('h', { clusterId: 'unknown' }), request({ zone: 'az-1' }), view())).toBe(
      false,
    );
    expect(passes(zoneFilter, host('h'), request(), view())).toBe(true);
  });

  it('classification: a datacenter cleared for at least the tenant level, unknown sites refused', () => {
    const at = (level: 'public' | 'internal' | 'confidential' | 'secret') =>
      view({ datacenter: () => datacenter('dc-1', level) });
    const confidential = request({ classification: 'confidential' });
    expect(passes(classificationFilter, host('h'), confidential, at('internal'))).toBe(false);
    expect(passes(classificationFilter, host('h'), confidential, at('confidential'))).toBe(true);
    expect(passes(classificationFilter, host('h'), confidential, at('secret'))).toBe(true);
    expect(passes(classificationFilter, host('h'), request(), at('public'))).toBe(true);
    expect(passes(classificationFilter, host('h'), request(), view({ datacenter: () => undefined }))).toBe(
      false,
    );
  });

  it('dedication: a dedicated host serves its tenant only', () => {
    const dedicated = host('h', { dedicatedTenantId: 'tnt-1' });
    expect(passes(dedicationFilter, dedicated, request({ tenantId: 'tnt-1' }), view())).toBe(true);
    expect(passes(dedicationFilter, dedicated, request({ tenantId: 'tnt-2' }), view())).toBe(false);
    expect(passes(dedicationFilter, host('h'), request({ tenantId: 'tnt-2' }), view())).toBe(true);
  });

  it('tags: every tag of the offering must be on the host', () => {
    const tagged = host('h', { tags: ['ssd', 'gpu'] });
    expect(passes(tagsFilter, tagged, request({ tags: ['ssd'] }), view())).toBe(true);
    expect(passes(tagsFilter, tagged, request({ tags: ['ssd', 'gpu'] }), view())).toBe(true);
    expect(passes(tagsFilter, tagged, request({ tags: ['ssd', 'nvme'] }), view())).toBe(false);
    expect(passes(tagsFilter, host('h'), request({ tags: ['ssd'] }), view())).toBe(false);
  });

  it('storage: the host must reach every shared pool the disks are in', () => {
    const both = host('h', { storagePools: ['san-a', 'nfs-b'] });
    expect(passes(storageReachabilityFilter, both, request({ storagePools: ['san-a'] }), view())).toBe(true);
    expect(
      passes(storageReachabilityFilter, both, request({ storagePools: ['san-a', 'nfs-b'] }), view()),
    ).toBe(true);
    expect(
      passes(storageReachabilityFilter, both, request({ storagePools: ['san-a', 'ceph'] }), view()),
    ).toBe(false);
    expect(passes(storageReachabilityFilter, host('h'), request({ storagePools: ['san-a'] }), view())).toBe(
      false,
    );
    // Disks on local storage ask nothing of pools.
    expect(passes(storageReachabilityFilter, host('h'), request(), view())).toBe(true);
  });

  it('clusterThreshold: a saturated cluster is skipped whole', () => {
    expect(passes(clusterThresholdFilter, host('h'), request(), view({ clusterSaturated: () => true }))).toBe(
      false,
    );
    expect(passes(clusterThresholdFilter, host('h'), request(), view())).toBe(true);
  });

  it('capacity: every resource must fit in what is left, to the last unit', () => {
    const almost = host('h', { allocated: { vcpus: 62, memoryMiB: 258_048, storageGiB: 4076 } });
    expect(passes(capacityFilter, almost, request(), view())).toBe(true);
    for (const resources of [
      { vcpus: 3, memoryMiB: 4096, storageGiB: 20 },
      { vcpus: 2, memoryMiB: 4097, storageGiB: 20 },
      { vcpus: 2, memoryMiB: 4096, storageGiB: 21 },
    ]) {
      expect(passes(capacityFilter, almost, request({ resources }), view())).toBe(false);
    }
  });

  it('the pipeline names the first filter that rejects, and passes a host that fits everything', () => {
    const down = host('h', { state: 'down', tags: [] });
    expect(failedFilter(down, request({ tags: ['ssd'] }), view())).toBe('hostState');
    expect(failedFilter(host('h'), request({ tags: ['ssd'] }), view())).toBe('tags');
    expect(failedFilter(host('h'), request(), view())).toBeUndefined();
    expect(new Set(FILTERS.map((f) => f.name)).size).toBe(FILTERS.length);
  });
});

describe('placement group filter', () => {
  it('anti-affinity: never a host another member holds', () => {
    const rule = request({ group: { policy: 'anti-affinity', hostIds: new Set(['h-1']) } });
    expect(placementGroupFilter.rejects(host('h-1'), rule, view())).toBe(true);
    expect(placementGroupFilter.rejects(host('h-2'), rule, view())).toBe(false);
  });

  it('affinity: any host for the first member, then only the members’ host', () => {
    const empty = request({ group: { policy: 'affinity', hostIds: new Set() } });
    expect(placementGroupFilter.rejects(host('h-2'), empty, view())).toBe(false);
    const joined = request({ group: { policy: 'affinity', hostIds: new Set(['h-1']) } });
    expect(placementGroupFilter.rejects(host('h-1'), joined, view())).toBe(false);
    expect(placementGroupFilter.rejects(host('h-2'), joined, view())).toBe(true);
    expect(placementGroupFilter.rejects(host('h-2'), request(), view())).toBe(false);
  });
});
