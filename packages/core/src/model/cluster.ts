import { z } from 'zod';
import { HypervisorKind, RecordMeta, ResourceName } from './common.js';

/**
 * How far a cluster's hosts may be promised beyond their physical size (R-SCHED-2): a host of 64
 * hardware threads in a cluster with `cpu: 4` offers 256 vCPUs. Memory over-commit relies on ballooning
 * and page sharing, so it is bounded tighter.
 * @public
 */
export const Overcommit = z.strictObject({
  cpu: z.number().min(1).max(16),
  memory: z.number().min(1).max(4),
});
/** Over-commit ratios of a cluster (the type of the {@link Overcommit} schema). @public */
export type Overcommit = z.infer<typeof Overcommit>;

/** What a cluster's hosts may be allocated: over-commit and the point where placement skips it. @public */
export const ClusterLimits = z.strictObject({
  overcommit: Overcommit.default({ cpu: 1, memory: 1 }),
  /**
   * Placement skips the whole cluster once this share of its capacity (CPU or memory, whichever is
   * higher) is allocated: head-room for HA restarts and growth. 1 never skips.
   */
  disableThreshold: z.number().gt(0).max(1).default(1),
});
/** What a cluster's hosts may be allocated (the type of the {@link ClusterLimits} schema). @public */
export type ClusterLimits = z.infer<typeof ClusterLimits>;
/** Cluster limits as callers write them. @public */
export type ClusterLimitsInput = z.input<typeof ClusterLimits>;

/** A cluster: hosts of one hypervisor kind in one datacenter and availability zone. @public */
export const Cluster = RecordMeta.extend({
  name: ResourceName,
  datacenterId: z.string(),
  hypervisor: HypervisorKind,
  zone: z.string().min(1).max(63),
  overcommit: Overcommit,
  disableThreshold: z.number().gt(0).max(1),
});
/** A cluster: hosts of one hypervisor kind in one datacenter and availability zone (the type of the {@link Cluster} schema). @public */
export type Cluster = z.infer<typeof Cluster>;

/** Input of `cloud.clusters.create`. @public */
export const CreateClusterInput = z.strictObject({
  name: ResourceName,
  datacenterId: z.string().min(1),
  hypervisor: HypervisorKind,
  zone: z.string().min(1).max(63).default('default'),
  overcommit: Overcommit.default({ cpu: 1, memory: 1 }),
  disableThreshold: z.number().gt(0).max(1).default(1),
});
/** Input of `cloud.clusters.create` (the type of the {@link CreateClusterInput} schema, as callers write it). @public */
export type CreateClusterInput = z.input<typeof CreateClusterInput>;
