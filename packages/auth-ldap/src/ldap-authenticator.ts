import {
  AUTHENTICATOR_SPI_VERSION,
  type Authenticator,
  EcloudError,
  type ExternalIdentity,
  type PasswordCredentials,
  parseInput,
} from '@ecloud/core';
import { allValues, firstValue } from './entry.js';
import { invalidCredentials } from './errors.js';
import { fillFilter } from './filter.js';
import { LdapSession } from './ldap-session.js';
import { LdapAuthenticatorOptions, type LdapAuthenticatorOptionsInput } from './options.js';

/** User names longer than this are refused without asking the server. */
const MAX_USERNAME_LENGTH = 256;
/** Groups are read in pages of this size, under the server's size limit (OpenLDAP's default is 500). */
const GROUP_PAGE_SIZE = 200;

/**
 * An {@link Authenticator} for an LDAP directory (OpenLDAP, 389 DS, Active Directory with a matching
 * `userFilter`) — R-SEC-4. One authentication:
 *
 * 1. refuses an empty user name or password at once — an LDAP simple bind with an empty password is an
 *    *unauthenticated* bind that servers accept, so it must never reach one;
 * 2. binds as the service account (`bindDn`) and searches `baseDn` with `userFilter`, the user name
 *    escaped per RFC 4515 ({@link escapeFilterValue}); anything but exactly one entry is refused;
 * 3. binds as that entry's DN with the password on a connection of its own;
 * 4. searches `groupBaseDn` with `groupFilter` (the DN escaped) as the service account, and answers
 *    the entry's DN as `externalId`, its `cn` as `displayName`, its `mail` as `email` and the groups'
 *    `groupNameAttribute` values (sorted) as `groups`. `username` is the name as presented.
 *
 * Errors: unknown user, wrong or empty password and ambiguous user are all `UNAUTHENTICATED` with
 * {@link INVALID_CREDENTIALS_MESSAGE} and the same details, so that a caller cannot probe for names;
 * a server that cannot be reached, times out (`timeoutMs` for the whole authentication), fails TLS or
 * refuses the service account is `IDENTITY_PROVIDER_UNAVAILABLE` with the cause; an aborted `signal` is
 * `CANCELLED`. No error ever contains a password. Every connection is closed before `authenticate`
 * settles, whatever the outcome; `close()` cuts authentications in progress short (`CANCELLED`).
 *
 * @throws EcloudError `INVALID_ARGUMENT` naming the bad option.
 * @public
 */
export function ldapAuthenticator(options: LdapAuthenticatorOptionsInput): Authenticator {
  const config = parseInput(LdapAuthenticatorOptions, options, 'LDAP authenticator options');
  const sessions = new Set<LdapSession>();
  let closed = false;

  async function authenticate(
    session: LdapSession,
    username: string,
    password: string,
  ): Promise<ExternalIdentity> {
    const service = await session.bind(config.bindDn, config.bindPassword, 'service-bind');
    const found = await session.step('user-search', () =>
      service.search(config.baseDn, {
        scope: 'sub',
        filter: fillFilter(config.userFilter, { username }),
        attributes: ['cn', 'mail'],
        // Two are enough to know the name is ambiguous.
        sizeLimit: 2,
      }),
    );
    const [user, ...others] = found.searchEntries;
    if (user === undefined || others.length > 0) throw invalidCredentials(config.name);

    await session.bind(user.dn, password, 'user-bind');

    const groups = await session.step('group-search', () =>
      service.search(config.groupBaseDn ?? config.baseDn, {
        scope: 'sub',
        filter: fillFilter(config.groupFilter, { dn: user.dn, username }),
        attributes: [config.groupNameAttribute],
        paged: { pageSize: GROUP_PAGE_SIZE },
      }),
    );
    const groupNames = new Set(
      groups.searchEntries.flatMap((group) => allValues(group, config.groupNameAttribute).slice(0, 1)),
    );
    const displayName = firstValue(user, 'cn');
    const email = firstValue(user, 'mail');
    return {
      externalId: user.dn,
      username,
      ...(displayName === undefined ? {} : { displayName }),
      ...(email === undefined ? {} : { email }),
      groups: [...groupNames].sort(),
    };
  }

  return {
    name: config.name,
    spiVersion: AUTHENTICATOR_SPI_VERSION,

    async authenticate(credentials: PasswordCredentials, { signal }: { readonly signal: AbortSignal }) {
      if (signal.aborted) {
        throw new EcloudError('CANCELLED', 'The authentication was cancelled.', {
          details: { authenticator: config.name },
          cause: signal.reason,
        });
      }
      if (closed) {
        throw new EcloudError('ILLEGAL_STATE', `LDAP authenticator ${config.name} is closed.`, {
          details: { authenticator: config.name },
        });
      }
      const { username, password } = credentials;
      if (
        typeof username !== 'string' ||
        typeof password !== 'string' ||
        username.length === 0 ||
        username.length > MAX_USERNAME_LENGTH ||
        password.length === 0
      ) {
        throw invalidCredentials(config.name);
      }
      const session = new LdapSession(config, signal);
      sessions.add(session);
      try {
        return await authenticate(session, username, password);
      } finally {
        sessions.delete(session);
        await session.close();
      }
    },

    async close() {
      closed = true;
      const open = [...sessions];
      for (const session of open) {
        session.interrupt(
          new EcloudError('CANCELLED', `LDAP authenticator ${config.name} was closed.`, {
            details: { authenticator: config.name },
          }),
        );
      }
      await Promise.all(open.map((session) => session.close()));
    },
  };
}
