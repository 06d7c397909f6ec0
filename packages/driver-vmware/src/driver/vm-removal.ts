import type { DriverCallOptions } from '@ecloud/core';
import { devicesOf, diskFile } from './disk-devices.js';
import { zeroFillDisk } from './standalone-disks.js';
import { powerOf, type VsphereEndpoint } from './vsphere-endpoint.js';

/**
 * Removes a VM with its files: powered off if it runs, and with `wipe` (R-SEC-6) its snapshots merged
 * into its disks (`RemoveAllSnapshots_Task`, so no delta file keeps data) and every disk zero-filled
 * before `Destroy_Task` frees the space.
 * @internal
 */
export async function removeVm(
  endpoint: VsphereEndpoint,
  instanceRef: string,
  mode: { readonly wipe: boolean },
  options: DriverCallOptions,
): Promise<void> {
  const vm = await endpoint.vm(instanceRef, ['runtime.powerState', 'snapshot'], options);
  if (powerOf(vm.props.get('runtime.powerState')) !== 'stopped')
    await endpoint.runOnVm(instanceRef, 'PowerOffVM_Task', {}, options);
  if (mode.wipe) {
    if (vm.props.has('snapshot'))
      await endpoint.runOnVm(instanceRef, 'RemoveAllSnapshots_Task', { consolidate: true }, options);
    // Read after the merge: while snapshots exist, the devices point at delta files.
    const disks = await endpoint.vm(instanceRef, ['config.hardware.device'], options);
    for (const device of devicesOf(disks.props.get('config.hardware.device'))) {
      const file = diskFile(device);
      if (file !== undefined) await zeroFillDisk(endpoint, file, options);
    }
  }
  await endpoint.runOnVm(instanceRef, 'Destroy_Task', {}, options);
}
