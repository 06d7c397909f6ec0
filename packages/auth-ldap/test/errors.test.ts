import { EcloudError } from '@ecloud/core';
import {
  BusyError,
  InsufficientAccessError,
  InvalidCredentialsError,
  NoSuchObjectError,
  SizeLimitExceededError,
  UnwillingToPerformError,
} from 'ldapts';
import { describe, expect, it } from 'vitest';
import { INVALID_CREDENTIALS_MESSAGE, type LdapStep, toLdapError } from '../src/errors.js';

const at = (step: LdapStep) => ({ authenticator: 'corp', url: 'ldap://ldap.test', step });

describe('toLdapError', () => {
  it('refuses the credentials, all alike and without a cause, when the server refuses the user', () => {
    const refusals = [
      toLdapError(new InvalidCredentialsError(), at('user-bind')),
      toLdapError(new UnwillingToPerformError(), at('user-bind')),
      toLdapError(new InsufficientAccessError(), at('user-bind')),
      toLdapError(new SizeLimitExceededError(), at('user-search')),
    ];
    for (const error of refusals) {
      expect(error.toJSON()).toEqual({
        code: 'UNAUTHENTICATED',
        message: INVALID_CREDENTIALS_MESSAGE,
        retryable: false,
        details: { authenticator: 'corp' },
      });
      expect(error.cause).toBeUndefined();
    }
  });

  it('reports a refused service account as a configuration problem, not as bad credentials', () => {
    const error = toLdapError(new InvalidCredentialsError(), at('service-bind'));
    expect(error.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('service account');
  });

  it('makes other LDAP results unavailability, retryable only when transient', () => {
    const busy = toLdapError(new BusyError(), at('group-search'));
    expect(busy).toMatchObject({ code: 'IDENTITY_PROVIDER_UNAVAILABLE', retryable: true });
    expect(busy.details).toMatchObject({ resultCode: 51, step: 'group-search' });
    const missingBase = toLdapError(new NoSuchObjectError(), at('user-search'));
    expect(missingBase).toMatchObject({ code: 'IDENTITY_PROVIDER_UNAVAILABLE', retryable: false });
    expect(missingBase.cause).toBeInstanceOf(NoSuchObjectError);
  });

  it('makes network failures retryable unavailability with the cause, and passes EcloudErrors on', () => {
    const reset = Object.assign(new Error('read ECONNRESET\nmore'), { code: 'ECONNRESET' });
    const error = toLdapError(reset, at('user-bind'));
    expect(error).toMatchObject({ code: 'IDENTITY_PROVIDER_UNAVAILABLE', retryable: true, cause: reset });
    expect(error.message).toBe('LDAP server ldap://ldap.test is unavailable (read ECONNRESET).');
    const own = new EcloudError('CANCELLED', 'stop');
    expect(toLdapError(own, at('user-bind'))).toBe(own);
  });
});
