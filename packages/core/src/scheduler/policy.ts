import { z } from 'zod';

/**
 * How the scheduler chooses among the hosts that pass every filter (R-SCHED-2), set by administrators:
 * - `placement: 'fill'` packs — the host with the least room that still fits (best fit), so whole hosts
 *   stay free for large instances and idle hosts can be powered down;
 * - `placement: 'spread'` disperses — the least utilised host first, so load and failure impact even out;
 * - `rankBy` is the resource that decides: free memory (the seed's default), free CPU, `weighted`, a
 *   combination of both utilisations by `weights`, or — for `fill` only — `shape`, which packs CPU and
 *   memory together: the host whose free resources are most in the request's proportion (see
 *   `ShapeOrder`), fewest hosts of all on mixed hardware.
 * @public
 */
export const SchedulerPolicy = z
  .strictObject({
    placement: z.enum(['fill', 'spread']).default('fill'),
    rankBy: z.enum(['memory', 'cpu', 'weighted', 'shape']).default('memory'),
    weights: z
      .strictObject({ cpu: z.number().min(0).max(1), memory: z.number().min(0).max(1) })
      .refine((w) => w.cpu + w.memory > 0, { message: 'at least one weight must be above 0' })
      .default({ cpu: 0.5, memory: 0.5 }),
  })
  .refine((policy) => policy.rankBy !== 'shape' || policy.placement === 'fill', {
    message: "rankBy 'shape' packs hosts and applies to placement 'fill' only",
    path: ['rankBy'],
  });
/** A scheduling policy as stored and applied (the type of the {@link SchedulerPolicy} schema). @public */
export type SchedulerPolicy = z.infer<typeof SchedulerPolicy>;
/** A scheduling policy as callers write it; omitted fields take their defaults. @public */
export type SchedulerPolicyInput = z.input<typeof SchedulerPolicy>;

/** The policy of a cloud whose options name none: best fit by free memory. @public */
export const DEFAULT_SCHEDULER_POLICY: SchedulerPolicy = SchedulerPolicy.parse({});
