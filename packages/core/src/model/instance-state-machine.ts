import { EcloudError } from '../errors/ecloud-error.js';
import type { InstanceOperation, InstanceState } from './instance.js';

interface Transition {
  readonly from: readonly InstanceState[];
  /** The state after success; `same` keeps the state the instance had. */
  readonly to: InstanceState | 'same';
}

/** The instance state machine: from which states each operation may start, and where it ends. @public */
export const INSTANCE_TRANSITIONS: Readonly<Record<InstanceOperation, Transition>> = {
  create: { from: [], to: 'running' },
  start: { from: ['stopped'], to: 'running' },
  stop: { from: ['running', 'suspended'], to: 'stopped' },
  reboot: { from: ['running'], to: 'running' },
  suspend: { from: ['running'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'running' },
  resize: { from: ['stopped', 'running'], to: 'same' },
  attachDisk: { from: ['stopped', 'running'], to: 'same' },
  detachDisk: { from: ['stopped', 'running'], to: 'same' },
  migrate: { from: ['stopped', 'running'], to: 'same' },
  clone: { from: ['stopped', 'running'], to: 'same' },
  snapshot: { from: ['stopped', 'running', 'suspended'], to: 'same' },
  revertSnapshot: { from: ['stopped'], to: 'stopped' },
  deleteSnapshot: { from: ['stopped', 'running', 'suspended'], to: 'same' },
  delete: { from: ['stopped', 'running', 'suspended', 'error'], to: 'deleted' },
  failover: { from: ['running', 'suspended', 'error'], to: 'running' },
};

/**
 * Throws `ILLEGAL_STATE` unless `operation` may start from `state`; returns the state it ends in.
 * @public
 */
export function assertTransition(
  instance: { readonly id: string; readonly state: InstanceState },
  operation: InstanceOperation,
): InstanceState {
  const transition = INSTANCE_TRANSITIONS[operation];
  if (!transition.from.includes(instance.state)) {
    throw new EcloudError(
      'ILLEGAL_STATE',
      `Cannot ${operation} instance ${instance.id} while it is ${instance.state}.`,
      {
        details: { instanceId: instance.id, state: instance.state, operation, allowedFrom: transition.from },
      },
    );
  }
  return transition.to === 'same' ? instance.state : transition.to;
}
