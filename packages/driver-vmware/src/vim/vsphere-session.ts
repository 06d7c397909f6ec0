import { EcloudError, parseInput } from '@ecloud/core';
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { type SoapCallOptions, SoapClient, SoapClientOptions } from '../soap/soap-client.js';
import { faultError } from '../soap/soap-fault.js';
import { type ManagedObjectReference, moref, type SoapValue } from '../soap/soap-value.js';
import { malformedAnswer, requireChild, type XmlNode } from '../soap/xml-node.js';
import { readServiceContent, type ServiceContent } from './service-content.js';
import { decodeValue, isReference } from './vim-value.js';

/** Options of {@link VsphereSession.login}. @public */
export const VsphereSessionOptions = SoapClientOptions.extend({
  username: z.string().min(1),
  password: z.string().min(1),
});
/** Options of {@link VsphereSession.login} (as callers write them). @public */
export type VsphereSessionOptions = z.input<typeof VsphereSessionOptions>;

const SERVICE_INSTANCE = moref('ServiceInstance', 'ServiceInstance');

/**
 * A logged-in vSphere session: the service content, and method calls that survive the session
 * expiring — a call answered `NotAuthenticated` logs in again (once, however many calls saw it) and is
 * sent again. That is safe for any method: the server refused it without acting on it.
 * @public
 */
export class VsphereSession {
  readonly #client: SoapClient;
  readonly #username: string;
  readonly #password: string;
  readonly content: ServiceContent;
  #relogin: Promise<void> | undefined;
  #generation = 0;
  #closed = false;

  private constructor(
    client: SoapClient,
    options: z.output<typeof VsphereSessionOptions>,
    content: ServiceContent,
  ) {
    this.#client = client;
    this.#username = options.username;
    this.#password = options.password;
    this.content = content;
  }

  /**
   * How many server-side sessions this object has lost (0 until the first one expires); it moves when
   * a re-login begins, whether or not that login succeeds. What a session made — a PropertyCollector,
   * a view — went with it: whoever holds such an object compares this number from when it was made to
   * tell "my session was replaced, make it again" from "the server lost it".
   * @internal
   */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Reads the service content and logs in. Bad credentials are `DRIVER_UNAVAILABLE`, not retryable;
   * the password is never part of an error or log.
   * @param dispatcher - undici dispatcher to use instead of our own pool (tests, proxies).
   */
  static async login(options: VsphereSessionOptions, dispatcher?: Dispatcher): Promise<VsphereSession> {
    const parsed = parseInput(VsphereSessionOptions, options, 'vSphere session options');
    const { username: _u, password: _p, ...clientOptions } = parsed;
    const client = new SoapClient(clientOptions, dispatcher);
    try {
      const answer = await client.invoke('RetrieveServiceContent', SERVICE_INSTANCE);
      const session = new VsphereSession(
        client,
        parsed,
        readServiceContent(requireChild(answer, 'returnval')),
      );
      await session.#login();
      return session;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async #login(options: SoapCallOptions = {}): Promise<void> {
    this.#client.clearSession();
    await this.#client.invoke(
      'Login',
      this.content.sessionManager,
      { userName: this.#username, password: this.#password },
      options,
    );
  }

  /**
   * Calls `method` on `target`; resolves with the response element. A `NotAuthenticated` answer (the
   * session expired or was terminated) logs in again and sends the call once more.
   */
  async invoke(
    method: string,
    target: ManagedObjectReference,
    args: Readonly<Record<string, SoapValue>> = {},
    options: SoapCallOptions = {},
  ): Promise<XmlNode> {
    if (this.#closed) throw new EcloudError('DRIVER_UNAVAILABLE', 'The vSphere session is closed.');
    const cookie = this.#client.sessionCookie;
    try {
      return notAuthenticatedInside(method, await this.#client.invoke(method, target, args, options));
    } catch (error) {
      if (!isNotAuthenticated(error)) throw error;
      await this.#loginAgain(cookie, options);
      return notAuthenticatedInside(method, await this.#client.invoke(method, target, args, options));
    }
  }

  /** One login for every call that saw the same session expire. */
  async #loginAgain(expired: string | undefined, options: SoapCallOptions): Promise<void> {
    // Another call already logged in again since this one was sent.
    if (this.#client.sessionCookie !== expired && this.#relogin === undefined) return;
    if (this.#relogin === undefined) {
      this.#generation += 1;
      this.#relogin = this.#login({ signal: options.signal }).finally(() => {
        this.#relogin = undefined;
      });
    }
    await this.#relogin;
  }

  /** The `returnval` children of a call, for methods that answer with values. */
  async call(
    method: string,
    target: ManagedObjectReference,
    args: Readonly<Record<string, SoapValue>> = {},
    options: SoapCallOptions = {},
  ): Promise<XmlNode[]> {
    const answer = await this.invoke(method, target, args, options);
    return answer.children.filter((c) => c.name === 'returnval');
  }

  /** Starts a `*_Task` method; resolves with the task's reference (follow it with `waitForTask`). */
  async startTask(
    method: string,
    target: ManagedObjectReference,
    args: Readonly<Record<string, SoapValue>> = {},
    options: SoapCallOptions = {},
  ): Promise<ManagedObjectReference> {
    const [answer] = await this.call(method, target, args, options);
    const task = answer ? decodeValue(answer) : undefined;
    if (!isReference(task, 'Task')) throw malformedAnswer(`${method} answered no task`);
    return task;
  }

  /** Logs out and closes the connections; calls after it fail. */
  async logout(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.#client.invoke('Logout', this.content.sessionManager, {}, { timeoutMs: 5000 });
    } catch {
      // The session may already be gone; the connections are closed either way.
    }
    this.#client.clearSession();
    await this.#client.close();
  }
}

function isNotAuthenticated(error: unknown): boolean {
  return (
    EcloudError.is(error) &&
    (error.details as { faultType?: string } | undefined)?.faultType === 'NotAuthenticated'
  );
}

const RETRIEVALS = new Set(['RetrievePropertiesEx', 'ContinueRetrievePropertiesEx', 'RetrieveProperties']);

/**
 * Some servers (govmomi's simulator among them) answer a property retrieval without a session with
 * an answer, each object's properties in `missingSet` with a NotAuthenticated fault, where vCenter
 * sends the fault itself. Both mean the same: log in again.
 */
function notAuthenticatedInside(method: string, answer: XmlNode): XmlNode {
  if (!RETRIEVALS.has(method)) return answer;
  const missing = answer.children.flatMap((r) =>
    r.children.flatMap((o) => o.children.filter((c) => c.name === 'missingSet')),
  );
  const expired = missing.some((m) =>
    m.children.some((f) => f.name === 'fault' && f.children.some((x) => x.xsiType === 'NotAuthenticated')),
  );
  if (!expired) return answer;
  throw faultError(
    { type: 'NotAuthenticated', message: 'The session is not authenticated.', fields: {} },
    method,
  );
}
