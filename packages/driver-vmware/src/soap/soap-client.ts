import { EcloudError, parseInput } from '@ecloud/core';
import { Agent, type Dispatcher, errors, request } from 'undici';
import { z } from 'zod';
import { faultError, readFault } from './soap-fault.js';
import { type ManagedObjectReference, moref, type SoapValue, writeElement } from './soap-value.js';
import { tlsConnector, untrustedCertificate } from './tls-connector.js';
import { child, malformedAnswer, parseXml, type XmlNode } from './xml-node.js';

// A timer takes at most 2^31-1 ms: Node fires a longer one after 1 ms, which would time every call out.
const TimeoutMs = z.number().int().positive().max(2_147_483_647);

/** Options of a {@link SoapClient}. @public */
export const SoapClientOptions = z.strictObject({
  /** The vSphere Web Services endpoint: `https://vcenter.example.com/sdk`. */
  url: z.url({ protocol: /^https?$/ }),
  /** How the server's certificate is trusted (verification is always on). */
  tls: z
    .strictObject({
      ca: z.string().min(1).optional(),
      thumbprint: z
        .string()
        .regex(
          /^([0-9A-Fa-f]{2}:?){19}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/,
          'a SHA-1 or SHA-256 fingerprint in hex',
        )
        .optional(),
    })
    .default({}),
  /** The vim25 version sent as SOAPAction (`urn:vim25/<version>`). */
  apiVersion: z
    .string()
    .regex(/^\d+\.\d+(\.\d+)*$/)
    .default('6.5'),
  /** Deadline of one call, in milliseconds. */
  timeoutMs: TimeoutMs.default(60_000),
  /** Keep-alive connections to the server. */
  connections: z.number().int().min(1).max(256).default(16),
  /** The largest answer accepted, in bytes: a bigger one is refused rather than held in memory. */
  maxAnswerBytes: z
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
});
/** Options of a {@link SoapClient} (as callers write them). @public */
export type SoapClientOptions = z.input<typeof SoapClientOptions>;

/** Per-call options. @public */
export interface SoapCallOptions {
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number;
}

const SESSION_COOKIE = 'vmware_soap_session';
const ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
  'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>';
const ENVELOPE_CLOSE = '</soapenv:Body></soapenv:Envelope>';

/**
 * vSphere's Web Services API over HTTP: one POST per method call, on a keep-alive pool (undici),
 * the session cookie carried between calls. Answers are the method's response element; faults become
 * typed errors. Session handling (login, re-login) sits above, in `VsphereSession`.
 * @public
 */
export class SoapClient {
  readonly #options: z.output<typeof SoapClientOptions>;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #where: string;
  #cookie: string | undefined;

