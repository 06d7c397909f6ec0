import type { AuditRecord, AuditVerification, ListAuditQuery, Page } from '../api-types.js';
import type { ApiCaller, CallOptions, PostOptions } from '../http/api-request.js';
import { getRequest, postRequest } from '../http/request-builders.js';

/**
 * The tamper-evident audit log (the audit administrator's): its records, and a check of its hash chain.
 * Methods are bound.
 * @public
 */
export class AuditApi {
  readonly #api: ApiCaller;

  /** @internal */
  constructor(api: ApiCaller) {
    this.#api = api;
  }

  /** One page of audit records, oldest first. */
  readonly list = (query: ListAuditQuery = {}, options: CallOptions = {}): Promise<Page<AuditRecord>> =>
    this.#api.send(getRequest('/v1/audit', query, options));

  /**
   * Recomputes the chain: `ok` with the number of records that passed, or the first problem found. A
   * broken chain is an answer, not an error — check `ok`.
   */
  readonly verify = (options: PostOptions = {}): Promise<AuditVerification> =>
    this.#api.send(postRequest('/v1/audit/verify', undefined, options));
}
