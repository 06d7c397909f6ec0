import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { EcloudError } from '@ecloud/core';
import { Client } from 'ldapts';
import { type LdapStep, toLdapError } from './errors.js';
import type { LdapAuthenticatorOptions } from './options.js';

/**
 * The connections of one authentication and the things that may cut it short. Every connection it opens
 * is closed by {@link LdapSession.close}, which the authenticator calls in a `finally`; an abort of the
 * caller's signal (→ `CANCELLED`), the `timeoutMs` deadline (→ `IDENTITY_PROVIDER_UNAVAILABLE`) or
 * {@link LdapSession.interrupt} close them at once and fail the step in progress.
 * @internal
 */
export class LdapSession {
  private readonly clients = new Set<Client>();
  private readonly interrupted: Promise<never>;
  private rejectInterrupted: (error: EcloudError) => void = () => undefined;
  private interruption: EcloudError | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly onAbort = (): void => {
    this.interrupt(
      new EcloudError('CANCELLED', 'The authentication was cancelled.', {
        details: { authenticator: this.options.name },
        cause: this.signal.reason,
      }),
    );
  };

  constructor(
    private readonly options: LdapAuthenticatorOptions,
    private readonly signal: AbortSignal,
  ) {
    this.interrupted = new Promise<never>((_, reject) => {
      this.rejectInterrupted = reject;
    });
    // Raced against every step; nothing may be left unhandled when no step is running.
    this.interrupted.catch(() => undefined);
    this.timer = setTimeout(() => {
      this.interrupt(
        new EcloudError(
          'IDENTITY_PROVIDER_UNAVAILABLE',
          `LDAP server ${options.url} did not answer within ${options.timeoutMs} ms.`,
          { details: { authenticator: options.name, url: options.url }, retryable: true },
        ),
      );
    }, options.timeoutMs);
    this.timer.unref();
    if (signal.aborted) this.onAbort();
    else signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Ends the session with `error`: the step in progress fails with it and every connection closes. */
  interrupt(error: EcloudError): void {
    if (this.interruption !== undefined) return;
    this.interruption = error;
    this.rejectInterrupted(error);
    for (const client of this.clients) void unbindQuietly(client);
  }

  /**
   * A connection to the server, bound as `dn` with `password` — upgraded with StartTLS first when the
   * options say so. `step` names the bind in errors.
   */
  async bind(dn: string, password: string, step: 'service-bind' | 'user-bind'): Promise<Client> {
    const { url, tls, timeoutMs } = this.options;
    const client = new Client({
      url,
      timeout: timeoutMs,
      connectTimeout: timeoutMs,
      // Given to ldap:// too, ldapts would speak TLS at once: StartTLS gets them below instead.
      ...(tls !== undefined && !this.options.startTls ? { tlsOptions: this.tlsOptions() } : {}),
    });
    this.clients.add(client);
    if (this.options.startTls) await this.step('start-tls', () => client.startTLS(this.tlsOptions()));
    await this.step(step, () => client.bind(dn, password));
    return client;
  }

  /**
   * Runs one step: its failure becomes an EcloudError ({@link toLdapError}), and it is cut short by an
   * interruption.
   */
  async step<T>(step: LdapStep, run: () => Promise<T>): Promise<T> {
    if (this.interruption !== undefined) throw this.interruption;
    const { name: authenticator, url } = this.options;
    const running = run().catch((error: unknown) => {
      throw toLdapError(error, { authenticator, url, step });
    });
    return Promise.race([running, this.interrupted]);
  }

  /** Closes every connection (unbind, then the socket) and stops watching the signal and the clock. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.signal.removeEventListener('abort', this.onAbort);
    const clients = [...this.clients];
    this.clients.clear();
    await Promise.all(clients.map(unbindQuietly));
  }

  private tlsOptions(): ConnectionOptions {
    const { tls, url } = this.options;
    // URL keeps the brackets of an IPv6 host; tls wants the bare address.
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    return {
      host,
      // SNI takes host names only; an IP address is still checked against the certificate.
      ...(isIP(host) === 0 ? { servername: host } : {}),
      rejectUnauthorized: tls?.rejectUnauthorized ?? true,
      ...(tls?.ca === undefined ? {} : { ca: tls.ca }),
    };
  }
}

/** Unbinds and closes `client`'s socket, ignoring errors: the connection may be half gone already. */
async function unbindQuietly(client: Client): Promise<void> {
  try {
    await client.unbind();
  } catch {
    // The socket is destroyed by unbind's own finally; nothing else to release.
  }
}
