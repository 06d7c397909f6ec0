import { z } from 'zod';
import { HypervisorKind, RecordMeta, ResourceName } from './common.js';

/** A cluster: hosts of one hypervisor kind in one datacenter and availability zone. @public */
export const Cluster = RecordMeta.extend({
  name: ResourceName,
  datacenterId: z.string(),
  hypervisor: HypervisorKind,
  zone: z.string().min(1).max(63),
});
/** A cluster: hosts of one hypervisor kind in one datacenter and availability zone (the type of the {@link Cluster} schema). @public */
export type Cluster = z.infer<typeof Cluster>;

/** Input of `cloud.clusters.create`. @public */
export const CreateClusterInput = z.strictObject({
  name: ResourceName,
  datacenterId: z.string().min(1),
  hypervisor: HypervisorKind,
  zone: z.string().min(1).max(63).default('default'),
});
/** Input of `cloud.clusters.create` (the type of the {@link CreateClusterInput} schema, as callers write it). @public */
export type CreateClusterInput = z.input<typeof CreateClusterInput>;
