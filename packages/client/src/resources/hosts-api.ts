import type { Host, Job, ListHostsQuery, Page } from '../api-types.js';
import type { ApiCaller, CallOptions, PostOptions } from '../http/api-request.js';
import { deleteRequest, getRequest, postRequest } from '../http/request-builders.js';
import { segment } from '../http/request-url.js';

/**
 * Hypervisor hosts and their maintenance (platform administrators). Methods are bound.
 * @public
 */
export class HostsApi {
  readonly #api: ApiCaller;

  /** @internal */
  constructor(api: ApiCaller) {
    this.#api = api;
  }

  /** One page of hosts. */
  readonly list = (query: ListHostsQuery = {}, options: CallOptions = {}): Promise<Page<Host>> =>
    this.#api.send(getRequest('/v1/hosts', query, options));

  /** One host. */
  readonly get = (id: string, options: CallOptions = {}): Promise<Host> =>
    this.#api.send(getRequest(`/v1/hosts/${segment(id)}`, {}, options));

  /** Puts a host into maintenance: it takes no new instances, and the job moves its instances off. */
  readonly enterMaintenance = (id: string, options: PostOptions = {}): Promise<Job> =>
    this.#api.send(postRequest(`/v1/hosts/${segment(id)}/maintenance`, undefined, options));

  /** Returns a host in maintenance to service. */
  readonly exitMaintenance = (id: string, options: CallOptions = {}): Promise<Host> =>
    this.#api.send(deleteRequest(`/v1/hosts/${segment(id)}/maintenance`, options));
}
