import type { components, operations, paths } from './generated/api-types.js';

// Names for the shapes of the contract. Every type here is read out of the generated file, so a change
// of the server's routes changes them (and `npm run generate` is what brings it in).

/** The JSON body of one answer of an operation. */
type JsonAnswer<R> = R extends { readonly content: { readonly 'application/json': infer B } } ? B : never;

/**
 * The JSON body an operation answers with `status`.
 * @public
 */
export type ResponseOf<K extends keyof operations, S extends keyof operations[K]['responses']> = JsonAnswer<
  operations[K]['responses'][S]
>;

/**
 * The JSON request body of an operation.
 * @public
 */
export type RequestBodyOf<K extends keyof operations> = operations[K] extends {
  readonly requestBody?: { readonly content: { readonly 'application/json': infer B } };
}
  ? B
  : never;

/**
 * The query parameters of an operation.
 * @public
 */
export type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

/**
 * Every path of the API with its operations, as openapi-typescript writes them (for tools such as
 * openapi-fetch).
 * @public
 */
export type ApiPaths = paths;

/**
 * Every operation of the API by its `operationId`.
 * @public
 */
export type ApiOperations = operations;

/**
 * The reusable schemas of the API document.
 * @public
 */
export type ApiComponents = components;

/**
 * An RFC 9457 problem document, the body of every error answer.
 * @public
 */
export type Problem = components['schemas']['Problem'];

/**
 * The stable error codes the server sends in a problem's `code`.
 * @public
 */
export type ProblemCode = Problem['code'];

/**
 * One page of a list: pass `nextCursor` back as `cursor` for the next; it is absent on the last page.
 * @public
 */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/**
 * Paging of any list: `limit` (1–1000, default 100) and the `cursor` of the previous page.
 * @public
 */
export type PageQuery = QueryOf<'listImages'>;

/**
 * The answer of a login: a short-lived bearer token.
 * @public
 */
export type Token = ResponseOf<'createToken', 201>;

/**
 * A virtual machine.
 * @public
 */
export type Instance = ResponseOf<'getInstance', 200>;

/**
 * The stable states of an instance (what it is doing right now is its `task`).
 * @public
 */
export type InstanceState = Instance['state'];

/**
 * A hypervisor host.
 * @public
 */
export type Host = ResponseOf<'getHost', 200>;

/**
 * An image instances are made from.
 * @public
 */
export type Image = ResponseOf<'getImage', 200>;

/**
 * An offering: the size of an instance.
 * @public
 */
export type Offering = ResponseOf<'getOffering', 200>;

/**
 * A tenant (project) that owns instances and volumes.
 * @public
 */
export type Tenant = ResponseOf<'getTenant', 200>;

/**
 * A disk: an instance's system disk or a data disk.
 * @public
 */
export type Volume = ResponseOf<'getVolume', 200>;

/**
 * A long-running operation.
 * @public
 */
export type Job = ResponseOf<'getJob', 200>;

/**
 * Life of a job: queued → running → succeeded | failed | cancelled.
 * @public
 */
export type JobState = Job['state'];

/**
 * One record of the tamper-evident audit log: who did what to which resource, with what outcome, and
 * its place in the hash chain.
 * @public
 */
export type AuditRecord = ResponseOf<'listAudit', 200>['items'][number];

/**
 * The outcome of an audit chain check: `ok` and how many records passed, else the first problem.
 * @public
 */
export type AuditVerification = ResponseOf<'verifyAudit', 200>;

/**
 * Paging of `audit.list`.
 * @public
 */
export type ListAuditQuery = QueryOf<'listAudit'>;

/**
 * Filter and paging of `instances.list`.
 * @public
 */
export type ListInstancesQuery = QueryOf<'listInstances'>;

/**
 * Filter and paging of `hosts.list`.
 * @public
 */
export type ListHostsQuery = QueryOf<'listHosts'>;

/**
 * Filter and paging of `volumes.list`.
 * @public
 */
export type ListVolumesQuery = QueryOf<'listVolumes'>;

/**
 * Filter and paging of `jobs.list`.
 * @public
 */
export type ListJobsQuery = QueryOf<'listJobs'>;

/**
 * What a new instance is made of.
 * @public
 */
export type CreateInstanceInput = RequestBodyOf<'createInstance'>;

/**
 * A change of an instance's name or description.
 * @public
 */
export type UpdateInstanceInput = RequestBodyOf<'updateInstance'>;

/**
 * How an instance stops: `force` cuts the power instead of asking the guest.
 * @public
 */
export type StopInstanceInput = RequestBodyOf<'stopInstance'>;

/**
 * A new size for an instance: another offering, or vCPUs and memory.
 * @public
 */
export type ResizeInstanceInput = RequestBodyOf<'resizeInstance'>;

/**
 * Where an instance moves: a host, or the scheduler's choice.
 * @public
 */
export type MigrateInstanceInput = RequestBodyOf<'migrateInstance'>;

/**
 * The copy of an instance.
 * @public
 */
export type CloneInstanceInput = RequestBodyOf<'cloneInstance'>;
