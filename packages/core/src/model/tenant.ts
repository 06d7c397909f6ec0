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
