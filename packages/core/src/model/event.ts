import { z } from 'zod';
import { listFilter } from './page.js';

/** Filter of `events.list`. @public */
export const EventFilter = listFilter({
  /** Confine the list to one tenant; needed by a caller bound on several tenants but not the platform. */
  tenantId: z.string().min(1).optional(),
  resourceId: z.string().min(1).optional(),
});
/** Filter of `events.list` (the type of the {@link EventFilter} schema, as callers write it). @public */
export type EventFilter = z.input<typeof EventFilter>;

/** A persisted record of a state change, in time order (R-MON-2 groundwork). @public */
export const CloudEvent = z.object({
  id: z.string(),
  type: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  tenantId: z.string().nullable(),
  time: z.string(),
  data: z.record(z.string(), z.unknown()),
});
/** A persisted record of a state change, in time order (R-MON-2 groundwork) (the type of the {@link CloudEvent} schema). @public */
export type CloudEvent = z.infer<typeof CloudEvent>;
