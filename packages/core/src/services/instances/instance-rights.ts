import type { KnownPermission } from '../../identity/permission-catalog.js';
import type { InstanceOperation } from '../../model/instance.js';

/**
 * The right each instance operation checks (R-SEC-1): on the instance itself, or for a create on the
 * tenant it is made in. Suspend is a kind of stop and resume of start; migration is the platform's.
 * `CLOUD_OPERATIONS` checks that it names every operation of the instance service.
 * @internal
 */
export const INSTANCE_OPERATIONS = {
  create: 'instance:create',
  get: 'instance:read',
  list: 'instance:read',
  listJson: 'instance:read',
  update: 'instance:update',
  start: 'instance:start',
  stop: 'instance:stop',
  reboot: 'instance:reboot',
  suspend: 'instance:stop',
  resume: 'instance:start',
  resize: 'instance:resize',
  attachDisk: 'instance:attachDisk',
  detachDisk: 'instance:attachDisk',
  migrate: 'instance:migrate',
  clone: 'instance:clone',
  snapshot: 'instance:snapshot',
  listSnapshots: 'instance:read',
  revertSnapshot: 'instance:snapshot',
  deleteSnapshot: 'instance:snapshot',
  delete: 'instance:delete',
} as const;

/** The right a job of `operation` needs; an HA failover is a move the platform makes. @internal */
export function instanceRight(operation: InstanceOperation): KnownPermission {
  return operation === 'failover' ? 'instance:migrate' : INSTANCE_OPERATIONS[operation];
}
