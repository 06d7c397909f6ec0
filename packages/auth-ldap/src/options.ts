import { FilterParser } from 'ldapts';
import { z } from 'zod';
import { fillFilter } from './filter.js';

/** The user filter of a directory with `inetOrgPerson` users named by `uid` (OpenLDAP, 389 DS). @public */
export const DEFAULT_USER_FILTER = '(&(objectClass=inetOrgPerson)(uid={username}))';
/** The group filter of a directory with `groupOfNames` groups listing their members' DNs. @public */
export const DEFAULT_GROUP_FILTER = '(&(objectClass=groupOfNames)(member={dn}))';

/** Whether `template`, its placeholders filled with a harmless value, is a filter ldapts can send. */
function isParsableFilter(template: string): boolean {
  try {
    FilterParser.parseString(fillFilter(template, { username: 'x', dn: 'cn=x' }));
    return true;
  } catch {
    return false;
  }
}

const ldapUrl = z.string().refine(
  (value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (
      (url.protocol === 'ldap:' || url.protocol === 'ldaps:') &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === '' &&
      (url.pathname === '' || url.pathname === '/') &&
      url.search === '' &&
      url.hash === ''
    );
  },
  { message: 'must be an ldap:// or ldaps:// URL with a host and optional port only' },
);

/** Whether `url` (already a valid LDAP URL) is `ldaps://`. */
function isLdaps(url: string): boolean {
  return new URL(url).protocol === 'ldaps:';
}

const distinguishedName = z.string().trim().min(1, 'must be a non-empty DN');

const filterTemplate = (placeholders: readonly string[]) =>
  z
    .string()
    .refine((value) => placeholders.some((placeholder) => value.includes(placeholder)), {
      message: `must contain ${placeholders.join(' or ')}`,
    })
    .refine(isParsableFilter, { message: 'must be a valid RFC 4515 LDAP filter' });

/**
 * Options of {@link ldapAuthenticator}, validated when the authenticator is made (a bad one is
 * `INVALID_ARGUMENT` naming its path):
 *
 * - `name` (default `ldap`): the authenticator's name in the cloud;
 * - `url`: `ldap://host[:port]` or `ldaps://host[:port]`; plain `ldap://` without `startTls` sends the
 *   passwords in clear text and is meant for loopback and tests only;
 * - `bindDn` / `bindPassword`: the read-only service account the authenticator binds as to find users
 *   and their groups (a non-empty password: an empty one would be an anonymous bind);
 * - `baseDn`: where users are searched (whole subtree); `userFilter` finds one user, `{username}` being
 *   replaced by the RFC 4515-escaped user name;
 * - `groupBaseDn` (default `baseDn`) / `groupFilter`: where and how the user's groups are found, `{dn}`
 *   being the user's DN and `{username}` the user name (for `posixGroup`'s `memberUid`), both escaped;
 *   `groupNameAttribute` (default `cn`) names a group;
 * - `tls`: for `ldaps://` or `startTls` only — `ca` (PEM) to trust, and `rejectUnauthorized` (default
 *   true; false accepts any certificate and is for tests only);
 * - `startTls`: upgrades an `ldap://` connection with StartTLS before any bind;
 * - `timeoutMs` (default 5000): the most one authentication may take, connections included.
 * @public
 */
export const LdapAuthenticatorOptions = z
  .strictObject({
    name: z.string().trim().min(1).max(64).default('ldap'),
    url: ldapUrl,
    bindDn: distinguishedName,
    bindPassword: z.string().min(1, 'must not be empty (an empty password is an anonymous bind)'),
    baseDn: distinguishedName,
    userFilter: filterTemplate(['{username}']).default(DEFAULT_USER_FILTER),
    groupBaseDn: distinguishedName.optional(),
    groupFilter: filterTemplate(['{dn}', '{username}']).default(DEFAULT_GROUP_FILTER),
    groupNameAttribute: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'must be an attribute name')
      .default('cn'),
    tls: z
      .strictObject({
        ca: z.union([z.string().min(1), z.instanceof(Buffer)]).optional(),
        rejectUnauthorized: z.boolean().default(true),
      })
      .optional(),
    startTls: z.boolean().default(false),
    timeoutMs: z.number().int().min(1).max(300_000).default(5000),
  })
  .refine((options) => !(options.startTls && isLdaps(options.url)), {
    message: 'startTls applies to ldap:// URLs; ldaps:// is TLS already',
    path: ['startTls'],
  })
  .refine((options) => options.tls === undefined || options.startTls || isLdaps(options.url), {
    message: 'tls applies to ldaps:// URLs or with startTls',
    path: ['tls'],
  });

/** The options as applied, defaults filled in (the type of the {@link LdapAuthenticatorOptions} schema). @public */
export type LdapAuthenticatorOptions = z.infer<typeof LdapAuthenticatorOptions>;
/** The options as callers write them; omitted fields take their defaults. @public */
export type LdapAuthenticatorOptionsInput = z.input<typeof LdapAuthenticatorOptions>;
