import { type DriverCallOptions, EcloudError, type NicSpec } from '@ecloud/core';
import type { ManagedObjectReference, SoapObject } from '../soap/soap-value.js';
import { inventory } from '../vim/inventory.js';
import { type ObjectContent, retrieveObjects } from '../vim/property-collector.js';
import { isReference } from '../vim/vim-value.js';
import type { VsphereEndpoint } from './vsphere-endpoint.js';

/**
 * The backing of each NIC (in `nics` order): the vSphere network a core network name maps to (the
 * driver's `networks` option, else the same name) — a standard port group by name, or a distributed
 * port group by its switch's UUID and its key, as vSphere wants each. A name the datacenter has no
 * network of is `NOT_FOUND` before anything is made. One container-view walk over the datacenter's
 * networks per call: a datacenter holds a few hundred port groups, and creating a VM is not a hot read.
 * @internal
 */
export async function nicBackings(
  endpoint: VsphereEndpoint,
  nics: readonly NicSpec[],
  options: DriverCallOptions,
): Promise<SoapObject[]> {
  if (nics.length === 0) return [];
  const session = await endpoint.session();
  const { datacenter } = await endpoint.placement(options);
  const networks = await inventory(
    session,
    [
      { type: 'Network', pathSet: ['name'] },
      { type: 'DistributedVirtualPortgroup', pathSet: ['key', 'config.distributedVirtualSwitch'] },
    ],
    { signal: options.signal, container: datacenter },
  );
  const switchUuids = await dvsUuids(endpoint, networks, options);
  return nics.map((nic) => {
    const name = endpoint.options.networks[nic.network] ?? nic.network;
    const network = networks.find((n) => n.props.get('name') === name);
    if (!network) {
      throw new EcloudError(
        'NOT_FOUND',
        `vCenter has no network ${name} for the core's network ${nic.network}.`,
        {
          details: { network: nic.network, vsphereNetwork: name },
        },
      );
    }
    return backing(network, name, switchUuids);
  });
}

function backing(network: ObjectContent, name: string, switchUuids: ReadonlyMap<string, string>): SoapObject {
  const dvs = network.props.get('config.distributedVirtualSwitch');
  if (network.obj.type !== 'DistributedVirtualPortgroup' || !isReference(dvs))
    return { $type: 'VirtualEthernetCardNetworkBackingInfo', deviceName: name, network: network.obj };
  return {
    $type: 'VirtualEthernetCardDistributedVirtualPortBackingInfo',
    port: { switchUuid: switchUuids.get(dvs.value) ?? '', portgroupKey: String(network.props.get('key')) },
  };
}

async function dvsUuids(
  endpoint: VsphereEndpoint,
  networks: readonly ObjectContent[],
  options: DriverCallOptions,
) {
  const switches = new Map<string, ManagedObjectReference>();
  for (const network of networks) {
    const dvs = network.props.get('config.distributedVirtualSwitch');
    if (isReference(dvs)) switches.set(dvs.value, dvs);
  }
  if (switches.size === 0) return new Map<string, string>();
  const read = await retrieveObjects(
    await endpoint.session(),
    [...switches.values()],
    'DistributedVirtualSwitch',
    ['uuid'],
    { signal: options.signal },
  );
  return new Map(read.map((s) => [s.obj.value, String(s.props.get('uuid'))]));
}
