import type {
  CloneInstanceInput,
  CreateInstanceInput,
  Instance,
  Job,
  ListInstancesQuery,
  MigrateInstanceInput,
  Page,
  ResizeInstanceInput,
  StopInstanceInput,
  UpdateInstanceInput,
} from '../api-types.js';
import type { ApiCaller, CallOptions, PostOptions } from '../http/api-request.js';
import { ifMatchValue, type Versioned } from '../http/entity-tag.js';
import { deleteRequest, getRequest, postRequest, signalOf } from '../http/request-builders.js';
import { segment } from '../http/request-url.js';

/**
 * Options of {@link InstancesApi.update}.
 * @public
 */
export interface UpdateOptions extends CallOptions {
  /**
   * Change only the version read: an `ETag`, or the record as read (its id and version make the tag).
   * Someone else's change since then fails the update with `CONFLICT` (HTTP 412).
   */
  readonly ifMatch?: string | Versioned;
}

/**
 * Instances. Every operation that changes one answers at once with its {@link Job}; follow it with
 * `client.waitForJob(job.id)`. Methods are bound, so `client.paginate(client.instances.list)` works.
 * @public
 */
export class InstancesApi {
  readonly #api: ApiCaller;

  /** @internal */
  constructor(api: ApiCaller) {
    this.#api = api;
  }

  /** One page of the instances the caller may see, oldest first. */
  readonly list = (query: ListInstancesQuery = {}, options: CallOptions = {}): Promise<Page<Instance>> =>
    this.#api.send(getRequest('/v1/instances', query, options));

  /** One instance. */
  readonly get = (id: string, options: CallOptions = {}): Promise<Instance> =>
    this.#api.send(getRequest(`/v1/instances/${segment(id)}`, {}, options));

  /** Creates an instance from an offering and an image; the job's `resourceId` is the new instance. */
  readonly create = (input: CreateInstanceInput, options: PostOptions = {}): Promise<Job> =>
    this.#api.send(postRequest('/v1/instances', input, options));

  /** Renames an instance or changes its description. */
  readonly update = (
    id: string,
    input: UpdateInstanceInput,
    options: UpdateOptions = {},
  ): Promise<Instance> =>
    this.#api.send({
      method: 'PATCH',
      path: `/v1/instances/${segment(id)}`,
      body: input,
      ...(options.ifMatch === undefined ? {} : { headers: { 'if-match': ifMatchValue(options.ifMatch) } }),
      ...signalOf(options),
    });

  /** Powers a stopped instance on. */
  readonly start = (id: string, options: PostOptions = {}): Promise<Job> =>
    this.#action(id, 'start', options);

  /** Stops an instance: the guest is asked, or with `force` the power is cut. */
  readonly stop = (id: string, input: StopInstanceInput = {}, options: PostOptions = {}): Promise<Job> =>
    this.#action(id, 'stop', options, input);

  /** Restarts a running instance. */
  readonly reboot = (id: string, options: PostOptions = {}): Promise<Job> =>
    this.#action(id, 'reboot', options);

  /** Pauses a running instance in memory. */
  readonly suspend = (id: string, options: PostOptions = {}): Promise<Job> =>
    this.#action(id, 'suspend', options);

  /** Continues a suspended instance. */
  readonly resume = (id: string, options: PostOptions = {}): Promise<Job> =>
    this.#action(id, 'resume', options);

  /** Gives an instance the size of another offering, or explicit vCPUs and memory. */
  readonly resize = (id: string, input: ResizeInstanceInput, options: PostOptions = {}): Promise<Job> =>
    this.#action(id, 'resize', options, input);

  /** Moves an instance to another host (the scheduler's choice without `hostId`). */
  readonly migrate = (
    id: string,
    input: MigrateInstanceInput = {},
    options: PostOptions = {},
  ): Promise<Job> => this.#action(id, 'migrate', options, input);

  /** Copies an instance and its disks into a new instance (the job's result names it). */
  readonly clone = (id: string, input: CloneInstanceInput, options: PostOptions = {}): Promise<Job> =>
    this.#action(id, 'clone', options, input);

  /** Deletes an instance with its attached disks, wiped first. */
  readonly delete = (id: string, options: CallOptions = {}): Promise<Job> =>
    this.#api.send(deleteRequest(`/v1/instances/${segment(id)}`, options));

  #action(id: string, name: string, options: PostOptions, input?: unknown): Promise<Job> {
    return this.#api.send(postRequest(`/v1/instances/${segment(id)}/${name}`, input, options));
  }
}
