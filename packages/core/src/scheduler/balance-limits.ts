import { z } from 'zod';

/**
 * Limits of one balancing round (R-SCHED-4), for the cloud's balancer and for a capacity plan alike.
 * @public
 */
export const BalanceLimits = z.strictObject({
  /** Hosts within mean ± band utilisation count as balanced. */
  band: z.number().min(0.01).max(0.5).default(0.1),
  /** The most migrations one round proposes. */
  maxMigrations: z.number().int().min(1).max(1000).default(10),
});
/** Limits of one balancing round, with defaults applied (the type of the {@link BalanceLimits} schema). @public */
export type BalanceLimits = z.infer<typeof BalanceLimits>;
