import { z } from 'zod';
import { RecordMeta, ResourceName } from './common.js';

/** A point-in-time snapshot of an instance's disks. @public */
export const Snapshot = RecordMeta.extend({
  name: ResourceName,
  tenantId: z.string(),
  instanceId: z.string(),
  driverRef: z.string().nullable(),
  state: z.enum(['creating', 'ready', 'deleted', 'error']),
});
/** A point-in-time snapshot of an instance's disks (the type of the {@link Snapshot} schema). @public */
export type Snapshot = z.infer<typeof Snapshot>;
