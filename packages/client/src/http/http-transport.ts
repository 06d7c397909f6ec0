import { type Dispatcher, request } from 'undici';
import { EcloudApiError } from '../errors/ecloud-api-error.js';
import { errorFromAnswer } from '../errors/error-from-answer.js';
import { sleep } from '../timing/backoff.js';
import type { ApiCaller, ApiRequest } from './api-request.js';
import type { RequestSigner } from './request-signing.js';
import { requestUrl } from './request-url.js';
import { type RetryPolicy, retryDelay } from './retry-policy.js';

/** How the transport reaches the server. @internal */
export interface TransportOptions {
  readonly baseUrl: string;
  /** The bearer token now (it changes on login). */
  readonly token: () => string | undefined;
  /** Signs every authenticated request with an API key instead of sending the token. */
  readonly signer?: RequestSigner;
  readonly dispatcher?: Dispatcher;
  /** Deadline of each try, milliseconds. */
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly userAgent: string;
}

/**
 * Sends requests with undici: JSON in and out, the bearer token, a deadline per try, retries of what is
 * safe to repeat, and every failure as an {@link EcloudApiError}.
 * @internal
 */
export class HttpTransport implements ApiCaller {
  readonly #options: TransportOptions;

  constructor(options: TransportOptions) {
    this.#options = options;
  }

  async send<T>(spec: ApiRequest): Promise<T> {
    const safeToRepeat = spec.method === 'GET' || spec.idempotencyKey !== undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.#sendOnce(spec)) as T;
      } catch (error) {
        const pause = retryDelay(error, attempt, this.#options.retry, safeToRepeat);
        if (pause === undefined) throw error;
        await sleep(pause, spec.signal).catch((reason: unknown) => {
          throw cancelled(reason);
        });
      }
    }
  }

  async #sendOnce(spec: ApiRequest): Promise<unknown> {
    const deadline = AbortSignal.timeout(this.#options.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, deadline]) : deadline;
    try {
      const url = requestUrl(this.#options.baseUrl, spec.path, spec.query);
      // Serialised once: a signature covers exactly the bytes sent.
      const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
      const answer = await request(url, {
        method: spec.method,
        headers: this.#headers(spec, url, body),
        ...(body === undefined ? {} : { body }),
        ...(this.#options.dispatcher === undefined ? {} : { dispatcher: this.#options.dispatcher }),
        signal,
      });
      // The body is read to its end whatever the status: an unread body holds the connection.
      const text = await answer.body.text();
      if (answer.statusCode >= 400) throw errorFromAnswer(answer.statusCode, answer.headers, text);
      return parseSuccess(answer.statusCode, text);
    } catch (error) {
      if (error instanceof EcloudApiError) throw error;
      if (spec.signal?.aborted) throw cancelled(spec.signal.reason);
      if (deadline.aborted) throw timedOut(this.#options.timeoutMs, error);
      throw networkFailure(error);
    }
  }

  #headers(spec: ApiRequest, url: string, body: string | undefined): Record<string, string> {
    const signer = spec.authenticated === false ? undefined : this.#options.signer;
    const token = spec.authenticated === false || signer ? undefined : this.#options.token();
    return {
      accept: 'application/json, application/problem+json',
      'user-agent': this.#options.userAgent,
      ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(signer === undefined
        ? {}
        : { authorization: signer.authorization(spec.method, new URL(url), body) }),
      ...(spec.idempotencyKey === undefined ? {} : { 'idempotency-key': spec.idempotencyKey }),
      ...spec.headers,
    };
  }
}

/** A success answer's JSON; no body (204) is undefined. */
function parseSuccess(status: number, text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EcloudApiError({
      status,
      code: 'HTTP_ERROR',
      detail: `The server answered HTTP ${status} with a body that is not JSON.`,
      retryable: false,
      details: { body: text.trim().slice(0, 200) },
      cause: error,
    });
  }
}

function cancelled(reason: unknown): EcloudApiError {
  return new EcloudApiError({
    status: 0,
    code: 'CANCELLED',
    detail: 'The request was cancelled by its caller.',
    retryable: false,
    cause: reason,
  });
}

function timedOut(timeoutMs: number, cause: unknown): EcloudApiError {
  return new EcloudApiError({
    status: 0,
    code: 'TIMEOUT',
    detail: `No answer within ${timeoutMs} ms.`,
    retryable: true,
    cause,
  });
}

function networkFailure(cause: unknown): EcloudApiError {
  const { message, code } = describeFailure(cause);
  return new EcloudApiError({
    status: 0,
    code: 'NETWORK_ERROR',
    detail: `The server could not be reached: ${message}`,
    retryable: true,
    details: code === undefined ? {} : { cause: code },
    cause,
  });
}

/** A failure's message and system code; a connection tried on several addresses fails with an AggregateError. */
function describeFailure(cause: unknown): { message: string; code: string | undefined } {
  const first = cause instanceof AggregateError && cause.errors.length > 0 ? cause.errors[0] : cause;
  const code = (first as { code?: unknown } | null | undefined)?.code;
  const text = first instanceof Error ? first.message : String(first);
  return {
    message: text || (typeof code === 'string' ? code : 'connection failed'),
    code: typeof code === 'string' ? code : undefined,
  };
}
