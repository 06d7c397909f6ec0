/**
 * `@ecloud/client`: the ECloud REST API from TypeScript, typed from the server's OpenAPI contract.
 * @packageDocumentation
 */

export type {
  ApiComponents,
  ApiOperations,
  ApiPaths,
  AuditRecord,
  AuditVerification,
  CloneInstanceInput,
  CreateInstanceInput,
  Host,
  Image,
  Instance,
  InstanceState,
  Job,
  JobState,
  ListAuditQuery,
  ListHostsQuery,
  ListInstancesQuery,
  ListJobsQuery,
  ListVolumesQuery,
  MigrateInstanceInput,
  Offering,
  Page,
  PageQuery,
  Problem,
  ProblemCode,
  QueryOf,
  RequestBodyOf,
  ResizeInstanceInput,
  ResponseOf,
  StopInstanceInput,
  Tenant,
  Token,
  UpdateInstanceInput,
  Volume,
} from './api-types.js';
export { EcloudClient, type EcloudClientOptions, type LoginOptions } from './ecloud-client.js';
export {
  EcloudApiError,
  type EcloudApiErrorCode,
  type EcloudApiErrorInit,
} from './errors/ecloud-api-error.js';
export { EcloudJobError, type JobWaitFailure } from './errors/ecloud-job-error.js';
export type { CallOptions, PostOptions } from './http/api-request.js';
export type { Versioned } from './http/entity-tag.js';
export type { ApiKeyCredentials } from './http/request-signing.js';
export type { RetryOptions } from './http/retry-policy.js';
export { type PageLister, paginate } from './pagination/paginate.js';
export type { AuditApi } from './resources/audit-api.js';
export type { CatalogApi } from './resources/catalog-api.js';
export type { HostsApi } from './resources/hosts-api.js';
export type { InstancesApi, UpdateOptions } from './resources/instances-api.js';
export type { JobsApi } from './resources/jobs-api.js';
export type { VolumesApi } from './resources/volumes-api.js';
export { type JobReader, type WaitForJobOptions, waitForJob } from './waiter/wait-for-job.js';
