import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRejectsEcloud } from '../../../../test-support/ecloud-errors.js';
import { readStats, type VsphereStats } from '../../src/driver/performance-stats.js';
import type { ManagedObjectReference } from '../../src/soap/soap-value.js';
import { inventory } from '../../src/vim/inventory.js';
import { perfCounters, queryLatestSamples } from '../../src/vim/performance-manager.js';
import { VsphereSession } from '../../src/vim/vsphere-session.js';
import { vcsimEnv } from './vcsim-env.js';

// Performance statistics (R-MON-1) from the real vCenter simulator's PerformanceManager (govmomi
// 0.24.2, simulator/performance_manager.go and simulator/vpx/performance_manager*.go). What it serves:
// - the counter table of a vCenter 6.5 (vpx.PerfCounter), so every counter of ours resolves by name;
// - QueryPerf for any number of querySpecs in one call: for each, `maxSample` samples ending now, each
//   value taken from a recorded real-vCenter series for the entity's type (vpx.MetricData) plus Gaussian
//   noise (σ = a fifth of the value, clamped at 0). All eight of our counters have recorded data for
//   both VMs and hosts, none of them 0, so every field is there.
// What it does not do, so these tests cannot show it:
// - it never checks that an entity exists: QueryPerf for a VM id it does not have answers invented
//   data, where vCenter faults ManagedObjectNotFound (NOT_FOUND: the unit tests cover the mapping);
// - it serves powered-off VMs like running ones (vCenter has no real-time sample for them);
// - it never sends -1 ("no data"); for a counter without recorded data it sends 0, which Go's XML
//   encoder leaves out — a series without values, which we read as not reported.
const env = vcsimEnv();
const ca = readFileSync(env.caFile, 'utf8');
const signal = new AbortController().signal;

/**
 * The largest recorded value of each field in vpx.MetricData (converted to our units), for VMs and
 * hosts. With the simulator's noise a value beyond 2.2× the largest recorded one would be a 6σ draw:
 * a reading above that bound is a wrong conversion, not bad luck.
 */
const RECORDED_MAX: Record<VsphereStats['type'], Record<string, number>> = {
  VirtualMachine: {
    cpuUsedPercent: 35.9,
    cpuUsedMhz: 1654,
    memoryUsedMiB: 10485760 / 1024,
    memoryActiveMiB: 4194304 / 1024,
    diskReadKBps: 292,
    diskWriteKBps: 3373,
    netRxKBps: 1177,
    netTxKBps: 838,
  },
  HostSystem: {
    cpuUsedPercent: 64.22,
    cpuUsedMhz: 7321,
    memoryUsedMiB: 62931284 / 1024,
    memoryActiveMiB: 13717308 / 1024,
    diskReadKBps: 572,
    diskWriteKBps: 7004,
    netRxKBps: 4235,
    netTxKBps: 4529,
  },
};
const FIELDS = Object.keys(RECORDED_MAX.VirtualMachine);

