import { EcloudError } from '../errors/ecloud-error.js';
import { type Cluster, CreateClusterInput } from '../model/cluster.js';
import { CreateDatacenterInput, type Datacenter } from '../model/datacenter.js';
import { CreateDomainInput, DEFAULT_DOMAIN_ID, type Domain, UpdateDomainInput } from '../model/domain.js';
import { CreateImageInput, type Image } from '../model/image.js';
import { CreateOfferingInput, type Offering } from '../model/offering.js';
import { CreateRegionInput, type Region } from '../model/region.js';
import { CreateTenantInput, type Tenant, UpdateTenantInput } from '../model/tenant.js';
import type { StoreSession } from '../store/store.js';
import { listVisibleDomains, listVisibleTenants } from './access/bound-listing.js';
import type { OperationTable } from './access/operation-rule.js';
import { type PlatformRecords, platformRecords } from './platform-records.js';
import { type UpdatableRecords, withUpdate } from './record-update.js';
import { requireRecord, type ServiceDeps } from './service-deps.js';

/** The platform's catalog: regions, datacenters, clusters, tenants, images and offerings. @public */
export interface Catalog {
  readonly regions: PlatformRecords<Region, CreateRegionInput>;
  readonly datacenters: PlatformRecords<Datacenter, CreateDatacenterInput>;
  readonly clusters: PlatformRecords<Cluster, CreateClusterInput>;
  readonly domains: UpdatableRecords<Domain, CreateDomainInput, UpdateDomainInput>;
  readonly tenants: UpdatableRecords<Tenant, CreateTenantInput, UpdateTenantInput>;
  readonly images: PlatformRecords<Image, CreateImageInput>;
  readonly offerings: PlatformRecords<Offering, CreateOfferingInput>;
}

/** The rights of each catalog operation: create and read per kind. @internal */
export const CATALOG_OPERATIONS = {
  regions: { create: 'region:create', get: 'region:read', list: 'region:read' },
  datacenters: { create: 'datacenter:create', get: 'datacenter:read', list: 'datacenter:read' },
  clusters: { create: 'cluster:create', get: 'cluster:read', list: 'cluster:read' },
  domains: { create: 'domain:create', get: 'domain:read', list: 'domain:read', update: 'domain:update' },
  tenants: { create: 'tenant:create', get: 'tenant:read', list: 'tenant:read', update: 'tenant:update' },
  images: { create: 'image:create', get: 'image:read', list: 'image:read' },
  offerings: { create: 'offering:create', get: 'offering:read', list: 'offering:read' },
} as const satisfies { readonly [K in keyof Catalog]: OperationTable<Catalog[K]> };

/** The domain a new tenant goes into, which must take new tenants. */
async function activeDomain(tx: StoreSession, id: string): Promise<Domain> {
  const domain = await requireRecord(tx, 'domains', id, 'Domain');
  if (domain.state !== 'active') {
    throw new EcloudError('ILLEGAL_STATE', `Domain ${id} is disabled; it takes no new tenants.`, {
      details: { domainId: id },
    });
  }
  return domain;
}

/** Builds the catalog services. @internal */
export function createCatalog(deps: ServiceDeps): Catalog {
  return {
    regions: platformRecords(deps, {
      collection: 'regions',
      idKind: 'region',
      what: 'region',
      rights: CATALOG_OPERATIONS.regions,
      input: CreateRegionInput,
      build: async (_tx, input) => ({ name: input.name, description: input.description }),
    }),
    datacenters: platformRecords(deps, {
      collection: 'datacenters',
      idKind: 'datacenter',
      what: 'datacenter',
      rights: CATALOG_OPERATIONS.datacenters,
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
      rights: CATALOG_OPERATIONS.clusters,
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
    domains: withUpdate(
      deps,
      platformRecords(deps, {
        collection: 'domains',
        idKind: 'domain',
        what: 'domain',
        rights: CATALOG_OPERATIONS.domains,
        input: CreateDomainInput,
        listVisible: (ctx, page) => listVisibleDomains(deps.store, ctx, page),
        build: async (_tx, input) => ({
          name: input.name,
          description: input.description,
          state: 'active' as const,
        }),
      }),
      {
        collection: 'domains',
        what: 'domain',
        right: CATALOG_OPERATIONS.domains.update,
        input: UpdateDomainInput,
      },
    ),
    tenants: withUpdate(
      deps,
      platformRecords(deps, {
        collection: 'tenants',
        idKind: 'tenant',
        what: 'tenant',
        rights: CATALOG_OPERATIONS.tenants,
        input: CreateTenantInput,
        createTarget: async (tx, input) => ({
          kind: 'domain',
          domainId: (await requireRecord(tx, 'domains', input.domainId ?? DEFAULT_DOMAIN_ID, 'Domain')).id,
        }),
        listVisible: (ctx, page) => listVisibleTenants(deps.store, ctx, page),
        build: async (tx, input) => ({
          name: input.name,
          domainId: (await activeDomain(tx, input.domainId ?? DEFAULT_DOMAIN_ID)).id,
          classification: input.classification,
          state: 'active' as const,
        }),
      }),
      {
        collection: 'tenants',
        what: 'tenant',
        right: CATALOG_OPERATIONS.tenants.update,
        input: UpdateTenantInput,
      },
    ),
    images: platformRecords(deps, {
      collection: 'images',
      idKind: 'image',
      what: 'image',
      rights: CATALOG_OPERATIONS.images,
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
      rights: CATALOG_OPERATIONS.offerings,
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
