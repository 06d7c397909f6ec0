/**
 * `@ecloud/auth-ldap`: the ECloud authenticator (the `Authenticator` SPI of `@ecloud/core`) for LDAP
 * directories (R-SEC-4) — users and their groups from OpenLDAP, 389 DS or Active Directory. Start with
 * {@link ldapAuthenticator}; map directory groups to ECloud roles with {@link mapGroupsToRoles}.
 * @module @ecloud/auth-ldap
 */
export { INVALID_CREDENTIALS_MESSAGE } from './errors.js';
export { escapeFilterValue } from './filter.js';
export { GroupRoleMapping, mapGroupsToRoles } from './group-roles.js';
export { ldapAuthenticator } from './ldap-authenticator.js';
export {
  DEFAULT_GROUP_FILTER,
  DEFAULT_USER_FILTER,
  LdapAuthenticatorOptions,
  type LdapAuthenticatorOptionsInput,
} from './options.js';
