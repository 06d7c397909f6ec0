/** The version of the authenticator SPI this core implements; a plugin's major must match. @public */
export const AUTHENTICATOR_SPI_VERSION = '1.0';

/** A user name and password as a caller presented them. Never logged, never stored. @public */
export interface PasswordCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Who an external identity system says the caller is (R-SEC-4): a stable id there, the name to show,
 * and the groups it puts the user in — which the cloud maps to role bindings.
 * @public
 */
export interface ExternalIdentity {
  /** Stable and unique within the authenticator (an LDAP entry's DN or entryUUID, an OIDC `sub`). */
  readonly externalId: string;
  readonly username: string;
  readonly displayName?: string;
  readonly email?: string;
  /** Names of the groups the identity system puts the user in. */
  readonly groups: readonly string[];
}

/**
 * An external identity system the cloud authenticates against (LDAP, OIDC, ...). `authenticate`
 * resolves the identity, throws `UNAUTHENTICATED` for credentials it refuses — with one message for an
 * unknown user and a wrong password, so a caller cannot probe for names — and
 * `IDENTITY_PROVIDER_UNAVAILABLE` when the system cannot be reached, which is no answer about the
 * credentials. It honours `signal`.
 * @public
 */
export interface Authenticator {
  /** Unique within a cloud; recorded on the users it authenticates. */
  readonly name: string;
  readonly spiVersion: string;
  /** Checks the credentials with the identity system and says whose they are. */
  authenticate(
    credentials: PasswordCredentials,
    options: { readonly signal: AbortSignal },
  ): Promise<ExternalIdentity>;
  /** Releases connections; the cloud calls it on close. */
  close(): Promise<void>;
}
