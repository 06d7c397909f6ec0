import { z } from 'zod';
import { RecordMeta } from './common.js';

/** What a tenant's quota counts (R-SEC-7). Networks and public IPs count once those resources exist. @public */
export const QUOTA_RESOURCES = [
  'instances',
  'vcpus',
  'memoryMiB',
  'volumes',
  'storageGiB',
  'networks',
  'publicIps',
] as const;
/** One resource a quota counts. @public */
export type QuotaResource = (typeof QUOTA_RESOURCES)[number];

const Limit = z.number().int().nonnegative().nullable();

/** A tenant's limits, one per resource; null is no limit. @public */
export const QuotaLimits = z.strictObject(
  Object.fromEntries(QUOTA_RESOURCES.map((r) => [r, Limit.optional()])) as Record<
    QuotaResource,
    z.ZodOptional<typeof Limit>
  >,
);
/** A tenant's limits as callers write them; a resource left out keeps its limit. @public */
export type QuotaLimits = z.input<typeof QuotaLimits>;

/** An amount of each quota resource. @public */
export type QuotaAmounts = Record<QuotaResource, number>;

/**
 * A tenant's quota: its limits and what it uses now, kept in the same transactions that reserve and
 * release the resources, so that concurrent requests cannot overshoot. Its id is the tenant's.
 * @public
 */
export const Quota = RecordMeta.extend({
  limits: z.record(z.enum(QUOTA_RESOURCES), Limit),
  used: z.record(z.enum(QUOTA_RESOURCES), z.number().int().nonnegative()),
});
/** A tenant's quota (the type of the {@link Quota} schema). @public */
export type Quota = z.infer<typeof Quota>;