  /**
   * @param dispatcher - undici dispatcher to send through instead of our own pool (a `MockAgent` in
   * tests, a proxy agent); the TLS options then are the dispatcher's business.
   */
  constructor(options: SoapClientOptions, dispatcher?: Dispatcher) {
    this.#options = parseInput(SoapClientOptions, options, 'vSphere SOAP client options');
    const url = new URL(this.#options.url);
    this.#where = url.host;
    this.#ownsDispatcher = dispatcher === undefined;
    this.#dispatcher =
      dispatcher ??
      new Agent({
        connect: tlsConnector(this.#options.tls),
        connections: this.#options.connections,
        keepAliveTimeout: 30_000,
      });
  }

  /** The session cookie the server set last, if any (a session is logged in while it holds). */
  get sessionCookie(): string | undefined {
    return this.#cookie;
  }

  /** Forgets the session cookie (after a logout, or to start afresh). */
  clearSession(): void {
    this.#cookie = undefined;
  }

  /**
   * Calls `method` on the managed object `target` with `args` (written in the order given) and
   * resolves with the method's response element (`<LoginResponse>`), whose `returnval` children hold
   * the result.
   */
  async invoke(
    method: string,
    target: ManagedObjectReference,
    args: Readonly<Record<string, SoapValue>> = {},
    options: SoapCallOptions = {},
  ): Promise<XmlNode> {
    const body =
      ENVELOPE_OPEN +
      `<${method} xmlns="urn:vim25">` +
      // A structural `{ type, value }` is a ManagedObjectReference to TypeScript too: without the
      // mark of moref() it would be written as a data object (`<_this><type>…`).
      writeElement('_this', moref(target.type, target.value)) +
      Object.entries(args)
        .map(([name, value]) => writeElement(name, value))
        .join('') +
      `</${method}>` +
      ENVELOPE_CLOSE;
    const { status, text } = await this.#post(method, body, options);
    return this.#answer(method, status, text);
  }

  async #post(
    method: string,
    body: string,
    options: SoapCallOptions,
  ): Promise<{ status: number; text: string }> {
    // Checked: AbortSignal.timeout() throws a RangeError (not ours) on a negative or fractional one.
    const timeoutMs =
      options.timeoutMs === undefined
        ? this.#options.timeoutMs
        : parseInput(TimeoutMs, options.timeoutMs, 'vSphere call timeoutMs');
    const signal = options.signal
      ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)])
      : AbortSignal.timeout(timeoutMs);
    try {
      const response = await request(this.#options.url, {
        method: 'POST',
        dispatcher: this.#dispatcher,
        signal,
        headers: {
          'content-type': 'text/xml; charset=utf-8',
          soapaction: `urn:vim25/${this.#options.apiVersion}`,
          ...(this.#cookie === undefined ? {} : { cookie: `${SESSION_COOKIE}=${this.#cookie}` }),
        },
        body,
      });
      this.#keepCookie(response.headers['set-cookie']);
      const text = await this.#readBody(response.body, method);
      return { status: response.statusCode, text };
    } catch (error) {
      throw this.#transportError(error, method, options.signal, timeoutMs);
    }
  }

  async #readBody(body: Dispatcher.ResponseData['body'], method: string): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > this.#options.maxAnswerBytes) {
        body.destroy();
        throw new EcloudError(
          'DRIVER_FAILURE',
          `vSphere ${method} answered more than ${this.#options.maxAnswerBytes} bytes.`,
          {
            details: { method, maxAnswerBytes: this.#options.maxAnswerBytes, reason: 'answer-too-large' },
          },
        );
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  #keepCookie(header: string | string[] | undefined): void {
    for (const line of Array.isArray(header) ? header : header === undefined ? [] : [header]) {
      const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]*)`).exec(line);
      if (match) this.#cookie = match[1];
    }
  }

  async #answer(method: string, status: number, text: string): Promise<XmlNode> {
    // A status that says the server (or a proxy in front of it) is not serving: without a SOAP
    // envelope to say more, that status is the answer, whatever page came with it.
    const unavailable = status >= 500 || status === 429 || status === 401 || status === 403;
    const looksLikeXml = text.trimStart().startsWith('<');
    if (!looksLikeXml) {
      if (unavailable) throw this.#httpError(method, status);
      throw malformedAnswer(`HTTP ${status} with a body that is not XML`);
    }
    let envelope: XmlNode;
    try {
      envelope = await parseXml(text);
    } catch (error) {
      // An HTML error page (`<hr>` unclosed) is not well-formed XML, yet it is a 503, not garbage.
      if (unavailable) throw this.#httpError(method, status);
      throw error;
    }
    const body = child(envelope, 'Body');
    if (envelope.name !== 'Envelope' || !body) {
      if (unavailable) throw this.#httpError(method, status);
      throw malformedAnswer(`<${envelope.name}> is not a SOAP envelope`);
    }
    const answer = body.children[0];
    if (!answer) throw malformedAnswer('the SOAP body is empty');
    if (answer.name === 'Fault') throw faultError(readFault(answer), method);
    if (status !== 200) throw this.#httpError(method, status);
    if (answer.name !== `${method}Response`)
      throw malformedAnswer(`<${answer.name}> does not answer ${method}`);
    return answer;
  }

  #httpError(method: string, status: number): EcloudError {
    return new EcloudError('DRIVER_UNAVAILABLE', `vSphere ${method}: the server answered HTTP ${status}.`, {
      details: { method, status, where: this.#where },
    });
  }

  #transportError(
    error: unknown,
    method: string,
    signal: AbortSignal | undefined,
    timeoutMs: number,
  ): EcloudError {
    if (EcloudError.is(error)) return error;
    if (signal?.aborted) {
      return new EcloudError('CANCELLED', `vSphere ${method} was cancelled.`, { details: { method } });
    }
    const name = (error as Error)?.name;
    if (
      name === 'TimeoutError' ||
      error instanceof errors.HeadersTimeoutError ||
      error instanceof errors.BodyTimeoutError
    ) {
      return new EcloudError('TIMEOUT', `vSphere ${method} did not answer within ${timeoutMs} ms.`, {
        details: { method, timeoutMs },
      });
    }
    const code = (error as { code?: string })?.code ?? '';
    if (/CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_VERIFY|HOSTNAME|IP_MISMATCH/i.test(code)) {
      return untrustedCertificate(this.#where, (error as Error).message);
    }
    return new EcloudError(
      'DRIVER_UNAVAILABLE',
      `Cannot reach vSphere at ${this.#where}: ${(error as Error)?.message ?? String(error)}.`,
      {
        details: { method, where: this.#where, ...(code ? { errorCode: code } : {}) },
        cause: error,
      },
    );
  }

  /** Closes the connections of our own pool (a dispatcher passed in is the caller's to close). */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }
}
