import { afterEach, describe, expect, it, vi } from 'vitest';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import { COMPUTE_SPI_VERSION, type DriverEvent } from '../../src/spi/compute-driver.js';
import {
  computeDriverContract,
  contractCaseApplies,
  SIMULATOR_HOST_DEFAULTS,
  type SimulatorDriver,
  type SimulatorOptions,
  simulator,
} from '../../src/testing/index.js';
import { dataDisk, instanceSpec, opts } from './sim-helpers.js';

async function connected(options: SimulatorOptions = {}): Promise<SimulatorDriver> {
  const driver = simulator(options);
  await driver.connect(opts());
  return driver;
}

function collectEvents(driver: SimulatorDriver): DriverEvent[] {
  const events: DriverEvent[] = [];
  driver.subscribe((event) => events.push(event));
  return events;
}

const flushMicrotasks = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('simulator: the compute driver contract', () => {
  const capabilities = simulator().capabilities;
  for (const c of computeDriverContract({ makeDriver: () => simulator() })) {
    it.skipIf(!contractCaseApplies(c, capabilities))(c.name, c.run);
  }
});

describe('simulator with capabilities off: the gated contract', () => {
  const options: SimulatorOptions = {
    hypervisor: 'xen',
    capabilities: {
      liveMigration: false,
      snapshot: false,
      hotResize: false,
      hotplugDisk: false,
      suspend: false,
    },
  };
  const capabilities = simulator(options).capabilities;
  const cases = computeDriverContract({ makeDriver: () => simulator(options) });
  // The cases this driver cannot serve are not registered; the test below runs them to prove they fail.
  for (const c of cases.filter((one) => contractCaseApplies(one, capabilities))) {
    it(c.name, c.run);
  }

  it('skips exactly the cases needing a missing capability, each of which the driver would fail', async () => {
    const skipped = cases.filter((c) => !contractCaseApplies(c, capabilities));
    expect(skipped.map((c) => c.requires)).toEqual([
      ['suspend'],
      ['suspend'],
      ['hotResize'],
      ['hotplugDisk'],
      ['liveMigration'],
      ['snapshot'],
    ]);
    for (const c of skipped) await expect(c.run(), c.name).rejects.toThrow();
  });
});

