import { describe, expect, it } from 'vitest';
import { expectThrowsEcloud } from '../../../../test-support/ecloud-errors.js';
import { describeHost, hostState, hostUsage } from '../../src/driver/host-description.js';
import { moref } from '../../src/soap/soap-value.js';
import type { ObjectContent } from '../../src/vim/property-collector.js';
import type { VimValue } from '../../src/vim/vim-value.js';

const GIB = 1024 ** 3;

function content(type: string, value: string, props: Record<string, VimValue>): ObjectContent {
  return { obj: moref(type, value), props: new Map(Object.entries(props)), missing: new Map() };
}

// As vCenter sends them: nested numbers as text (only the top-level `val` carries an xsi:type).
const hardware = {
  $type: 'HostHardwareSummary',
  numCpuPkgs: '2',
  numCpuCores: '16',
  numCpuThreads: '32',
  cpuMhz: '2000',
  memorySize: String(256 * GIB),
};
const host = (props: Record<string, VimValue> = {}) =>
  content('HostSystem', 'host-7', {
    name: 'esx-07',
    'runtime.connectionState': 'connected',
    'runtime.inMaintenanceMode': false,
    'runtime.powerState': 'poweredOn',
    'summary.hardware': hardware,
    'summary.quickStats': { overallCpuUsage: '8000', overallMemoryUsage: '65536' },
    datastore: [moref('Datastore', 'ds-1'), moref('Datastore', 'ds-2'), moref('Datastore', 'ds-unknown')],
    vm: [moref('VirtualMachine', 'vm-1'), moref('VirtualMachine', 'vm-2'), moref('VirtualMachine', 'vm-3')],
    ...props,
  });
const datastores = new Map([
  ['ds-1', content('Datastore', 'ds-1', { 'summary.capacity': 1000 * GIB, 'summary.freeSpace': 400 * GIB })],
  ['ds-2', content('Datastore', 'ds-2', { 'summary.capacity': 500 * GIB, 'summary.freeSpace': 500 * GIB })],
]);

describe('a vCenter host as the core sees it', () => {
  it('reads topology, memory and the storage of the datastores it reaches', () => {
    expect(describeHost(host(), datastores)).toEqual({
      ref: 'host-7',
      name: 'esx-07',
      cpu: { sockets: 2, coresPerSocket: 8, threadsPerCore: 2, mhz: 2000 },
      memoryMiB: 256 * 1024,
      storageGiB: 1500,
      state: 'up',
    });
  });

  it('reports use from quickStats: MHz over capacity, MB, bytes held on its datastores, its VMs', () => {
    expect(hostUsage(host(), datastores)).toEqual({
      ref: 'host-7',
      state: 'up',
      cpuUsedPercent: 25,
      memoryUsedMiB: 65536,
      storageUsedGiB: 600,
      instances: 3,
    });
  });

  it('maps connection, maintenance and power to up, down and disconnected', () => {
    expect(hostState(host({ 'runtime.connectionState': 'notResponding' }))).toBe('disconnected');
    expect(hostState(host({ 'runtime.connectionState': 'disconnected' }))).toBe('disconnected');
    expect(hostState(host({ 'runtime.inMaintenanceMode': true }))).toBe('down');
    expect(hostState(host({ 'runtime.powerState': 'standBy' }))).toBe('down');
  });

  it('refuses hardware that is not numbers as a malformed answer, not NaN in the scheduler', () => {
    const broken = host({ 'summary.hardware': { ...hardware, memorySize: 'lots' } });
    const error = expectThrowsEcloud(() => describeHost(broken, datastores), 'DRIVER_FAILURE');
    expect(error.details).toMatchObject({ reason: 'malformed-answer' });
  });

  it('keeps a VM-less host at zero instances and caps CPU use at 100%', () => {
    const busy = host({
      vm: [],
      'summary.quickStats': { overallCpuUsage: '999999', overallMemoryUsage: '0' },
    });
    expect(hostUsage(busy, datastores)).toMatchObject({ cpuUsedPercent: 100, instances: 0 });
  });
});
