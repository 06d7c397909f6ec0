import { AUTHENTICATOR_SPI_VERSION, EcloudError } from '@ecloud/core';
import { afterEach, describe, expect, it } from 'vitest';
import { INVALID_CREDENTIALS_MESSAGE } from '../src/errors.js';
import { ldapAuthenticator } from '../src/ldap-authenticator.js';
import type { LdapAuthenticatorOptionsInput } from '../src/options.js';
import { type CountingServer, closedPort, silentServer } from './helpers/tcp.js';

// No LDAP server here: a TCP server that never answers shows which attempts reach the network at all,
// and that every connection is closed. The real exchanges are in test/system/ldap.test.ts.

const BIND_PASSWORD = 'bind-secret-4f1c';
const USER_PASSWORD = 'user-secret-9a7e';
const servers: CountingServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function hanging(): Promise<CountingServer> {
  const server = await silentServer();
  servers.push(server);
  return server;
}

function options(
  url: string,
  extra: Partial<LdapAuthenticatorOptionsInput> = {},
): LdapAuthenticatorOptionsInput {
  return { url, bindDn: 'cn=reader,dc=x', bindPassword: BIND_PASSWORD, baseDn: 'dc=x', ...extra };
}

const noSignal = () => ({ signal: new AbortController().signal });

/** What `promise` rejected with, which must be an EcloudError free of both passwords. */
async function failure(promise: Promise<unknown>): Promise<EcloudError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof EcloudError)) throw error;
  for (const text of [error.message, JSON.stringify(error), JSON.stringify(error.details)]) {
    expect(text).not.toContain(BIND_PASSWORD);
    expect(text).not.toContain(USER_PASSWORD);
  }
  return error;
}

describe('ldapAuthenticator', () => {
  it('declares the authenticator SPI version of the core', () => {
    expect(ldapAuthenticator(options('ldap://127.0.0.1')).spiVersion).toBe(AUTHENTICATOR_SPI_VERSION);
  });

  it.each([
    ['an empty password', { username: 'alice', password: '' }],
    ['an empty user name', { username: '', password: USER_PASSWORD }],
    ['an over-long user name', { username: 'a'.repeat(257), password: USER_PASSWORD }],
    ['a password that is not a string', { username: 'alice', password: undefined as unknown as string }],
  ])('refuses %s before any bind, with the one message', async (_, credentials) => {
    const server = await hanging();
    const authenticator = ldapAuthenticator(options(server.url));
    const error = await failure(authenticator.authenticate(credentials, noSignal()));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe(INVALID_CREDENTIALS_MESSAGE);
    expect(error.retryable).toBe(false);
    expect(error.details).toEqual({ authenticator: 'ldap' });
    expect(error.cause).toBeUndefined();
    expect(server.accepted()).toBe(0);
  });

  it('answers IDENTITY_PROVIDER_UNAVAILABLE, retryable, with the cause, when the port is closed', async () => {
    const url = `ldap://127.0.0.1:${await closedPort()}`;
    const error = await failure(
      ldapAuthenticator(options(url)).authenticate(
        { username: 'alice', password: USER_PASSWORD },
        noSignal(),
      ),
    );
    expect(error.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.details).toMatchObject({ authenticator: 'ldap', url, step: 'service-bind' });
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('gives up after timeoutMs on a server that does not answer, and closes the connection', async () => {
    const server = await hanging();
    const started = Date.now();
    const error = await failure(
      ldapAuthenticator(options(server.url, { timeoutMs: 200 })).authenticate(
        { username: 'alice', password: USER_PASSWORD },
        noSignal(),
      ),
    );
    expect(error.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.accepted()).toBe(1);
    await server.drained();
  });

  it('is CANCELLED by an abort mid-bind, and closes the connection', async () => {
    const server = await hanging();
    const controller = new AbortController();
    const pending = ldapAuthenticator(options(server.url, { timeoutMs: 30_000 })).authenticate(
      { username: 'alice', password: USER_PASSWORD },
      { signal: controller.signal },
    );
    while (server.accepted() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('user went away'));
    const error = await failure(pending);
    expect(error.code).toBe('CANCELLED');
    expect(error.cause).toEqual(new Error('user went away'));
    await server.drained();
  });

  it('is CANCELLED at once by a signal aborted before the call, without connecting', async () => {
    const server = await hanging();
    const error = await failure(
      ldapAuthenticator(options(server.url)).authenticate(
        { username: 'alice', password: USER_PASSWORD },
        { signal: AbortSignal.abort() },
      ),
    );
    expect(error.code).toBe('CANCELLED');
    expect(server.accepted()).toBe(0);
  });

  it('cuts authentications in progress short on close, and refuses new ones', async () => {
    const server = await hanging();
    const authenticator = ldapAuthenticator(options(server.url, { timeoutMs: 30_000 }));
    const outcome = failure(
      authenticator.authenticate({ username: 'alice', password: USER_PASSWORD }, noSignal()),
    );
    while (server.accepted() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await authenticator.close();
    expect((await outcome).code).toBe('CANCELLED');
    await server.drained();
    const after = await failure(
      authenticator.authenticate({ username: 'alice', password: USER_PASSWORD }, noSignal()),
    );
    expect(after.code).toBe('ILLEGAL_STATE');
    await authenticator.close();
  });

  it('answers IDENTITY_PROVIDER_UNAVAILABLE when the TLS handshake fails', async () => {
    const server = await hanging();
    const error = await failure(
      ldapAuthenticator(options(server.url.replace('ldap:', 'ldaps:'), { timeoutMs: 300 })).authenticate(
        { username: 'alice', password: USER_PASSWORD },
        noSignal(),
      ),
    );
    expect(error.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    await server.drained();
  });
});
