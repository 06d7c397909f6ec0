import { z } from 'zod';
import { RecordMeta, ResourceName } from '../model/common.js';
import { listFilter } from '../model/page.js';

/** Who can hold rights: a person, a group of users, or a machine (R-SEC-1). @public */
export const PrincipalKind = z.enum(['user', 'group', 'serviceAccount']);
/** Who can hold rights (the type of the {@link PrincipalKind} schema). @public */
export type PrincipalKind = z.infer<typeof PrincipalKind>;

/**
 * A user, group or service account. `source` is `local` for principals the cloud manages itself, or the
 * name of the authenticator (LDAP, ...) that vouches for it, with its id there in `externalId`.
 * Credentials are never part of this record.
 * @public
 */
export const Principal = RecordMeta.extend({
  kind: PrincipalKind,
  name: ResourceName,
  displayName: z.string().max(255),
  email: z.string().max(320).nullable(),
  state: z.enum(['active', 'disabled']),
  source: z.string().min(1).max(63),
  externalId: z.string().max(1024).nullable(),
});
/** A user, group or service account (the type of the {@link Principal} schema). @public */
export type Principal = z.infer<typeof Principal>;

/** Input of `cloud.identity.principals.create`. @public */
export const CreatePrincipalInput = z.strictObject({
  kind: PrincipalKind,
  name: ResourceName,
  displayName: z.string().max(255).optional(),
  email: z.email().max(320).optional(),
  /** A local user's first password, checked against the password policy. */
  password: z.string().min(1).max(1024).optional(),
});
/** Input of `cloud.identity.principals.create` (the type of the {@link CreatePrincipalInput} schema, as callers write it). @public */
export type CreatePrincipalInput = z.input<typeof CreatePrincipalInput>;

/** Filter of `cloud.identity.principals.list`. @public */
export const PrincipalFilter = listFilter({ kind: PrincipalKind.optional() });
/** Filter of `cloud.identity.principals.list` (the type of the {@link PrincipalFilter} schema, as callers write it). @public */
export type PrincipalFilter = z.input<typeof PrincipalFilter>;

/** A user's membership of a group: its group's bindings apply to it. @public */
export const Membership = RecordMeta.extend({ groupId: z.string(), userId: z.string() });
/** A user's membership of a group (the type of the {@link Membership} schema). @public */
export type Membership = z.infer<typeof Membership>;

/**
 * What the cloud keeps to check a local principal's password: the scrypt hash, earlier hashes for the
 * password history, and the failed logins that drive lockout. Its id is the principal's; it is read by
 * the login path only and returned by no API.
 * @internal
 */
export const Credential = RecordMeta.extend({
  passwordHash: z.string(),
  history: z.array(z.string()).max(24),
  failures: z.number().int().nonnegative(),
  lockedUntil: z.string().nullable(),
});
/** What the cloud keeps to check a local principal's password (the type of the {@link Credential} schema). @internal */
export type Credential = z.infer<typeof Credential>;
