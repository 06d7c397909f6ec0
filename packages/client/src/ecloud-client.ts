import type { Dispatcher } from 'undici';
import type { Image, Job, Offering, Tenant, Token } from './api-types.js';
import { EcloudApiError } from './errors/ecloud-api-error.js';
import type { CallOptions } from './http/api-request.js';
import { HttpTransport } from './http/http-transport.js';
import { type ApiKeyCredentials, RequestSigner } from './http/request-signing.js';
import { type RetryOptions, retryPolicy } from './http/retry-policy.js';
import { type PageLister, paginate } from './pagination/paginate.js';
import { AuditApi } from './resources/audit-api.js';
import { CatalogApi } from './resources/catalog-api.js';
import { HostsApi } from './resources/hosts-api.js';
import { InstancesApi } from './resources/instances-api.js';
import { JobsApi } from './resources/jobs-api.js';
import { VolumesApi } from './resources/volumes-api.js';
import { type WaitForJobOptions, waitForJob } from './waiter/wait-for-job.js';

/**
 * How a client reaches its server.
 * @public
 */
export interface EcloudClientOptions {
  /** The server's root, e.g. `https://cloud.example.com` (a path prefix is kept). */
  readonly baseUrl: string;
  /** A bearer token, when one is known already; {@link EcloudClient.login} sets one. */
  readonly token?: string;
  /**
   * A service account's API key: every request is then signed with it (`ECLOUD1-HMAC-SHA256`, a fresh
   * nonce and timestamp per try) and no bearer token is sent. Not together with `token`.
   */
  readonly apiKey?: ApiKeyCredentials;
  /** The undici dispatcher to send with (a pool, a proxy agent, a `MockAgent` in tests). */
  readonly dispatcher?: Dispatcher;
  /** Deadline of each try of a request, milliseconds (default 30,000). */
  readonly timeoutMs?: number;
  /** When failed requests are sent again. */
  readonly retry?: RetryOptions;
  /** The `User-Agent` header (default `ecloud-client`). */
  readonly userAgent?: string;
}

/**
 * Options of {@link EcloudClient.login}.
 * @public
 */
export interface LoginOptions extends CallOptions {
  /** The external directory to check the password against; the local users when left out. */
  readonly directory?: string;
}

/**
 * A typed client of the ECloud REST API:
 *
 * ```ts
 * const client = new EcloudClient({ baseUrl: 'http://127.0.0.1:8080' });
 * await client.login('sysadmin', password);
 * const job = await client.instances.create({ name: 'web-1', tenantId, offeringId, imageId });
 * await client.waitForJob(job.id, { onProgress: (j) => console.log(j.progress) });
 * ```
 *
 * Every failure is an {@link EcloudApiError}; a wait for a job that does not succeed throws an
 * {@link EcloudJobError}.
 * @public
 */
export class EcloudClient {
  /** Instances and their lifecycle. */
  readonly instances: InstancesApi;
  /** Hypervisor hosts and maintenance. */
  readonly hosts: HostsApi;
  /** Images instances are made from. */
  readonly images: CatalogApi<Image>;
  /** Offerings: instance sizes. */
  readonly offerings: CatalogApi<Offering>;
  /** Tenants (projects). */
  readonly tenants: CatalogApi<Tenant>;
  /** Volumes. */
  readonly volumes: VolumesApi;
  /** Jobs. */
  readonly jobs: JobsApi;
  /** The audit log. */
  readonly audit: AuditApi;
  readonly #transport: HttpTransport;
  #token: string | undefined;

  constructor(options: EcloudClientOptions) {
    if (options.apiKey !== undefined && options.token !== undefined) {
      throw new EcloudApiError({
        status: 0,
        code: 'INVALID_ARGUMENT',
        detail: 'Invalid options: give a token or an apiKey, not both.',
        retryable: false,
      });
    }
    this.#token = options.token;
    this.#transport = new HttpTransport({
      baseUrl: options.baseUrl,
      token: () => this.#token,
      ...(options.apiKey === undefined ? {} : { signer: new RequestSigner(options.apiKey) }),
      ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: retryPolicy(options.retry),
      userAgent: options.userAgent ?? 'ecloud-client',
    });
    this.instances = new InstancesApi(this.#transport);
    this.hosts = new HostsApi(this.#transport);
    this.images = new CatalogApi(this.#transport, 'images');
    this.offerings = new CatalogApi(this.#transport, 'offerings');
    this.tenants = new CatalogApi(this.#transport, 'tenants');
    this.volumes = new VolumesApi(this.#transport);
    this.jobs = new JobsApi(this.#transport);
    this.audit = new AuditApi(this.#transport);
  }

  /** The bearer token requests carry now, if any. */
  get token(): string | undefined {
    return this.#token;
  }

  /** Uses `token` from now on (undefined: none). */
  setToken(token: string | undefined): void {
    this.#token = token;
  }

  /** Logs in with a user name and password; the token answered is used from then on. */
  async login(username: string, password: string, options: LoginOptions = {}): Promise<Token> {
    const token = await this.#transport.send<Token>({
      method: 'POST',
      path: '/v1/auth/tokens',
      body: {
        username,
        password,
        ...(options.directory === undefined ? {} : { directory: options.directory }),
      },
      authenticated: false,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    this.#token = token.token;
    return token;
  }

  /** Waits for a job to end: see {@link waitForJob}. */
  waitForJob(jobId: string, options: WaitForJobOptions = {}): Promise<Job> {
    return waitForJob(this.jobs, jobId, options);
  }

  /** Every item of a list, page after page: see {@link paginate}. */
  paginate<T, Q extends { readonly cursor?: string }>(
    list: PageLister<T, Q>,
    query?: Omit<Q, 'cursor'>,
    options: CallOptions = {},
  ): AsyncGenerator<T, void, undefined> {
    return paginate(list, query, options);
  }
}
