import { EcloudError } from '@ecloud/core';

/**
 * The one message of every refused login — unknown user, wrong or empty password, ambiguous user — so
 * that a caller cannot tell which it was.
 * @public
 */
export const INVALID_CREDENTIALS_MESSAGE = 'Invalid user name or password.';

/** The step of an authentication an error happened in; it decides what an LDAP result code means. @internal */
export type LdapStep = 'start-tls' | 'service-bind' | 'user-search' | 'user-bind' | 'group-search';

/** What an error says about where it came from, for the messages of {@link toLdapError}. @internal */
export interface LdapErrorContext {
  readonly authenticator: string;
  readonly url: string;
  readonly step: LdapStep;
}

/** The refusal of credentials: the same error, message and details in every case, and no cause. @internal */
export function invalidCredentials(authenticator: string): EcloudError {
  return new EcloudError('UNAUTHENTICATED', INVALID_CREDENTIALS_MESSAGE, { details: { authenticator } });
}

// LDAP result codes (RFC 4511 §4.1.9) that ldapts raises as errors with a numeric `code`.
const SIZE_LIMIT_EXCEEDED = 4;
const TIME_LIMIT_EXCEEDED = 3;
const ADMIN_LIMIT_EXCEEDED = 11;
const INAPPROPRIATE_AUTHENTICATION = 48;
const INVALID_CREDENTIALS = 49;
const INSUFFICIENT_ACCESS_RIGHTS = 50;
const BUSY = 51;
const UNAVAILABLE = 52;
const UNWILLING_TO_PERFORM = 53;

/** Result codes a server answers a user's bind with when it refuses that user (locked, expired, ...). */
const USER_REFUSED = new Set([
  INAPPROPRIATE_AUTHENTICATION,
  INVALID_CREDENTIALS,
  INSUFFICIENT_ACCESS_RIGHTS,
  UNWILLING_TO_PERFORM,
]);
/** Result codes that say the server is overloaded for now rather than misconfigured. */
const TRANSIENT = new Set([TIME_LIMIT_EXCEEDED, ADMIN_LIMIT_EXCEEDED, BUSY, UNAVAILABLE]);

/** The LDAP result code of an ldapts error, if it is one (network errors have string codes). */
function resultCodeOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Turns what ldapts or the network threw during `step` into an EcloudError:
 * - a refused user bind, or a user search matching more than one entry → `UNAUTHENTICATED` with
 *   {@link INVALID_CREDENTIALS_MESSAGE}, no cause;
 * - the service account refused → `IDENTITY_PROVIDER_UNAVAILABLE`, not retryable (a configuration
 *   error, nothing known of the user's credentials);
 * - any other LDAP result → `IDENTITY_PROVIDER_UNAVAILABLE`, retryable only for busy / unavailable /
 *   limits;
 * - anything else (connection refused or reset, timeout, TLS failure) → `IDENTITY_PROVIDER_UNAVAILABLE`,
 *   retryable, with the cause.
 * Error messages never contain a password: none is ever passed here.
 * @internal
 */
export function toLdapError(error: unknown, context: LdapErrorContext): EcloudError {
  if (error instanceof EcloudError) return error;
  const { authenticator, url, step } = context;
  const details = { authenticator, url, step };
  const code = resultCodeOf(error);
  if (code !== undefined) {
    if (step === 'user-bind' && USER_REFUSED.has(code)) return invalidCredentials(authenticator);
    if (step === 'user-search' && code === SIZE_LIMIT_EXCEEDED) return invalidCredentials(authenticator);
    const reason = error instanceof Error ? error.message : String(error);
    const message =
      step === 'service-bind' && code === INVALID_CREDENTIALS
        ? `LDAP server ${url} refused the service account (check bindDn and bindPassword).`
        : `LDAP server ${url} failed the ${step} (${reason}).`;
    return new EcloudError('IDENTITY_PROVIDER_UNAVAILABLE', message, {
      details: { ...details, resultCode: code },
      retryable: TRANSIENT.has(code),
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new EcloudError('IDENTITY_PROVIDER_UNAVAILABLE', `LDAP server ${url} is unavailable (${reason}).`, {
    details,
    retryable: true,
    cause: error,
  });
}
