import type { Job, ListVolumesQuery, Page, Volume } from '../api-types.js';
import type { ApiCaller, CallOptions } from '../http/api-request.js';
import { deleteRequest, getRequest } from '../http/request-builders.js';
import { segment } from '../http/request-url.js';

/**
 * Volumes: system and data disks. Methods are bound.
 * @public
 */
export class VolumesApi {
  readonly #api: ApiCaller;

  /** @internal */
  constructor(api: ApiCaller) {
    this.#api = api;
  }

  /** One page of volumes. */
  readonly list = (query: ListVolumesQuery = {}, options: CallOptions = {}): Promise<Page<Volume>> =>
    this.#api.send(getRequest('/v1/volumes', query, options));

  /** One volume. */
  readonly get = (id: string, options: CallOptions = {}): Promise<Volume> =>
    this.#api.send(getRequest(`/v1/volumes/${segment(id)}`, {}, options));

  /** Deletes a detached volume, wiped first. */
  readonly delete = (id: string, options: CallOptions = {}): Promise<Job> =>
    this.#api.send(deleteRequest(`/v1/volumes/${segment(id)}`, options));
}
