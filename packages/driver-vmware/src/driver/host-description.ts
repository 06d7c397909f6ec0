import type { DriverHost, DriverHostState, HostUsage } from '@ecloud/core';
import { malformedAnswer } from '../soap/xml-node.js';
import type { ObjectContent } from '../vim/property-collector.js';
import { asArray, isReference, type VimObject, type VimValue } from '../vim/vim-value.js';

/** The HostSystem properties a host's description is read from. @internal */
export const HOST_PROPERTIES = [
  'name',
  'runtime.connectionState',
  'runtime.inMaintenanceMode',
  'runtime.powerState',
  'summary.hardware',
  'summary.quickStats',
  'datastore',
  'vm',
  'parent',
] as const;

/** The Datastore properties a host's storage is read from. @internal */
export const DATASTORE_PROPERTIES = ['summary.capacity', 'summary.freeSpace'] as const;

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** A number field of a data object; nested fields come as text (no `xsi:type`), so they are parsed here. */
function numberField(object: VimValue | undefined, field: string, where: string): number {
  const raw = (object as VimObject | undefined)?.[field];
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(value))
    throw malformedAnswer(`${where}.${field} is not a number`);
  return value;
}

/**
 * What a vCenter's host state means to the core: connected, powered on and out of maintenance is
 * `up`; unreachable is `disconnected`; in maintenance, standing by or powered off is `down` (it takes
 * no instances).
 * @internal
 */
export function hostState(host: ObjectContent): DriverHostState {
  const connection = host.props.get('runtime.connectionState');
  if (connection !== 'connected') return 'disconnected';
  if (host.props.get('runtime.inMaintenanceMode') === true) return 'down';
  return host.props.get('runtime.powerState') === 'poweredOn' ? 'up' : 'down';
}

/** The bytes used and held by the datastores a host reaches. */
function storage(
  host: ObjectContent,
  datastores: ReadonlyMap<string, ObjectContent>,
): { capacity: number; used: number } {
  let capacity = 0;
  let used = 0;
  for (const ref of asArray(host.props.get('datastore'))) {
    if (!isReference(ref, 'Datastore')) continue;
    const store = datastores.get(ref.value);
    if (!store) continue;
    const total = Number(store.props.get('summary.capacity') ?? 0);
    capacity += total;
    used += total - Number(store.props.get('summary.freeSpace') ?? total);
  }
  return { capacity, used };
}

/** A HostSystem as the core's `DriverHost`; its ref is the host's managed object id. @internal */
export function describeHost(
  host: ObjectContent,
  datastores: ReadonlyMap<string, ObjectContent>,
): DriverHost {
  const hardware = host.props.get('summary.hardware');
  const where = `host ${host.obj.value} summary.hardware`;
  const sockets = Math.max(1, numberField(hardware, 'numCpuPkgs', where));
  const cores = Math.max(sockets, numberField(hardware, 'numCpuCores', where));
  const threads = Math.max(cores, numberField(hardware, 'numCpuThreads', where));
  return {
    ref: host.obj.value,
    name: String(host.props.get('name') ?? host.obj.value),
    cpu: {
      sockets,
      coresPerSocket: Math.max(1, Math.floor(cores / sockets)),
      threadsPerCore: Math.max(1, Math.floor(threads / cores)),
      mhz: numberField(hardware, 'cpuMhz', where),
    },
    memoryMiB: Math.floor(numberField(hardware, 'memorySize', where) / MIB),
    storageGiB: Math.floor(storage(host, datastores).capacity / GIB),
    state: hostState(host),
  };
}

/** A host's live use, from `summary.quickStats` (MHz and MB) and its datastores. @internal */
export function hostUsage(host: ObjectContent, datastores: ReadonlyMap<string, ObjectContent>): HostUsage {
  const hardware = host.props.get('summary.hardware');
  const stats = host.props.get('summary.quickStats');
  const where = `host ${host.obj.value}`;
  const capacityMhz =
    numberField(hardware, 'cpuMhz', `${where} summary.hardware`) *
    numberField(hardware, 'numCpuCores', `${where} summary.hardware`);
  const usedMhz = numberField(stats, 'overallCpuUsage', `${where} summary.quickStats`);
  return {
    ref: host.obj.value,
    state: hostState(host),
    cpuUsedPercent: capacityMhz > 0 ? Math.min(100, Math.max(0, (usedMhz / capacityMhz) * 100)) : 0,
    memoryUsedMiB: numberField(stats, 'overallMemoryUsage', `${where} summary.quickStats`),
    storageUsedGiB: Math.max(0, storage(host, datastores).used / GIB),
    instances: asArray(host.props.get('vm')).length,
  };
}
