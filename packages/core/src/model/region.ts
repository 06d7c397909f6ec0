import { z } from 'zod';
import { RecordMeta, ResourceName } from './common.js';

/** A geographic region grouping datacenters. @public */
export const Region = RecordMeta.extend({
  name: ResourceName,
  description: z.string().max(1024).default(''),
});
/** A geographic region grouping datacenters (the type of the {@link Region} schema). @public */
export type Region = z.infer<typeof Region>;

/** Input of `cloud.regions.create`. @public */
export const CreateRegionInput = z.strictObject({
  name: ResourceName,
  description: z.string().max(1024).default(''),
});
/** Input of `cloud.regions.create`, as callers write it. @public */
export type CreateRegionInput = z.input<typeof CreateRegionInput>;
