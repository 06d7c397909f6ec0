import type { Page, PageQuery } from '../api-types.js';
import type { ApiCaller, CallOptions } from '../http/api-request.js';
import { getRequest } from '../http/request-builders.js';
import { segment } from '../http/request-url.js';

/**
 * Reading one kind of catalog record — images, offerings, tenants: a page at a time, or one by id.
 * Methods are bound.
 * @public
 */
export class CatalogApi<T> {
  readonly #api: ApiCaller;
  readonly #path: string;

  /** @internal */
  constructor(api: ApiCaller, kind: 'images' | 'offerings' | 'tenants') {
    this.#api = api;
    this.#path = `/v1/${kind}`;
  }

  /** One page of the records the caller may see. */
  readonly list = (query: PageQuery = {}, options: CallOptions = {}): Promise<Page<T>> =>
    this.#api.send(getRequest(this.#path, query, options));

  /** One record. */
  readonly get = (id: string, options: CallOptions = {}): Promise<T> =>
    this.#api.send(getRequest(`${this.#path}/${segment(id)}`, {}, options));
}
