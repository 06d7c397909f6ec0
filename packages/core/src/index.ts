/**
 * `@ecloud/core`: the resource model, the store, jobs, the driver SPI and the services of ECloud.
 * Start with {@link createCloud}.
 * @packageDocumentation
 * @module @ecloud/core
 */
export {
  type CloseOptions,
  type Cloud,
  type CloudOptions,
  createCloud,
  type EventService,
  type HaService,
} from './cloud.js';
export { type CallContext, type Principal, systemContext, tenantContext } from './context/call-context.js';
export * from './errors/index.js';
export { CloudEventBus, type CloudEventMap } from './events/event-bus.js';
export type { HaTickReport } from './ha/ha-manager.js';
export * from './identity/index.js';
// The identity module's `Principal` schema, under a name that does not clash with the caller's `Principal`.
export { Principal as PrincipalRecord } from './identity/principal.js';
export type { JobHandle, WaitOptions } from './jobs/job-handle.js';
export type { CheckpointedJob, CloseReport } from './jobs/job-runner.js';
export type { ReconcileReport } from './jobs/reconciler.js';
export * from './model/index.js';
export { BalanceLimits } from './scheduler/balance-limits.js';
export type { BalancePlan, PlannedMove } from './scheduler/balance-planner.js';
export {
  type CapacityPlan,
  createCapacityPlan,
  type PlanBalance,
  type PlanBalanceInput,
  type PlanDecision,
  PlanHost,
  PlanRequest,
} from './scheduler/capacity-plan.js';
export { DEFAULT_SCHEDULER_POLICY, SchedulerPolicy, type SchedulerPolicyInput } from './scheduler/policy.js';
export {
  AuditExportOptions,
  type AuditService,
  type AuditSigningKeyOption,
} from './services/audit/audit-service.js';
export {
  BalanceInput,
  type BalanceOutcome,
  type BalancingService,
  ExecuteBalanceOptions,
} from './services/balancing-service.js';
export type { Catalog } from './services/catalog.js';
export type { HostService } from './services/host-service.js';
export type { ApiKeyService } from './services/identity/api-key-service.js';
export type { BindingService } from './services/identity/binding-service.js';
export type { ExternalDirectory, GroupRoleBinding } from './services/identity/external-login.js';
export type { IdentityService } from './services/identity/identity-service.js';
export type { LoginResult, LoginService } from './services/identity/login-service.js';
export type { PrincipalService } from './services/identity/principal-service.js';
export type { RoleService } from './services/identity/role-service.js';
export type { InstanceService } from './services/instance-service.js';
export type { JobService } from './services/job-service.js';
export type { PlacementGroupService } from './services/placement-group-service.js';
export type { PlatformRecords } from './services/platform-records.js';
export type { QuotaService } from './services/quota/quota-service.js';
export type { UpdatableRecords } from './services/record-update.js';
export type { PlacementExplanation, SchedulerService } from './services/scheduler-service.js';
export type { VolumeService } from './services/volume-service.js';
export type { ComputeCapabilities, ComputeCapability } from './spi/capabilities.js';
export {
  COMPUTE_SPI_VERSION,
  type ComputeDriver,
  type CreatedInstance,
  type DiskSpec,
  type DriverCallOptions,
  type DriverEvent,
  type DriverHost,
  type DriverInstance,
  type DriverPowerState,
  type HostUsage,
  type InstanceSpec,
  type NicSpec,
} from './spi/compute-driver.js';
export { refuseAborted } from './spi/refuse-aborted.js';
export * from './store/index.js';
