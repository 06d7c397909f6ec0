import { z } from 'zod';
import { HypervisorKind, RecordMeta, ResourceName, StoragePoolName, Tags } from './common.js';
import { listFilter } from './page.js';

/** A host's state as its driver reports it: answering, down, or cut off from the driver. @public */
export const DriverHostState = z.enum(['up', 'down', 'disconnected']);
/** A host's state as its driver reports it (the type of the {@link DriverHostState} schema). @public */
export type DriverHostState = z.infer<typeof DriverHostState>;

/**
 * A host's state as the core records it: what its driver last reported, or `fenced` once the HA
 * manager has had it cut off for good (R-HA-2) — a state only the core gives.
 * @public
 */
export const HostState = z.enum([...DriverHostState.options, 'fenced']);
/** A host's state as the core records it (the type of the {@link HostState} schema). @public */
export type HostState = z.infer<typeof HostState>;

/** Maintenance mode (R-COMP-5): `entering` while instances are evacuated. @public */
export const MaintenanceState = z.enum(['none', 'entering', 'in_maintenance']);
/** Maintenance mode (R-COMP-5): `entering` while instances are evacuated (the type of the {@link MaintenanceState} schema). @public */
export type MaintenanceState = z.infer<typeof MaintenanceState>;

/** Physical CPU topology. @public */
export const CpuTopology = z.object({
  sockets: z.number().int().positive(),
  coresPerSocket: z.number().int().positive(),
  threadsPerCore: z.number().int().positive(),
  mhz: z.number().int().positive(),
});
/** Physical CPU topology (the type of the {@link CpuTopology} schema). @public */
export type CpuTopology = z.infer<typeof CpuTopology>;

/** An amount of compute resources. @public */
export const Resources = z.object({
  vcpus: z.number().int().nonnegative(),
  memoryMiB: z.number().int().nonnegative(),
  storageGiB: z.number().int().nonnegative(),
});
/** An amount of compute resources (the type of the {@link Resources} schema). @public */
export type Resources = z.infer<typeof Resources>;

/**
 * A physical host served by one driver instance. `capacity` is what placement may hand out;
 * `allocated` is what instances (and in-flight reservations) hold.
 * @public
 */
export const Host = RecordMeta.extend({
  name: ResourceName,
  clusterId: z.string(),
  datacenterId: z.string(),
  driver: z.string(),
  ref: z.string(),
  hypervisor: HypervisorKind,
  cpu: CpuTopology,
  memoryMiB: z.number().int().positive(),
  storageGiB: z.number().int().nonnegative(),
  /**
   * Shared storage pools the host reaches, as its driver reported them at registration. Disks there
   * outlive the host and take none of its local `storageGiB`.
   */
  storagePools: z.array(StoragePoolName).max(256),
  state: HostState,
  maintenance: MaintenanceState,
  tags: Tags,
  dedicatedTenantId: z.string().nullable(),
  capacity: Resources,
  allocated: Resources,
});
/** A physical host served by one driver instance (the type of the {@link Host} schema). @public */
export type Host = z.infer<typeof Host>;

/** Filter of `hosts.list`. @public */
export const HostFilter = listFilter({ clusterId: z.string().min(1).optional() });
/** Filter of `hosts.list` (the type of the {@link HostFilter} schema, as callers write it). @public */
export type HostFilter = z.input<typeof HostFilter>;

/** Input of `cloud.hosts.register`. @public */
export const RegisterHostInput = z.strictObject({
  clusterId: z.string().min(1),
  driver: z.string().min(1),
  ref: z.string().min(1),
  tags: Tags.default([]),
  dedicatedTenantId: z.string().min(1).optional(),
});
/** Input of `cloud.hosts.register` (the type of the {@link RegisterHostInput} schema, as callers write it). @public */
export type RegisterHostInput = z.input<typeof RegisterHostInput>;

/** Input of `cloud.hosts.discover`: register every host a driver reports into a cluster. @public */
export const DiscoverHostsInput = z.strictObject({
  clusterId: z.string().min(1),
  driver: z.string().min(1),
  tags: Tags.default([]),
});
/** Input of `cloud.hosts.discover`: register every host a driver reports into a cluster (the type of the {@link DiscoverHostsInput} schema, as callers write it). @public */
export type DiscoverHostsInput = z.input<typeof DiscoverHostsInput>;

/** Input of `cloud.hosts.update`. @public */
export const UpdateHostInput = z.strictObject({
  tags: Tags.optional(),
  dedicatedTenantId: z.string().min(1).nullable().optional(),
});
/** Input of `cloud.hosts.update` (the type of the {@link UpdateHostInput} schema, as callers write it). @public */
export type UpdateHostInput = z.input<typeof UpdateHostInput>;
