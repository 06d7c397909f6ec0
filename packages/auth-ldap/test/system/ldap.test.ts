import { type Authenticator, EcloudError, type ExternalIdentity } from '@ecloud/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_CREDENTIALS_MESSAGE } from '../../src/errors.js';
import { mapGroupsToRoles } from '../../src/group-roles.js';
import { ldapAuthenticator } from '../../src/ldap-authenticator.js';
import type { LdapAuthenticatorOptionsInput } from '../../src/options.js';
import { type CountingServer, closedPort, countingProxy } from '../helpers/tcp.js';
import { env, password } from './ldap-env.js';

// Against the real OpenLDAP slapd that scripts/services.sh starts with the directory of
// fixtures/directory.ldif.template. Run: bash scripts/services.sh start && source .ecloud/services.env
// && npx vitest run --project system. A missing variable fails the run: it never skips.

const SECRETS = [env.bindPassword, ...Object.values(password)];
const people = (uid: string) => `uid=${uid},ou=people,${env.baseDn}`;

let proxy: CountingServer;
let ldap: Authenticator;

function authenticatorAt(url: string, extra: Partial<LdapAuthenticatorOptionsInput> = {}): Authenticator {
  return ldapAuthenticator({ ...env, url, name: 'corp-ldap', ...extra });
}

function login(username: string, pass: string, signal = new AbortController().signal, via = ldap) {
  return via.authenticate({ username, password: pass }, { signal });
}

/** What `promise` rejected with: an EcloudError that contains no password of the directory. */
async function failure(promise: Promise<unknown>): Promise<EcloudError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  if (!(error instanceof EcloudError)) throw error;
  const texts = [error.message, JSON.stringify(error), String(error.cause)];
  for (const secret of SECRETS) for (const text of texts) expect(text).not.toContain(secret);
  return error;
}

beforeAll(async () => {
  // Every connection goes through a counting proxy, so each test can check that none is left open.
  proxy = await countingProxy(env.url);
  ldap = authenticatorAt(proxy.url);
});

afterEach(async () => {
  await proxy.drained();
});

afterAll(async () => {
  await ldap.close();
  await proxy.close();
});

