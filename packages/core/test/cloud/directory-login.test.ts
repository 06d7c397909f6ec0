import { afterEach, describe, expect, it } from 'vitest';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import {
  AUTHENTICATOR_SPI_VERSION,
  type Authenticator,
  type ExternalIdentity,
} from '../../src/identity/authenticator.js';
import { type Fixture, failure, makeFixture } from '../helpers/fixture.js';

/** A directory of two users for unit tests; the real one (slapd) is in @ecloud/auth-ldap's system tests. */
function directory(groups: Record<string, string[]>): Authenticator & { closed: boolean } {
  return {
    name: 'corp',
    spiVersion: AUTHENTICATOR_SPI_VERSION,
    closed: false,
    async authenticate({ username, password }): Promise<ExternalIdentity> {
      if (username === 'down') throw new EcloudError('IDENTITY_PROVIDER_UNAVAILABLE', 'directory down');
      if (password !== `${username}-pw` || !(username in groups))
        throw new EcloudError('UNAUTHENTICATED', 'Invalid user name or password.');
      return { externalId: `uid=${username}`, username, groups: groups[username] ?? [] };
    },
    async close() {
      this.closed = true;
    },
  };
}

describe('logging in through a directory', () => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('maps groups to bindings, audits every attempt, and closes the authenticator with the cloud', async () => {
    const corp = directory({ ann: ['ops'], 'odd name!': [] });
    f = await makeFixture({
      cloud: {
        identity: {
          directories: [
            {
              authenticator: corp,
              groupRoles: { ops: [{ roleId: 'role-operator', scope: { kind: 'platform' } }] },
            },
          ],
        },
      },
    });
    const ann = await f.cloud.identity.login({ username: 'ann', password: 'ann-pw', directory: 'corp' });
    const ctx = await f.cloud.identity.authenticate(ann.token);
    expect(await f.cloud.identity.allowed(ctx, 'host:maintenance', { kind: 'platform' })).toBe(true);
    const odd = await f.cloud.identity.login({
      username: 'odd name!',
      password: 'odd name!-pw',
      directory: 'corp',
    });
    expect(await f.cloud.identity.principals.get(f.admin, odd.principalId)).toMatchObject({
      name: 'corp.odd_name_',
    });

    expect(
      (await failure(f.cloud.identity.login({ username: 'ann', password: 'x', directory: 'corp' }))).code,
    ).toBe('UNAUTHENTICATED');
    expect(
      (await failure(f.cloud.identity.login({ username: 'down', password: 'x', directory: 'corp' }))).code,
    ).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    // Disabled in the cloud: the directory's yes is not enough.
    await f.cloud.identity.principals.setState(f.admin, ann.principalId, 'disabled');
    expect(
      (await failure(f.cloud.identity.login({ username: 'ann', password: 'ann-pw', directory: 'corp' })))
        .code,
    ).toBe('UNAUTHENTICATED');
    const logins = (await f.cloud.audit.list(f.admin, { limit: 100 })).items.filter(
      (r) => r.action === 'session:login',
    );
    expect(logins.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'failed', 'failed', 'failed']);
    await f.cloud.close();
    expect(corp.closed).toBe(true);
  });

  it('refuses a mapping to a role that does not exist, and directories with one name', async () => {
    f = await makeFixture({
      cloud: {
        identity: {
          directories: [
            {
              authenticator: directory({ ann: ['ops'] }),
              groupRoles: { ops: [{ roleId: 'role-nope', scope: { kind: 'platform' } }] },
            },
          ],
        },
      },
    });
    expect(
      (await failure(f.cloud.identity.login({ username: 'ann', password: 'ann-pw', directory: 'corp' })))
        .code,
    ).toBe('ILLEGAL_STATE');
    await expect(
      makeFixture({
        cloud: {
          identity: { directories: [{ authenticator: directory({}) }, { authenticator: directory({}) }] },
        },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