describe('performance statistics from the vCenter simulator', () => {
  let session: VsphereSession;
  let hosts: ManagedObjectReference[];
  let vms: ManagedObjectReference[];

  beforeAll(async () => {
    session = await VsphereSession.login({
      url: env.url,
      username: env.username,
      password: env.password,
      tls: { ca },
    });
    const objects = await inventory(session, [
      { type: 'HostSystem', pathSet: ['name'] },
      { type: 'VirtualMachine', pathSet: ['name'] },
    ]);
    hosts = objects.filter((o) => o.obj.type === 'HostSystem').map((o) => o.obj);
    vms = objects.filter((o) => o.obj.type === 'VirtualMachine').map((o) => o.obj);
  });
  afterAll(async () => session?.logout());

  it('resolves our counters by name to the simulator vCenter keys and units, once per session', async () => {
    const table = await perfCounters(session, { signal });
    const row = (name: string) => {
      const counter = table.get(name);
      return counter && [counter.key, counter.unit];
    };
    // vpx.PerfCounter: the keys of a vCenter 6.5.
    expect(row('cpu.usage.average')).toEqual([2, 'percent']);
    expect(row('cpu.usagemhz.average')).toEqual([6, 'megaHertz']);
    expect(row('mem.active.average')).toEqual([33, 'kiloBytes']);
    expect(row('mem.consumed.average')).toEqual([98, 'kiloBytes']);
    expect(row('disk.read.average')).toEqual([130, 'kiloBytesPerSecond']);
    expect(row('disk.write.average')).toEqual([131, 'kiloBytesPerSecond']);
    expect(row('net.received.average')).toEqual([148, 'kiloBytesPerSecond']);
    expect(row('net.transmitted.average')).toEqual([149, 'kiloBytesPerSecond']);
    expect(await perfCounters(session, { signal })).toBe(table);
  });

  it('reads every VM and host in one call, each entity with all eight fields, finite and in range', async () => {
    expect(hosts.length).toBeGreaterThan(0);
    expect(vms.length).toBeGreaterThan(0);
    const before = Date.now();
    const stats = await readStats(session, [...hosts, ...vms], { signal });
    const after = Date.now();
    expect([...stats.keys()].sort()).toEqual([...hosts, ...vms].map((r) => r.value).sort());
    for (const ref of [...hosts, ...vms]) {
      const entry = stats.get(ref.value) as VsphereStats;
      expect(entry).toMatchObject({ ref: ref.value, type: ref.type, intervalSeconds: 20 });
      // The simulator's sample ends at the moment it answered (its clock is this machine's).
      const at = Date.parse(entry.sampledAt);
      expect(entry.sampledAt).toBe(new Date(at).toISOString());
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(after + 1000);
      const bounds = RECORDED_MAX[entry.type];
      for (const field of FIELDS) {
        const value = (entry as unknown as Record<string, unknown>)[field];
        expect(typeof value, `${ref.value} ${field}`).toBe('number');
        expect(Number.isFinite(value), `${ref.value} ${field}`).toBe(true);
        expect(value as number, `${ref.value} ${field}`).toBeGreaterThanOrEqual(0);
        expect(value as number, `${ref.value} ${field}`).toBeLessThanOrEqual(2.2 * (bounds[field] as number));
      }
    }
  });

  it('reads the same entities batch by batch', async () => {
    const refs = [...hosts, ...vms];
    const stats = await readStats(session, refs, { signal, batchSize: 2 });
    expect([...stats.keys()].sort()).toEqual(refs.map((r) => r.value).sort());
    for (const entry of stats.values()) expect(entry.cpuUsedMhz).toBeGreaterThanOrEqual(0);
  });

  it('leaves out a counter the simulator has no data for, rather than reporting 0', async () => {
    const table = await perfCounters(session, { signal });
    // cpu.usage.none has no recorded VM data: the simulator answers its series without a value.
    const none = table.get('cpu.usage.none');
    const usage = table.get('cpu.usage.average');
    if (!none || !usage) throw new Error('the simulator lacks cpu.usage counters');
    const [vm] = vms;
    if (!vm) throw new Error('no VM');
    const [sample] = await queryLatestSamples(session, [vm], [none, usage], { signal });
    expect(sample?.entity).toMatchObject({ type: 'VirtualMachine', value: vm.value });
    expect(sample?.values.has(none.key)).toBe(false);
    expect(sample?.values.get(usage.key)).toBeGreaterThan(0);
  });

  it('refuses what is not a VM or host, and an aborted read, before asking', async () => {
    const [datacenter] = await inventory(session, [{ type: 'Datacenter', pathSet: ['name'] }]);
    if (!datacenter) throw new Error('no datacenter');
    await expectRejectsEcloud(readStats(session, [datacenter.obj], { signal }), 'INVALID_ARGUMENT');
    const controller = new AbortController();
    controller.abort();
    await expectRejectsEcloud(readStats(session, vms, { signal: controller.signal }), 'CANCELLED');
  });
});