describe('LDAP authenticator against OpenLDAP', () => {
  it('authenticates alice with her DN, name, mail and both groups', async () => {
    const alice = await login('alice', password.alice);
    expect(alice).toEqual({
      externalId: people('alice'),
      username: 'alice',
      displayName: 'Alice Admin',
      email: 'alice@ecloud.test',
      groups: ['cloud-admins', 'developers'],
    } satisfies ExternalIdentity);
    // service account + alice
    expect(proxy.accepted()).toBeGreaterThanOrEqual(2);
  });

  it('gives bob one group and carol none', async () => {
    expect(await login('bob', password.bob)).toMatchObject({
      externalId: people('bob'),
      groups: ['developers'],
    });
    expect(await login('carol', password.carol)).toMatchObject({ externalId: people('carol'), groups: [] });
  });

  it('still finds a user and their groups when the name and DN hold filter characters', async () => {
    expect(await login('dave(ops)', password.dave)).toMatchObject({
      externalId: people('dave(ops)'),
      username: 'dave(ops)',
      groups: ['developers'],
    });
  });

  it('refuses a wrong password exactly as it refuses an unknown user', async () => {
    const wrong = await failure(login('alice', `${password.alice}x`));
    const unknown = await failure(login('mallory', password.alice));
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect(wrong.message).toBe(INVALID_CREDENTIALS_MESSAGE);
    expect(wrong.toJSON()).toEqual(unknown.toJSON());
    expect(wrong.cause).toBeUndefined();
    expect(unknown.cause).toBeUndefined();
    // Another user's valid password is just as wrong.
    expect((await failure(login('alice', password.bob))).toJSON()).toEqual(unknown.toJSON());
  });

  it('refuses an empty password without connecting (it would be an anonymous bind)', async () => {
    const before = proxy.accepted();
    const error = await failure(login('alice', ''));
    expect(error.toJSON()).toMatchObject({ code: 'UNAUTHENTICATED', message: INVALID_CREDENTIALS_MESSAGE });
    expect(proxy.accepted()).toBe(before);
  });

  it.each(['*', '*)(uid=*', 'ali*', '*)(uid=alice', 'alice)(|(uid=*', 'alice\0', '\\61lice'])(
    'refuses the injection %j even with a real password',
    async (username) => {
      // Unescaped, `ali*` or `*)(uid=alice` would select alice's entry and her password would log in.
      const error = await failure(login(username, password.alice));
      expect(error.toJSON()).toMatchObject({ code: 'UNAUTHENTICATED', message: INVALID_CREDENTIALS_MESSAGE });
    },
  );

  it('refuses a user name that matches two entries, even with the right password', async () => {
    const error = await failure(login('twin', password.twin));
    expect(error.toJSON()).toMatchObject({ code: 'UNAUTHENTICATED', message: INVALID_CREDENTIALS_MESSAGE });
    // Searched below ou=people only, the name is unique again.
    const scoped = authenticatorAt(proxy.url, {
      baseDn: `ou=people,${env.baseDn}`,
      groupBaseDn: `ou=groups,${env.baseDn}`,
    });
    expect(await login('twin', password.twin, undefined, scoped)).toMatchObject({
      externalId: people('twin'),
      groups: [],
    });
    await scoped.close();
  });

  it('answers IDENTITY_PROVIDER_UNAVAILABLE, retryable, when nothing listens at the URL', async () => {
    const url = `ldap://127.0.0.1:${await closedPort()}`;
    const error = await failure(login('alice', password.alice, undefined, authenticatorAt(url)));
    expect(error.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('answers IDENTITY_PROVIDER_UNAVAILABLE when TLS fails (ldaps:// to a plain LDAP port)', async () => {
    const error = await failure(
      login('alice', password.alice, undefined, authenticatorAt(proxy.url.replace('ldap:', 'ldaps:'))),
    );
    expect(error.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    expect(error.retryable).toBe(true);
  });

  it('answers IDENTITY_PROVIDER_UNAVAILABLE, not retryable, when StartTLS is not offered', async () => {
    const error = await failure(
      login('alice', password.alice, undefined, authenticatorAt(proxy.url, { startTls: true })),
    );
    expect(error.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    expect(error.details).toMatchObject({ step: 'start-tls' });
  });

  it('reports a refused service account as the provider failing, never as the user', async () => {
    const misconfigured = authenticatorAt(proxy.url, { bindPassword: 'not-the-reader-password' });
    const error = await failure(login('alice', password.alice, undefined, misconfigured));
    expect(error.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('service account');
  });

  it('is CANCELLED by an abort, before or during the exchange, and leaves no connection open', async () => {
    const before = proxy.accepted();
    expect((await failure(login('alice', password.alice, AbortSignal.abort()))).code).toBe('CANCELLED');
    expect(proxy.accepted()).toBe(before);

    const controller = new AbortController();
    const pending = login('alice', password.alice, controller.signal);
    controller.abort();
    expect((await failure(pending)).code).toBe('CANCELLED');
  });

  it('maps alice’s groups to roles', async () => {
    const alice = await login('alice', password.alice);
    const mapping = {
      'cloud-admins': ['system-admin'],
      developers: ['tenant-member', 'tenant-operator'],
      auditors: ['audit-admin'],
    };
    expect(mapGroupsToRoles(alice, mapping)).toEqual(['system-admin', 'tenant-member', 'tenant-operator']);
    expect(mapGroupsToRoles(await login('carol', password.carol), mapping)).toEqual([]);
  });

  it('serves concurrent logins, each with its own answer', async () => {
    const attempts = Array.from({ length: 30 }, (_, i) => {
      const [user, pass] = (
        [
          ['alice', password.alice],
          ['bob', password.bob],
          ['carol', password.carol],
        ] as const
      )[i % 3] ?? ['alice', password.alice];
      return i % 5 === 4 ? failure(login(user, 'wrong')) : login(user, pass);
    });
    const results = await Promise.all(attempts);
    results.forEach((result, i) => {
      if (i % 5 === 4) expect(result).toMatchObject({ code: 'UNAUTHENTICATED' });
      else expect(result).toMatchObject({ username: ['alice', 'bob', 'carol'][i % 3] });
    });
  });
});
