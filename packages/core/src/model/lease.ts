import { z } from 'zod';
import { RecordMeta } from './common.js';

/**
 * A lease that lets one management process at a time act for the whole deployment (the HA manager,
 * R-HA-3): held by `holder` until `expiresAt` unless renewed. Taken and renewed by optimistic writes,
 * so two processes racing for it cannot both win.
 * @public
 */
export const Lease = RecordMeta.extend({
  holder: z.string(),
  expiresAt: z.string(),
});
/** A lease held by one management process (the type of the {@link Lease} schema). @public */
export type Lease = z.infer<typeof Lease>;
