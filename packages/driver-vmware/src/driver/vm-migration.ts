import { type DriverCallOptions, EcloudError } from '@ecloud/core';
import { asArray, isReference } from '../vim/vim-value.js';
import { hostState } from './host-description.js';
import { powerOf, type VsphereEndpoint } from './vsphere-endpoint.js';

/**
 * Moves an instance's VM to another host of the datacenter with `RelocateVM_Task`: vMotion while it
 * runs (`live`), a cold move while it is stopped or suspended. Its files stay where they are, so the
 * target host must reach every datastore the VM uses; otherwise the move is refused before vCenter is
 * asked. Storage vMotion is not used: vSphere renames the moved disk files after the VM, and the
 * core's disk references (datastore paths named by volume id) would no longer hold.
 * @internal
 */
export async function migrateVm(
  endpoint: VsphereEndpoint,
  instanceRef: string,
  targetHostRef: string,
  mode: { readonly live: boolean },
  options: DriverCallOptions,
): Promise<void> {
  const vm = await endpoint.vm(instanceRef, ['runtime.powerState', 'runtime.host', 'datastore'], options);
  const power = powerOf(vm.props.get('runtime.powerState'));
  if (mode.live !== (power === 'running')) {
    throw refused(instanceRef, `is ${power}: a ${mode.live ? 'live' : 'cold'} migration cannot move it`, {
      power,
      live: mode.live,
    });
  }
  const current = vm.props.get('runtime.host');
  if (isReference(current) && current.value === targetHostRef)
    throw refused(instanceRef, `already runs on host ${targetHostRef}`, { targetHostRef });
  const target = await endpoint.host(targetHostRef, options);
  if (hostState(target.host) !== 'up')
    throw refused(instanceRef, `cannot move to host ${targetHostRef}: it is ${hostState(target.host)}`, {
      targetHostRef,
    });
  const unreachable = asArray(vm.props.get('datastore'))
    .filter((ds) => isReference(ds, 'Datastore') && !target.datastores.has(ds.value))
    .map((ds) => (isReference(ds) ? ds.value : ''));
  if (unreachable.length > 0) {
    throw refused(instanceRef, `uses datastores host ${targetHostRef} does not reach`, {
      targetHostRef,
      unreachable,
    });
  }
  const pool = await endpoint.resourcePoolOf(target.host, options);
  await endpoint.runOnVm(
    instanceRef,
    'RelocateVM_Task',
    { spec: { pool, host: target.host.obj }, priority: 'defaultPriority' },
    options,
  );
}

function refused(instanceRef: string, why: string, details: Record<string, unknown>): EcloudError {
  return new EcloudError('ILLEGAL_STATE', `Instance ${instanceRef} ${why}.`, {
    details: { instanceRef, ...details },
  });
}
