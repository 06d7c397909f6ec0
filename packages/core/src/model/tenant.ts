import { z } from 'zod';
import { ClassificationLevel, RecordMeta, ResourceName } from './common.js';

/** A tenant (project): the unit of ownership and isolation (R-SEC-5). @public */
export const Tenant = RecordMeta.extend({
  name: ResourceName,
  /** The domain the tenant belongs to; its domain's role bindings reach it. */
  domainId: z.string(),
  classification: ClassificationLevel,
  state: z.enum(['active', 'disabled']),
});
/** A tenant (project): the unit of ownership and isolation (R-SEC-5) (the type of the {@link Tenant} schema). @public */
export type Tenant = z.infer<typeof Tenant>;

/** Input of `cloud.tenants.create`. @public */
export const CreateTenantInput = z.strictObject({
  name: ResourceName,
  /** The domain to create the tenant in; the default domain when left out. */
  domainId: z.string().min(1).optional(),
  classification: ClassificationLevel.default('public'),
});
/** Input of `cloud.tenants.create` (the type of the {@link CreateTenantInput} schema, as callers write it). @public */
export type CreateTenantInput = z.input<typeof CreateTenantInput>;

/**
 * Input of `cloud.tenants.update`: what is left out stays. A disabled tenant keeps its resources but
 * takes no new ones (creates into it are `ILLEGAL_STATE`).
 * @public
 */
export const UpdateTenantInput = z.strictObject({
  name: ResourceName.optional(),
  classification: ClassificationLevel.optional(),
  state: z.enum(['active', 'disabled']).optional(),
  /** Change only this version, else `CONFLICT` (`precondition-failed`) — checked in the update's transaction. */
  expectedVersion: z.number().int().min(1).optional(),
});
/** Input of `cloud.tenants.update` (the type of the {@link UpdateTenantInput} schema, as callers write it). @public */
export type UpdateTenantInput = z.input<typeof UpdateTenantInput>;
