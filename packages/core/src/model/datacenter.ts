import { z } from 'zod';
import { ClassificationLevel, RecordMeta, ResourceName } from './common.js';

/** A datacenter: a site with its own classification level (R-DC-3). @public */
export const Datacenter = RecordMeta.extend({
  name: ResourceName,
  regionId: z.string().nullable(),
  classification: ClassificationLevel,
  description: z.string().max(1024),
});
/** A datacenter: a site with its own classification level (R-DC-3) (the type of the {@link Datacenter} schema). @public */
export type Datacenter = z.infer<typeof Datacenter>;

/** Input of `cloud.datacenters.create`. @public */
export const CreateDatacenterInput = z.strictObject({
  name: ResourceName,
  regionId: z.string().optional(),
  classification: ClassificationLevel.default('public'),
  description: z.string().max(1024).default(''),
});
/** Input of `cloud.datacenters.create` (the type of the {@link CreateDatacenterInput} schema, as callers write it). @public */
export type CreateDatacenterInput = z.input<typeof CreateDatacenterInput>;
