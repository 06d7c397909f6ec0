import type { Job, ListJobsQuery, Page } from '../api-types.js';
import type { ApiCaller, CallOptions, PostOptions } from '../http/api-request.js';
import { getRequest, postRequest } from '../http/request-builders.js';
import { segment } from '../http/request-url.js';

/**
 * Jobs: the long operations. Methods are bound.
 * @public
 */
export class JobsApi {
  readonly #api: ApiCaller;

  /** @internal */
  constructor(api: ApiCaller) {
    this.#api = api;
  }

  /** One page of jobs. */
  readonly list = (query: ListJobsQuery = {}, options: CallOptions = {}): Promise<Page<Job>> =>
    this.#api.send(getRequest('/v1/jobs', query, options));

  /** One job: its state, progress, and result or error. */
  readonly get = (id: string, options: CallOptions = {}): Promise<Job> =>
    this.#api.send(getRequest(`/v1/jobs/${segment(id)}`, {}, options));

  /** Asks a job to stop; what it did is undone. The job ends `cancelled` (or as it was about to). */
  readonly cancel = async (id: string, options: PostOptions = {}): Promise<void> => {
    await this.#api.send<undefined>(postRequest(`/v1/jobs/${segment(id)}/cancel`, undefined, options));
  };
}
