import type { ApiKey } from '../identity/api-key.js';
import type { StoredAuditHead, StoredAuditRecord } from '../identity/audit/stored-audit.js';
import type { StoredPasswordPolicy } from '../identity/authn/password-policy.js';
import type { Credential, Membership, Principal } from '../identity/principal.js';
import type { CustomRole } from '../identity/role.js';
import type { RoleBinding } from '../identity/role-binding.js';
import type { Cluster } from '../model/cluster.js';
import type { Datacenter } from '../model/datacenter.js';
import type { Domain } from '../model/domain.js';
import type { Host } from '../model/host.js';
import type { Image } from '../model/image.js';
import type { Instance } from '../model/instance.js';
import type { Job } from '../model/job.js';
import type { Lease } from '../model/lease.js';
import type { Offering } from '../model/offering.js';
import type { PlacementGroup } from '../model/placement-group.js';
import type { Quota } from '../model/quota.js';
import type { Region } from '../model/region.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Tenant } from '../model/tenant.js';
import type { Volume } from '../model/volume.js';

/** The record type stored in each collection. @public */
export interface CollectionMap {
  regions: Region;
  datacenters: Datacenter;
  clusters: Cluster;
  hosts: Host;
  images: Image;
  offerings: Offering;
  tenants: Tenant;
  instances: Instance;
  volumes: Volume;
  snapshots: Snapshot;
  jobs: Job;
  placementGroups: PlacementGroup;
  leases: Lease;
  principals: Principal;
  memberships: Membership;
  credentials: Credential;
  roles: CustomRole;
  roleBindings: RoleBinding;
  auditRecords: StoredAuditRecord;
  auditHeads: StoredAuditHead;
  quotas: Quota;
  domains: Domain;
  apiKeys: ApiKey;
  passwordPolicies: StoredPasswordPolicy;
}

/** A collection's name. @public */
export type CollectionName = keyof CollectionMap;

/**
 * Per collection: the fields a list may filter on by equality (each is indexed together with `id`, so a
 * filtered page is an index range scan, never a table scan) and the field sets that must be unique
 * (records whose unique fields include a null are exempt, as in SQL).
 * @public
 */
export const COLLECTION_SPECS = {
  regions: { indexed: ['name'], unique: [['name']] },
  datacenters: { indexed: ['name', 'regionId'], unique: [['name']] },
  clusters: { indexed: ['datacenterId', 'name'], unique: [['datacenterId', 'name']] },
  hosts: { indexed: ['clusterId', 'driver', 'state', 'ref'], unique: [['driver', 'ref']] },
  images: { indexed: ['name'], unique: [['name']] },
  offerings: { indexed: ['name'], unique: [['name']] },
  tenants: { indexed: ['name', 'domainId'], unique: [['name']] },
  instances: { indexed: ['tenantId', 'hostId', 'state'], unique: [] },
  volumes: { indexed: ['tenantId', 'instanceId'], unique: [] },
  snapshots: { indexed: ['tenantId', 'instanceId'], unique: [] },
  jobs: {
    indexed: ['state', 'tenantId', 'resourceId', 'idempotencyKey', 'ownerNode'],
    unique: [['idempotencyKey']],
  },
  placementGroups: { indexed: ['tenantId', 'name'], unique: [['tenantId', 'name']] },
  leases: { indexed: [], unique: [] },
  principals: {
    indexed: ['kind', 'name', 'source', 'externalId'],
    unique: [
      ['kind', 'name'],
      ['source', 'externalId'],
    ],
  },
  memberships: { indexed: ['groupId', 'userId'], unique: [['groupId', 'userId']] },
  credentials: { indexed: [], unique: [] },
  roles: { indexed: ['name'], unique: [['name']] },
  roleBindings: {
    indexed: ['principalId', 'roleId', 'scopeKey'],
    unique: [['principalId', 'roleId', 'scopeKey']],
  },
  auditRecords: { indexed: [], unique: [] },
  auditHeads: { indexed: [], unique: [] },
  quotas: { indexed: [], unique: [] },
  domains: { indexed: ['name'], unique: [['name']] },
  apiKeys: { indexed: ['principalId'], unique: [] },
  passwordPolicies: { indexed: [], unique: [] },
} as const satisfies {
  [K in CollectionName]: { indexed: readonly string[]; unique: readonly (readonly string[])[] };
};

/** The fields of a collection that a list may filter on. @public */
export type IndexedField<K extends CollectionName> = (typeof COLLECTION_SPECS)[K]['indexed'][number] &
  keyof CollectionMap[K];

/** An equality filter on indexed fields; every given field must match. @public */
export type Where<K extends CollectionName> = {
  readonly [F in IndexedField<K>]?: CollectionMap[K][F];
};
