import { z } from 'zod';
import { RecordMeta, ResourceName } from './common.js';

/** The domain every cloud has, holding the tenants created without one. @public */
export const DEFAULT_DOMAIN_ID = 'dom-default';

/**
 * A domain: a group of tenants administered together (分域, R-SEC-1), such as a department or a
 * customer. A role bound on a domain reaches every tenant in it.
 * @public
 */
export const Domain = RecordMeta.extend({
  name: ResourceName,
  description: z.string().max(1024),
  state: z.enum(['active', 'disabled']),
});
/** A domain (the type of the {@link Domain} schema). @public */
export type Domain = z.infer<typeof Domain>;

/** Input of `cloud.domains.create`. @public */
export const CreateDomainInput = z.strictObject({
  name: ResourceName,
  description: z.string().max(1024).default(''),
});
/** Input of `cloud.domains.create` (the type of the {@link CreateDomainInput} schema, as callers write it). @public */
export type CreateDomainInput = z.input<typeof CreateDomainInput>;

/**
 * Input of `cloud.domains.update`: what is left out stays. A disabled domain takes no new tenants.
 * @public
 */
export const UpdateDomainInput = z.strictObject({
  name: ResourceName.optional(),
  description: z.string().max(1024).optional(),
  state: z.enum(['active', 'disabled']).optional(),
  /** Change only this version, else `CONFLICT` (`precondition-failed`) — checked in the update's transaction. */
  expectedVersion: z.number().int().min(1).optional(),
});
/** Input of `cloud.domains.update` (the type of the {@link UpdateDomainInput} schema, as callers write it). @public */
export type UpdateDomainInput = z.input<typeof UpdateDomainInput>;
