import { z } from 'zod';

/**
 * How the scheduler chooses among the hosts that pass every filter (R-SCHED-2), set by administrators:
 * - `placement: 'fill'` packs — the host with the least room that still fits (best fit), so whole hosts
 *   stay free for large instances and idle hosts can be powered down;
 * - `placement: 'spread'` disperses — the least utilised host first, so load and failure impact even out;
 * - `rankBy` is the resource that decides: free memory (the seed's default), free CPU, or `weighted`, a
 *   combination of both utilisations by `weights`.
 * @public
 */
export const SchedulerPolicy = z.strictObject({
  placement: z.enum(['fill', 'spread']).default('fill'),
  rankBy: z.enum(['memory', 'cpu', 'weighted']).default('memory'),
  weights: z
    .strictObject({ cpu: z.number().min(0).max(1), memory: z.number().min(0).max(1) })
    .refine((w) => w.cpu + w.memory > 0, { message: 'at least one weight must be above 0' })
    .default({ cpu: 0.5, memory: 0.5 }),
});
/** A scheduling policy as stored and applied (the type of the {@link SchedulerPolicy} schema). @public */
export type SchedulerPolicy = z.infer<typeof SchedulerPolicy>;
/** A scheduling policy as callers write it; omitted fields take their defaults. @public */
export type SchedulerPolicyInput = z.input<typeof SchedulerPolicy>;

/** The policy of a cloud whose options name none: best fit by free memory. @public */
export const DEFAULT_SCHEDULER_POLICY: SchedulerPolicy = SchedulerPolicy.parse({});
