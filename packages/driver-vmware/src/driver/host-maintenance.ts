import { type DriverCallOptions, EcloudError } from '@ecloud/core';
import { moref } from '../soap/soap-value.js';
import { inventory } from '../vim/inventory.js';
import type { ObjectContent } from '../vim/property-collector.js';
import { isReference } from '../vim/vim-value.js';
import type { VsphereEndpoint } from './vsphere-endpoint.js';

/**
 * Puts a host into or out of vSphere maintenance mode (`EnterMaintenanceMode_Task` /
 * `ExitMaintenanceMode_Task`). The core moves the instances off first (R-COMP-5): entering is refused
 * while a VM still runs there, instead of a task that waits for DRS to move it — which a cluster
 * without DRS never does.
 * @internal
 */
export async function setHostMaintenance(
  endpoint: VsphereEndpoint,
  hostRef: string,
  inMaintenance: boolean,
  options: DriverCallOptions,
): Promise<void> {
  const { host } = await endpoint.host(hostRef, options);
  if (host.props.get('runtime.inMaintenanceMode') === inMaintenance) return;
  if (inMaintenance) await refuseRunningVms(endpoint, host, options);
  await endpoint.run(
    moref('HostSystem', hostRef),
    inMaintenance ? 'EnterMaintenanceMode_Task' : 'ExitMaintenanceMode_Task',
    inMaintenance ? { timeout: 0, evacuatePoweredOffVms: false } : { timeout: 0 },
    options,
  );
}

/**
 * Refuses while a VM runs on the host. The VMs are those of the host's cluster whose `runtime.host` is
 * this host — read through a container view rather than the host's `vm` list, which the simulator
 * leaves stale after a move, and which would fail the whole read for a VM deleted meanwhile. O(VMs of
 * one cluster), on a rare operation.
 */
async function refuseRunningVms(endpoint: VsphereEndpoint, host: ObjectContent, options: DriverCallOptions) {
  const parent = host.props.get('parent');
  if (!isReference(parent)) return;
  const vms = await inventory(
    await endpoint.session(),
    [{ type: 'VirtualMachine', pathSet: ['runtime.host', 'runtime.powerState'] }],
    { signal: options.signal, container: parent },
  );
  const running = vms
    .filter((vm) => {
      const on = vm.props.get('runtime.host');
      return (
        isReference(on) && on.value === host.obj.value && vm.props.get('runtime.powerState') !== 'poweredOff'
      );
    })
    .map((vm) => vm.obj.value);
  if (running.length > 0) {
    throw new EcloudError(
      'ILLEGAL_STATE',
      `Host ${host.obj.value} still runs ${running.join(', ')}: move them first.`,
      {
        details: { hostRef: host.obj.value, running },
      },
    );
  }
}