describe('simulator options', () => {
  it('defaults to two default hosts, every capability, the simulator hypervisor and the core SPI version', async () => {
    const driver = await connected();
    expect(driver.name).toBe('sim');
    expect(driver.hypervisor).toBe('simulator');
    expect(driver.spiVersion).toBe(COMPUTE_SPI_VERSION);
    expect(Object.values(driver.capabilities)).toEqual(Array(9).fill(true));
    expect(await driver.listHosts(opts())).toEqual([
      { ref: 'sim-host-1', name: 'host-1', ...SIMULATOR_HOST_DEFAULTS, state: 'up' },
      { ref: 'sim-host-2', name: 'host-2', ...SIMULATOR_HOST_DEFAULTS, state: 'up' },
    ]);
  });

  it('builds hosts from a count and a partial template, under the driver name and hypervisor given', async () => {
    const driver = await connected({
      name: 'kvm-rack1',
      hypervisor: 'kvm',
      hosts: { count: 3, template: { memoryMiB: 1024 } },
    });
    expect(driver.hypervisor).toBe('kvm');
    const hosts = await driver.listHosts(opts());
    expect(hosts.map((host) => [host.ref, host.memoryMiB, host.storageGiB])).toEqual([
      ['kvm-rack1-host-1', 1024, SIMULATOR_HOST_DEFAULTS.storageGiB],
      ['kvm-rack1-host-2', 1024, SIMULATOR_HOST_DEFAULTS.storageGiB],
      ['kvm-rack1-host-3', 1024, SIMULATOR_HOST_DEFAULTS.storageGiB],
    ]);
  });

  it('takes an explicit host list, filling what each entry leaves out', async () => {
    const cpu = { sockets: 1, coresPerSocket: 4, threadsPerCore: 1, mhz: 2000 };
    const driver = await connected({
      hosts: [{ ref: 'esx-a', name: 'a', cpu, memoryMiB: 2048, storageGiB: 10, storagePools: ['ds-1'] }, {}],
    });
    expect(await driver.getHost('esx-a', opts())).toEqual({
      ref: 'esx-a',
      name: 'a',
      cpu,
      memoryMiB: 2048,
      storageGiB: 10,
      storagePools: ['ds-1'],
      state: 'up',
    });
    const other = await driver.getHost('sim-host-2', opts());
    expect(other.memoryMiB).toBe(SIMULATOR_HOST_DEFAULTS.memoryMiB);
    expect(other.storagePools).toEqual([]);
  });

  it.each([
    ['a negative host count', { hosts: { count: -1 } }],
    ['an unknown capability', { capabilities: { teleport: true } }],
    ['an unknown hypervisor', { hypervisor: 'hyperv' }],
    ['a negative latency', { latencyMs: -5 }],
    ['a host ref used twice', { hosts: [{ ref: 'h' }, { ref: 'h' }] }],
    ['an empty name', { name: '' }],
  ])('refuses %s with INVALID_ARGUMENT', (_, options) => {
    expect(() => simulator(options as unknown as SimulatorOptions)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('simulator connection', () => {
  it('answers nothing before connect and after close', async () => {
    const driver = simulator();
    await expect(driver.listHosts(opts())).rejects.toMatchObject({ code: 'DRIVER_UNAVAILABLE' });
    await driver.connect(opts());
    await expect(driver.listHosts(opts())).resolves.toHaveLength(2);
    await driver.close();
    await expect(driver.listHosts(opts())).rejects.toMatchObject({ code: 'DRIVER_UNAVAILABLE' });
  });

  it('fails every call DRIVER_UNAVAILABLE (retryable) while disconnected and keeps its state across', async () => {
    const driver = await connected();
    const spec = instanceSpec('sim-host-1');
    const { ref } = await driver.createInstance(spec, opts());
    driver.disconnect();
    const error = await driver.listHosts(opts()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EcloudError);
    expect(error).toMatchObject({ code: 'DRIVER_UNAVAILABLE', retryable: true, driver: 'sim' });
    await expect(driver.start(ref, opts())).rejects.toMatchObject({ code: 'DRIVER_UNAVAILABLE' });
    await expect(driver.connect(opts())).rejects.toMatchObject({ code: 'DRIVER_UNAVAILABLE' });
    driver.reconnect();
    expect((await driver.findInstance(spec.id, opts()))?.power).toBe('running');
  });
});

describe('simulator capacity', () => {
  const small: SimulatorOptions = {
    hosts: [
      {
        ref: 'small',
        cpu: { sockets: 1, coresPerSocket: 2, threadsPerCore: 2, mhz: 2000 },
        memoryMiB: 1024,
        storageGiB: 100,
      },
      { ref: 'big' },
    ],
  };

  it('refuses to run more memory than the host has, and a refused create leaves nothing behind', async () => {
    const driver = await connected(small);
    await driver.createInstance(instanceSpec('small', { memoryMiB: 768 }), opts());
    const refused = instanceSpec('small', { memoryMiB: 512 });
    const error = await driver.createInstance(refused, opts()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'DRIVER_FAILURE',
      retryable: false,
      details: { reason: 'capacity', resource: 'memory', hostRef: 'small', requestedMiB: 512, freeMiB: 256 },
    });
    expect(driver.instanceCount).toBe(1);
    expect(await driver.findInstance(refused.id, opts())).toBeUndefined();
    expect(await driver.findDisk(refused.disks[0]?.id ?? '', opts())).toBeUndefined();
  });

  it('counts only running and suspended instances against memory', async () => {
    const driver = await connected(small);
    const first = await driver.createInstance(instanceSpec('small', { memoryMiB: 768 }), opts());
    const second = await driver.createInstance(
      instanceSpec('small', { memoryMiB: 512, start: false }),
      opts(),
    );
    await expect(driver.start(second.ref, opts())).rejects.toMatchObject({ details: { resource: 'memory' } });
    await driver.suspend(first.ref, opts());
    await expect(driver.start(second.ref, opts())).rejects.toMatchObject({ details: { resource: 'memory' } });
    await driver.powerOff(first.ref, { force: true }, opts());
    await driver.start(second.ref, opts());
    expect(await driver.hostUsage('small', opts())).toEqual({
      ref: 'small',
      state: 'up',
      cpuUsedPercent: 25,
      memoryUsedMiB: 512,
      storageUsedGiB: 2,
      instances: 2,
    });
  });

  it('refuses an instance with more vCPUs than the host has hardware threads', async () => {
    const driver = await connected(small);
    await expect(driver.createInstance(instanceSpec('small', { vcpus: 5 }), opts())).rejects.toMatchObject({
      code: 'DRIVER_FAILURE',
      details: { resource: 'vcpus', requestedVcpus: 5, logicalCpus: 4 },
    });
    const { ref } = await driver.createInstance(instanceSpec('small', { vcpus: 4, start: false }), opts());
    await expect(driver.resize(ref, { vcpus: 5, memoryMiB: 256 }, opts())).rejects.toMatchObject({
      details: { resource: 'vcpus' },
    });
  });

  it('refuses disks beyond the host storage', async () => {
    const driver = await connected(small);
    await driver.createDisk('small', dataDisk(1, 60), opts());
    await expect(driver.createDisk('small', dataDisk(1, 50), opts())).rejects.toMatchObject({
      code: 'DRIVER_FAILURE',
      details: { resource: 'storage', requestedGiB: 50, freeGiB: 40 },
    });
    expect((await driver.hostUsage('small', opts())).storageUsedGiB).toBe(60);
  });

  it('checks memory on a hot resize and on the target of a migration', async () => {
    const driver = await connected(small);
    const { ref } = await driver.createInstance(instanceSpec('small', { memoryMiB: 512 }), opts());
    await expect(driver.resize(ref, { vcpus: 1, memoryMiB: 2048 }, opts())).rejects.toMatchObject({
      details: { resource: 'memory', requestedMiB: 1536 },
    });
    const large = await driver.createInstance(instanceSpec('big', { memoryMiB: 768 }), opts());
    await expect(driver.migrate(large.ref, 'small', { live: true }, opts())).rejects.toMatchObject({
      details: { resource: 'memory', hostRef: 'small' },
    });
    expect((await driver.hostUsage('big', opts())).instances).toBe(1);
  });

  it('keeps pooled disks off local storage, and refuses a pool the host does not reach', async () => {
    const driver = await connected({
      hosts: [
        { ref: 'san', storageGiB: 10, storagePools: ['pool-a'] },
        { ref: 'local', storageGiB: 10 },
      ],
    });
    const pooled = { ...dataDisk(0, 500), role: 'system' as const, storagePool: 'pool-a' };
    // 500 GiB on a host with 10 of its own: the pool holds it.
    const { ref } = await driver.createInstance(instanceSpec('san', { disks: [pooled] }), opts());
    expect((await driver.hostUsage('san', opts())).storageUsedGiB).toBe(0);
    await expect(
      driver.createDisk('local', { ...dataDisk(1, 5), storagePool: 'pool-a' }, opts()),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { hostRef: 'local', storagePool: 'pool-a' } });
    await expect(driver.migrate(ref, 'local', { live: true }, opts())).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { storagePool: 'pool-a' },
    });
    expect((await driver.hostUsage('san', opts())).instances).toBe(1);
  });

  it('moves memory and storage use with a live migration', async () => {
    const driver = await connected(small);
    const spec = instanceSpec('big', { memoryMiB: 512, disks: [{ ...dataDisk(0, 30), role: 'system' }] });
    const { ref } = await driver.createInstance(spec, opts());
    await driver.migrate(ref, 'small', { live: true }, opts());
    expect(await driver.hostUsage('small', opts())).toMatchObject({
      memoryUsedMiB: 512,
      storageUsedGiB: 30,
      instances: 1,
    });
    expect(await driver.hostUsage('big', opts())).toMatchObject({
      memoryUsedMiB: 0,
      storageUsedGiB: 0,
      instances: 0,
    });
  });
});

describe('simulator state machine and capabilities', () => {
  it('refuses a resize of a running instance without hotResize, and suspend without the capability', async () => {
    const driver = await connected({ capabilities: { hotResize: false, suspend: false } });
    const { ref } = await driver.createInstance(instanceSpec('sim-host-1'), opts());
    await expect(driver.resize(ref, { vcpus: 2, memoryMiB: 256 }, opts())).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
      details: { power: 'running', allowedFrom: ['stopped'] },
    });
    await expect(driver.suspend(ref, opts())).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await driver.powerOff(ref, { force: false }, opts());
    await driver.resize(ref, { vcpus: 2, memoryMiB: 256 }, opts());
    expect([...driver.instances()]).toMatchObject([{ ref, vcpus: 2, power: 'stopped' }]);
  });

  it('refuses to wipe without secureErase and then deletes nothing', async () => {
    const driver = await connected({ capabilities: { secureErase: false } });
    const spec = instanceSpec('sim-host-1');
    const { ref } = await driver.createInstance(spec, opts());
    await expect(driver.delete(ref, { wipe: true }, opts())).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    const disk = dataDisk(1);
    const diskRef = await driver.createDisk('sim-host-1', disk, opts());
    await expect(driver.deleteDisk(diskRef, { wipe: true }, opts())).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    expect(await driver.findInstance(spec.id, opts())).toBeDefined();
    expect(await driver.findDisk(disk.id, opts())).toBe(diskRef);
  });

  it('guards disks: the system disk stays, a disk serves one instance, a slot holds one disk', async () => {
    const driver = await connected();
    const spec = instanceSpec('sim-host-1', { start: false });
    const a = await driver.createInstance(spec, opts());
    const b = await driver.createInstance(instanceSpec('sim-host-1', { start: false }), opts());
    const systemRef = a.disks[spec.disks[0]?.id ?? ''] ?? '';
    await expect(driver.detachDisk(a.ref, systemRef, opts())).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
    });
    const diskRef = await driver.createDisk('sim-host-1', dataDisk(1), opts());
    await driver.attachDisk(a.ref, diskRef, opts());
    await driver.attachDisk(a.ref, diskRef, opts());
    await expect(driver.attachDisk(b.ref, diskRef, opts())).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
      details: { attachedTo: a.ref },
    });
    await expect(driver.detachDisk(b.ref, diskRef, opts())).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
    const sameSlot = await driver.createDisk('sim-host-1', dataDisk(1), opts());
    await expect(driver.attachDisk(a.ref, sameSlot, opts())).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
      details: { deviceIndex: 1, occupiedBy: diskRef },
    });
  });

  it('refuses duplicate ids, unknown refs, same-host migration, a mismatched clone and revert while running', async () => {
    const driver = await connected();
    const spec = instanceSpec('sim-host-1');
    const { ref } = await driver.createInstance(spec, opts());
    await expect(driver.createInstance({ ...spec }, opts())).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    await expect(
      driver.createInstance(instanceSpec('sim-host-1', { disks: spec.disks }), opts()),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS', details: { volumeId: spec.disks[0]?.id } });
    await expect(driver.start('sim-vm-404', opts())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(driver.getHost('nowhere', opts())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(driver.migrate(ref, 'sim-host-1', { live: true }, opts())).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const twoDisks = instanceSpec('sim-host-1', { disks: [...instanceSpec('x').disks, dataDisk(1)] });
    await expect(driver.clone(ref, twoDisks, opts())).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const snapshotRef = await driver.createSnapshot(ref, { id: 'snap-1', name: 's' }, opts());
    await expect(driver.revertSnapshot(ref, snapshotRef, opts())).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
    });
  });

  it('refuses a malformed spec with INVALID_ARGUMENT', async () => {
    const driver = await connected();
    await expect(
      driver.createInstance(instanceSpec('sim-host-1', { vcpus: 0 }), opts()),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('reports progress of a change as 100 on success', async () => {
    const driver = await connected();
    const progress: number[] = [];
    await driver.createInstance(instanceSpec('sim-host-1'), {
      ...opts(),
      progress: (percent) => progress.push(percent),
    });
    await driver.listHosts({ ...opts(), progress: (percent) => progress.push(percent) });
    expect(progress).toEqual([100]);
  });
});

describe('simulator fault injection', () => {
  it('failNext after: lets calls through, fails the next, then recovers', async () => {
    const driver = await connected();
    driver.failNext('createInstance', { after: 2 });
    await driver.createInstance(instanceSpec('sim-host-1'), opts());
    await driver.createInstance(instanceSpec('sim-host-1'), opts());
    const error = await driver
      .createInstance(instanceSpec('sim-host-1'), opts())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EcloudError);
    expect(error).toMatchObject({
      code: 'DRIVER_FAILURE',
      retryable: true,
      driver: 'sim',
      details: { injected: true, method: 'createInstance', call: 3 },
    });
    await driver.createInstance(instanceSpec('sim-host-1'), opts());
    expect(driver.callCount('createInstance')).toBe(4);
    expect(driver.instanceCount).toBe(3);
  });

  it('failNext times: fails that many calls in a row', async () => {
    const driver = await connected();
    driver.failNext('listHosts', { times: 2 });
    await expect(driver.listHosts(opts())).rejects.toMatchObject({ details: { injected: true } });
    await expect(driver.listHosts(opts())).rejects.toMatchObject({ details: { injected: true } });
    await expect(driver.listHosts(opts())).resolves.toHaveLength(2);
  });

  it('counts each failNext rule over every call, so rules do not steal from one another', async () => {
    const driver = await connected();
    driver.failNext('listHosts', { after: 2 });
    driver.failNext('listHosts', { after: 5 });
    const outcomes: boolean[] = [];
    for (let i = 0; i < 7; i++)
      outcomes.push(
        await driver.listHosts(opts()).then(
          () => true,
          () => false,
        ),
      );
    expect(outcomes).toEqual([true, true, false, true, true, false, true]);
  });

  it('throws the error given, as an instance or built from the call', async () => {
    const driver = await connected();
    const custom = new EcloudError('TIMEOUT', 'slow');
    driver.failNext('getHost', { error: custom });
    driver.failNext('hostUsage', { error: (call) => new Error(`boom ${call.method}`) });
    await expect(driver.getHost('sim-host-1', opts())).rejects.toBe(custom);
    await expect(driver.hostUsage('sim-host-1', opts())).rejects.toThrow('boom hostUsage');
  });

  it('applied: the call takes effect although it fails, as when a reply is lost', async () => {
    const driver = await connected();
    driver.failNext('createInstance', { applied: true });
    const spec = instanceSpec('sim-host-1');
    await expect(driver.createInstance(spec, opts())).rejects.toMatchObject({ code: 'DRIVER_FAILURE' });
    expect((await driver.findInstance(spec.id, opts()))?.power).toBe('running');
  });

  it('failWhen: fails the calls the predicate picks until withdrawn', async () => {
    const driver = await connected();
    const a = await driver.createInstance(instanceSpec('sim-host-1', { start: false }), opts());
    const b = await driver.createInstance(instanceSpec('sim-host-1', { start: false }), opts());
    const withdraw = driver.failWhen((call) => call.method === 'start' && call.args[0] === a.ref);
    await expect(driver.start(a.ref, opts())).rejects.toMatchObject({
      details: { injected: true, method: 'start' },
    });
    await driver.start(b.ref, opts());
    withdraw();
    await driver.start(a.ref, opts());
    expect(driver.callCount('start')).toBe(3);
  });

  it('clearFaults withdraws every rule; bad failNext options are refused', async () => {
    const driver = await connected();
    driver.failNext('listHosts');
    driver.failWhen(() => true);
    driver.clearFaults();
    await expect(driver.listHosts(opts())).resolves.toHaveLength(2);
    expect(() => driver.failNext('listHosts', { times: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('simulator host failure and events', () => {
  it('a crash: host down, instances unreachable, power cut; recovery reports the stop', async () => {
    const driver = await connected();
    const events = collectEvents(driver);
    const running = instanceSpec('sim-host-1');
    const stopped = instanceSpec('sim-host-1', { start: false });
    const elsewhere = instanceSpec('sim-host-2');
    const { ref } = await driver.createInstance(running, opts());
    await driver.createInstance(stopped, opts());
    await driver.createInstance(elsewhere, opts());

    driver.failHost('sim-host-1');
    expect(events).toEqual([]);
    await flushMicrotasks();
    expect(events).toEqual([{ type: 'host.state', hostRef: 'sim-host-1', state: 'down' }]);
    expect((await driver.getHost('sim-host-1', opts())).state).toBe('down');
    expect(await driver.hostUsage('sim-host-1', opts())).toMatchObject({ state: 'down', memoryUsedMiB: 0 });
    const error = await driver.reboot(ref, opts()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'DRIVER_UNAVAILABLE',
      retryable: true,
      details: { hostRef: 'sim-host-1' },
    });
    await expect(driver.findInstance(running.id, opts())).rejects.toMatchObject({
      code: 'DRIVER_UNAVAILABLE',
    });
    await expect(driver.createInstance(instanceSpec('sim-host-1'), opts())).rejects.toMatchObject({
      code: 'DRIVER_UNAVAILABLE',
    });
    expect((await driver.findInstance(elsewhere.id, opts()))?.power).toBe('running');

    driver.recoverHost('sim-host-1');
    await flushMicrotasks();
    expect(events.slice(1)).toEqual([
      { type: 'host.state', hostRef: 'sim-host-1', state: 'up' },
      { type: 'instance.power', instanceRef: ref, power: 'stopped' },
    ]);
    expect((await driver.findInstance(running.id, opts()))?.power).toBe('stopped');
    await driver.start(ref, opts());
  });

  it('a crashed host lets its stopped instances be moved cold, not live', async () => {
    const driver = await connected();
    const spec = instanceSpec('sim-host-1');
    const { ref } = await driver.createInstance(spec, opts());
    driver.failHost('sim-host-1');
    await expect(driver.migrate(ref, 'sim-host-2', { live: true }, opts())).rejects.toMatchObject({
      code: 'DRIVER_UNAVAILABLE',
    });
    await driver.migrate(ref, 'sim-host-2', { live: false }, opts());
    await driver.start(ref, opts());
    expect(await driver.findInstance(spec.id, opts())).toMatchObject({
      hostRef: 'sim-host-2',
      power: 'running',
    });
  });

  it('a partition: host disconnected, instances keep running and cannot be moved', async () => {
    const driver = await connected();
    const events = collectEvents(driver);
    const spec = instanceSpec('sim-host-1');
    const { ref } = await driver.createInstance(spec, opts());
    driver.failHost('sim-host-1', { mode: 'partition' });
    await expect(driver.powerOff(ref, { force: true }, opts())).rejects.toMatchObject({
      code: 'DRIVER_UNAVAILABLE',
    });
    await expect(driver.migrate(ref, 'sim-host-2', { live: false }, opts())).rejects.toMatchObject({
      code: 'DRIVER_UNAVAILABLE',
    });
    driver.recoverHost('sim-host-1');
    await flushMicrotasks();
    expect(events).toEqual([
      { type: 'host.state', hostRef: 'sim-host-1', state: 'disconnected' },
      { type: 'host.state', hostRef: 'sim-host-1', state: 'up' },
    ]);
    expect((await driver.findInstance(spec.id, opts()))?.power).toBe('running');
  });

  it('a guest power-off is reported; an unsubscribed listener hears nothing more', async () => {
    const driver = await connected();
    const heard: DriverEvent[] = [];
    const unsubscribe = driver.subscribe((event) => heard.push(event));
    const { ref } = await driver.createInstance(instanceSpec('sim-host-1'), opts());
    driver.guestPowerOff(ref);
    await flushMicrotasks();
    expect(heard).toEqual([{ type: 'instance.power', instanceRef: ref, power: 'stopped' }]);
    driver.failHost('sim-host-2');
    unsubscribe();
    await flushMicrotasks();
    expect(heard).toHaveLength(1);
  });
});

describe('simulator latency', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('uses no timer at latency 0', async () => {
    const driver = simulator();
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    await driver.connect(opts());
    await driver.createInstance(instanceSpec('sim-host-1'), opts());
    expect(setTimeoutSpy).not.toHaveBeenCalled();
  });

  it('holds each call for the latency', async () => {
    vi.useFakeTimers();
    const driver = simulator({ latencyMs: 50 });
    const connecting = driver.connect(opts());
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    let settled = false;
    const listing = driver.listHosts(opts()).then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(49);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await listing;
    expect(settled).toBe(true);
  });

  it('an abort during the latency rejects CANCELLED and the call has no effect', async () => {
    vi.useFakeTimers();
    const driver = simulator({ latencyMs: 50 });
    const connecting = driver.connect(opts());
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    const controller = new AbortController();
    const spec = instanceSpec('sim-host-1');
    const creating = driver.createInstance(spec, opts(controller.signal));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await expect(creating).rejects.toMatchObject({ code: 'CANCELLED', driver: 'sim' });
    await vi.advanceTimersByTimeAsync(100);
    expect(driver.instanceCount).toBe(0);
  });
});

describe('simulator observation', () => {
  it('records a wipe per disk of a wiped instance or disk, and none without wipe', async () => {
    const driver = await connected();
    const spec = instanceSpec('sim-host-1', { disks: [...instanceSpec('x').disks, dataDisk(1)] });
    const created = await driver.createInstance(spec, opts());
    await driver.delete(created.ref, { wipe: true }, opts());
    expect(driver.wipes.map(({ diskRef, volumeId }) => ({ diskRef, volumeId }))).toEqual(
      Object.entries(created.disks).map(([volumeId, diskRef]) => ({ diskRef, volumeId })),
    );
    expect(driver.wipes.every((wipe) => !Number.isNaN(Date.parse(wipe.at)))).toBe(true);
    const plain = await driver.createInstance(instanceSpec('sim-host-1'), opts());
    await driver.delete(plain.ref, { wipe: false }, opts());
    const disk = dataDisk(1);
    const diskRef = await driver.createDisk('sim-host-1', disk, opts());
    await driver.deleteDisk(diskRef, { wipe: true }, opts());
    expect(driver.wipes).toHaveLength(3);
    expect(driver.wipes[2]).toMatchObject({ diskRef, volumeId: disk.id });
  });

  it('holds 5,000 hosts and 50,000 instances', async () => {
    const hostCount = 5000;
    const driver = await connected({
      hosts: { count: hostCount, template: { memoryMiB: 65_536, storageGiB: 1000 } },
    });
    expect(await driver.listHosts(opts())).toHaveLength(hostCount);
    const options = opts();
    for (let i = 0; i < 50_000; i++) {
      await driver.createInstance(
        {
          id: `vm-${i}`,
          name: `vm-${i}`,
          hostRef: `sim-host-${(i % hostCount) + 1}`,
          vcpus: 1,
          memoryMiB: 512,
          disks: [{ id: `vol-${i}`, sizeGiB: 10, role: 'system', deviceIndex: 0 }],
          nics: [],
          start: true,
        },
        options,
      );
    }
    expect(driver.instanceCount).toBe(50_000);
    let iterated = 0;
    for (const _ of driver.instances()) iterated += 1;
    expect(iterated).toBe(50_000);
    expect(await driver.hostUsage(`sim-host-${hostCount}`, options)).toMatchObject({
      instances: 10,
      memoryUsedMiB: 5120,
      storageUsedGiB: 100,
    });
    expect(await driver.findInstance('vm-49999', options)).toMatchObject({
      hostRef: `sim-host-${hostCount}`,
    });
    expect(await driver.findDisk('vol-12345', options)).toBeDefined();
  });
});

describe('simulator fencing', () => {
  it('powers a partitioned host off so nothing on it runs, and refuses without the capability', async () => {
    const driver = await connected();
    const spec = {
      id: 'vm-f',
      name: 'f',
      hostRef: 'sim-host-2',
      vcpus: 1,
      memoryMiB: 512,
      disks: [],
      nics: [],
      start: true,
    };
    const made = await driver.createInstance(spec, opts());
    driver.failHost('sim-host-2', { mode: 'partition' });
    // Partitioned, the instance may still be running: nothing may move it off.
    await expect(driver.migrate(made.ref, 'sim-host-1', { live: false }, opts())).rejects.toMatchObject({
      code: 'DRIVER_UNAVAILABLE',
    });
    await driver.fence('sim-host-2', opts());
    await driver.migrate(made.ref, 'sim-host-1', { live: false }, opts());
    expect((await driver.findInstance('vm-f', opts()))?.power).toBe('stopped');
    expect(driver.callCount('fence')).toBe(1);
    const unfenceable = await connected({ capabilities: { fencing: false } });
    await expect(unfenceable.fence('sim-host-1', opts())).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });
});
