import { EcloudError } from '@ecloud/core';
import { describe, expect, it } from 'vitest';
import { ldapAuthenticator } from '../src/ldap-authenticator.js';
import { DEFAULT_GROUP_FILTER, DEFAULT_USER_FILTER, LdapAuthenticatorOptions } from '../src/options.js';

const valid = {
  url: 'ldap://127.0.0.1:3389',
  bindDn: 'cn=reader,dc=x',
  bindPassword: 'secret-bind-password',
  baseDn: 'dc=x',
};

/** The INVALID_ARGUMENT error `ldapAuthenticator(options)` throws. */
function invalid(options: unknown): EcloudError {
  try {
    ldapAuthenticator(options as Parameters<typeof ldapAuthenticator>[0]);
  } catch (error) {
    if (EcloudError.is(error, 'INVALID_ARGUMENT')) return error;
    throw error;
  }
  throw new Error('the options were accepted');
}

describe('LDAP authenticator options', () => {
  it('fills in the defaults', () => {
    const options = LdapAuthenticatorOptions.parse(valid);
    expect(options).toEqual({
      ...valid,
      name: 'ldap',
      userFilter: DEFAULT_USER_FILTER,
      groupFilter: DEFAULT_GROUP_FILTER,
      groupNameAttribute: 'cn',
      startTls: false,
      timeoutMs: 5000,
    });
    expect(options.tls).toBeUndefined();
    expect(
      LdapAuthenticatorOptions.parse({ ...valid, url: 'ldaps://ldap.example.com', tls: {} }).tls,
    ).toEqual({
      rejectUnauthorized: true,
    });
    const authenticator = ldapAuthenticator({ ...valid, name: 'corp' });
    expect(authenticator.name).toBe('corp');
    expect(authenticator.spiVersion).toBe('1.0');
  });

  it('accepts ldaps://, IPv6 hosts, StartTLS with a CA and custom filters', () => {
    expect(() =>
      ldapAuthenticator({
        ...valid,
        url: 'ldaps://[::1]:636/',
        tls: { ca: Buffer.from('pem'), rejectUnauthorized: false },
      }),
    ).not.toThrow();
    expect(() =>
      ldapAuthenticator({
        ...valid,
        url: 'ldap://ldap.example.com',
        startTls: true,
        tls: { ca: '-----BEGIN CERTIFICATE-----' },
        userFilter: '(sAMAccountName={username})',
        groupFilter: '(&(objectClass=posixGroup)(memberUid={username}))',
        groupBaseDn: 'ou=groups,dc=x',
        groupNameAttribute: 'displayName',
      }),
    ).not.toThrow();
  });

  it.each([
    [{ ...valid, url: undefined }, 'url', 'expected string'],
    [{ ...valid, url: 'http://127.0.0.1' }, 'url', 'ldap:// or ldaps://'],
    [{ ...valid, url: 'ldap://' }, 'url', 'ldap:// or ldaps://'],
    [{ ...valid, url: 'ldap://user:pw@host' }, 'url', 'ldap:// or ldaps://'],
    [{ ...valid, url: 'ldap://host/dc=x?uid' }, 'url', 'ldap:// or ldaps://'],
    [{ ...valid, bindDn: ' ' }, 'bindDn', 'non-empty DN'],
    [{ ...valid, bindPassword: '' }, 'bindPassword', 'anonymous bind'],
    [{ ...valid, baseDn: undefined }, 'baseDn', 'expected string'],
    [{ ...valid, userFilter: '(uid=alice)' }, 'userFilter', 'must contain {username}'],
    [{ ...valid, userFilter: '(uid={username}' }, 'userFilter', 'RFC 4515'],
    [
      { ...valid, groupFilter: '(objectClass=groupOfNames)' },
      'groupFilter',
      'must contain {dn} or {username}',
    ],
    [{ ...valid, groupNameAttribute: 'cn)(x' }, 'groupNameAttribute', 'attribute name'],
    [{ ...valid, timeoutMs: 0 }, 'timeoutMs', ''],
    [{ ...valid, timeoutMs: 1.5 }, 'timeoutMs', ''],
    [{ ...valid, tls: { rejectUnauthorized: 'no' } }, 'tls.rejectUnauthorized', ''],
    [{ ...valid, tls: { ca: 'pem' } }, 'tls', 'ldaps:// URLs or with startTls'],
    [{ ...valid, url: 'ldaps://host', startTls: true }, 'startTls', 'ldaps:// is TLS already'],
    [{ ...valid, passwordAttribute: 'userPassword' }, '(root)', 'passwordAttribute'],
  ])('refuses %j at %s', (options, path, words) => {
    const error = invalid(options);
    expect(error.message).toMatch(
      new RegExp(`^Invalid LDAP authenticator options: ${path.replace(/[.()]/g, '\\$&')} `),
    );
    expect(error.message).toContain(words);
    expect(error.details.issues).toContainEqual(expect.objectContaining({ path }));
  });

  it('never puts the bind password in the error', () => {
    const error = invalid({ ...valid, url: 'ftp://x' });
    expect(JSON.stringify(error)).not.toContain(valid.bindPassword);
    expect(error.message).not.toContain(valid.bindPassword);
  });
});
