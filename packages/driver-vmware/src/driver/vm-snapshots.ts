import { type DriverCallOptions, EcloudError } from '@ecloud/core';
import { moref } from '../soap/soap-value.js';
import { retrieveObjects } from '../vim/property-collector.js';
import { isReference } from '../vim/vim-value.js';
import { notFound } from './driver-errors.js';
import type { VsphereEndpoint } from './vsphere-endpoint.js';

/**
 * Takes a snapshot of a VM's disks (`CreateSnapshot_Task`, no memory), named by our snapshot id so it
 * can be told apart in vSphere's own tools; its reference is the snapshot's managed object id.
 * @internal
 */
export async function createSnapshot(
  endpoint: VsphereEndpoint,
  instanceRef: string,
  snapshot: { readonly id: string; readonly name: string },
  options: DriverCallOptions,
): Promise<string> {
  const made = await endpoint.runOnVm(
    instanceRef,
    'CreateSnapshot_Task',
    { name: snapshot.id, description: snapshot.name, memory: false, quiesce: false },
    options,
  );
  if (!isReference(made, 'VirtualMachineSnapshot'))
    throw new EcloudError('DRIVER_FAILURE', 'CreateSnapshot_Task returned no snapshot.');
  return made.value;
}

/** Returns a stopped VM to a snapshot of its own (`RevertToSnapshot_Task`). @internal */
export async function revertSnapshot(
  endpoint: VsphereEndpoint,
  instanceRef: string,
  snapshotRef: string,
  options: DriverCallOptions,
): Promise<void> {
  await endpoint.requirePower(instanceRef, ['stopped'], 'revert to a snapshot', options);
  const snapshot = await snapshotOf(endpoint, instanceRef, snapshotRef, options);
  await endpoint.run(snapshot, 'RevertToSnapshot_Task', {}, options);
}

/** Removes one snapshot, merging its changes into the disks (`RemoveSnapshot_Task`). @internal */
export async function deleteSnapshot(
  endpoint: VsphereEndpoint,
  instanceRef: string,
  snapshotRef: string,
  options: DriverCallOptions,
): Promise<void> {
  const snapshot = await snapshotOf(endpoint, instanceRef, snapshotRef, options);
  await endpoint.run(snapshot, 'RemoveSnapshot_Task', { removeChildren: false, consolidate: true }, options);
}

/** The snapshot, checked to belong to the instance: another VM's snapshot is `NOT_FOUND`. */
async function snapshotOf(
  endpoint: VsphereEndpoint,
  instanceRef: string,
  snapshotRef: string,
  options: DriverCallOptions,
) {
  const missing = new EcloudError('NOT_FOUND', `Instance ${instanceRef} has no snapshot ${snapshotRef}.`, {
    details: { instanceRef, snapshotRef },
  });
  const snapshot = moref('VirtualMachineSnapshot', snapshotRef);
  const [found] = await retrieveObjects(
    await endpoint.session(),
    [snapshot],
    'VirtualMachineSnapshot',
    ['vm'],
    {
      signal: options.signal,
    },
  ).catch((error: unknown) => {
    throw notFound(error, missing.message, { instanceRef, snapshotRef });
  });
  const vm = found?.props.get('vm');
  if (!isReference(vm) || vm.value !== instanceRef) throw missing;
  return snapshot;
}
