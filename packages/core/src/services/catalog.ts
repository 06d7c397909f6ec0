import { type Cluster, CreateClusterInput } from '../model/cluster.js';
import { CreateDatacenterInput, type Datacenter } from '../model/datacenter.js';
import { CreateDomainInput, DEFAULT_DOMAIN_ID, type Domain } from '../model/domain.js';
import { CreateImageInput, type Image } from '../model/image.js';
import { CreateOfferingInput, type Offering } from '../model/offering.js';
import { CreateRegionInput, type Region } from '../model/region.js';
import { CreateTenantInput, type Tenant } from '../model/tenant.js';
import { type PlatformRecords, platformRecords } from './platform-records.js';
import { requireRecord, type ServiceDeps } from './service-deps.js';

/** The platform's catalog: regions, datacenters, clusters, tenants, images and offerings. @public */
export interface Catalog {
  readonly regions: PlatformRecords<Region, CreateRegionInput>;
  readonly datacenters: PlatformRecords<Datacenter, CreateDatacenterInput>;
  readonly clusters: PlatformRecords<Cluster, CreateClusterInput>;
  readonly domains: PlatformRecords<Domain, CreateDomainInput>;
  readonly tenants: PlatformRecords<Tenant, CreateTenantInput>;
  readonly images: PlatformRecords<Image, CreateImageInput>;
  readonly offerings: PlatformRecords<Offering, CreateOfferingInput>;
}

/** Builds the catalog services. @internal */
export function createCatalog(deps: ServiceDeps): Catalog {
  return {
    regions: platformRecords(deps, {
      collection: 'regions',
      idKind: 'region',
      what: 'region',
      input: CreateRegionInput,
      build: async (_tx, input) => ({ name: input.name, description: input.description }),
    }),
    datacenters: platformRecords(deps, {
      collection: 'datacenters',
      idKind: 'datacenter',
      what: 'datacenter',
      input: CreateDatacenterInput,
      build: async (tx, input) => {
        if (input.regionId !== undefined) await requireRecord(tx, 'regions', input.regionId, 'Region');
        return {
          name: input.name,
          regionId: input.regionId ?? null,
          classification: input.classification,
          description: input.description,
        };
      },
      created: (datacenter) => deps.index.upsertDatacenter(datacenter),
    }),
    clusters: platformRecords(deps, {
      collection: 'clusters',
      idKind: 'cluster',
      what: 'cluster',
      input: CreateClusterInput,
      build: async (tx, input) => {
        await requireRecord(tx, 'datacenters', input.datacenterId, 'Datacenter');
        return {
          name: input.name,
          datacenterId: input.datacenterId,
          hypervisor: input.hypervisor,
          zone: input.zone,
          overcommit: input.overcommit,
          disableThreshold: input.disableThreshold,
        };
      },
      created: (cluster) => deps.index.upsertCluster(cluster),
    }),
    domains: platformRecords(deps, {
      collection: 'domains',
      idKind: 'domain',
      what: 'domain',
      input: CreateDomainInput,
      build: async (_tx, input) => ({
        name: input.name,
        description: input.description,
        state: 'active' as const,
      }),
    }),
    tenants: platformRecords(deps, {
      collection: 'tenants',
      idKind: 'tenant',
      what: 'tenant',
      input: CreateTenantInput,
      privateToTenant: true,
      build: async (tx, input) => ({
        name: input.name,
        domainId: (await requireRecord(tx, 'domains', input.domainId ?? DEFAULT_DOMAIN_ID, 'Domain')).id,
        classification: input.classification,
        state: 'active' as const,
      }),
    }),
    images: platformRecords(deps, {
      collection: 'images',
      idKind: 'image',
      what: 'image',
      input: CreateImageInput,
      build: async (_tx, input) => ({
        name: input.name,
        os: input.os,
        format: input.format,
        sizeGiB: input.sizeGiB,
        minDiskGiB: input.minDiskGiB ?? input.sizeGiB,
        hypervisors: input.hypervisors,
        state: 'active' as const,
      }),
    }),
    offerings: platformRecords(deps, {
      collection: 'offerings',
      idKind: 'offering',
      what: 'offering',
      input: CreateOfferingInput,
      build: async (_tx, input) => ({
        name: input.name,
        vcpus: input.vcpus,
        memoryMiB: input.memoryMiB,
        rootDiskGiB: input.rootDiskGiB,
        storagePool: input.storagePool ?? null,
        tags: input.tags,
        state: 'active' as const,
      }),
    }),
  };
}
