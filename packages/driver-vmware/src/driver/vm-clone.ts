import { type CreatedInstance, type DriverCallOptions, EcloudError, type InstanceSpec } from '@ecloud/core';
import { isReference, type VimObject } from '../vim/vim-value.js';
import { capacityKiB, devicesOf, diskFile, disksByUnit, scsiController } from './disk-devices.js';
import { scsiUnit } from './vm-config-spec.js';
import { type DiskSource, provisionVm } from './vm-provisioning.js';
import { cleanupOptions, powerOf, type VsphereEndpoint } from './vsphere-endpoint.js';

/**
 * Copies an instance into a new one described by `spec`: each of the clone's disks is a copy of the
 * source's disk at the same device index. A running source is copied from a snapshot taken for the
 * purpose (its base disks stay still while the snapshot takes the writes, as vSphere's own clone
 * does), removed again afterwards: the copy is crash-consistent.
 * @internal
 */
export async function cloneVm(
  endpoint: VsphereEndpoint,
  sourceRef: string,
  spec: InstanceSpec,
  options: DriverCallOptions,
): Promise<CreatedInstance> {
  const source = await endpoint.vm(sourceRef, ['runtime.powerState'], options);
  if (powerOf(source.props.get('runtime.powerState')) === 'stopped') {
    return provisionVm(endpoint, spec, await sourcesOf(endpoint, sourceRef, spec, options), options);
  }
  const snapshot = await endpoint.runOnVm(
    sourceRef,
    'CreateSnapshot_Task',
    {
      name: `ecloud-clone-${spec.id}`,
      description: `Source of clone ${spec.id}`,
      memory: false,
      quiesce: false,
    },
    options,
  );
  try {
    return await provisionVm(
      endpoint,
      spec,
      await sourcesOf(endpoint, sourceRef, spec, options, true),
      options,
    );
  } finally {
    if (isReference(snapshot, 'VirtualMachineSnapshot'))
      await endpoint.run(
        snapshot,
        'RemoveSnapshot_Task',
        { removeChildren: false, consolidate: true },
        cleanupOptions(),
      );
  }
}

/**
 * The source disk of each of the clone's disks, matched by SCSI unit. With `snapshotted`, the devices
 * point at the snapshot's delta files; their `backing.parent` is the still base disk that is copied.
 */
async function sourcesOf(
  endpoint: VsphereEndpoint,
  sourceRef: string,
  spec: InstanceSpec,
  options: DriverCallOptions,
  snapshotted = false,
): Promise<Map<string, DiskSource>> {
  const vm = await endpoint.vm(sourceRef, ['config.hardware.device'], options);
  const devices = devicesOf(vm.props.get('config.hardware.device'));
  const controller = scsiController(devices);
  const byUnit = controller ? disksByUnit(devices, controller) : new Map();
  const sources = new Map<string, DiskSource>();
  for (const disk of spec.disks) {
    const device = byUnit.get(scsiUnit(disk.deviceIndex));
    const file = device && (snapshotted ? baseFile(device) : diskFile(device));
    if (!device || file === undefined) {
      throw new EcloudError(
        'NOT_FOUND',
        `Instance ${sourceRef} has no disk at device index ${disk.deviceIndex}.`,
        {
          details: { instanceRef: sourceRef, deviceIndex: disk.deviceIndex, volumeId: disk.id },
        },
      );
    }
    sources.set(disk.id, { file, capacityKiB: capacityKiB(device) });
  }
  return sources;
}

/** The base file under a snapshot's delta (`backing.parent.fileName`), or the file itself if none. */
function baseFile(device: VimObject): string | undefined {
  const parent = (device.backing as VimObject | undefined)?.parent as VimObject | undefined;
  return typeof parent?.fileName === 'string' ? parent.fileName : diskFile(device);
}
