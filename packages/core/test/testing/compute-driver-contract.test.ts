import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
import type { ComputeDriver } from '../../src/spi/compute-driver.js';
import {
  type ContractCase,
  computeDriverContract,
  contractCaseApplies,
  type SimulatorDriver,
  simulator,
} from '../../src/testing/index.js';
import { opts } from './sim-helpers.js';

/** A simulator whose listed methods are replaced: a driver with a deliberate contract violation. */
function broken(driver: SimulatorDriver, overrides: Partial<ComputeDriver>): ComputeDriver {
  return new Proxy<ComputeDriver>(driver, {
    get(target, property) {
      const value: unknown = Reflect.get(property in overrides ? overrides : target, property);
      return typeof value === 'function' ? value.bind(property in overrides ? overrides : target) : value;
    },
  });
}

function caseNamed(cases: readonly ContractCase[], prefix: string): ContractCase {
  const found = cases.find((c) => c.name.startsWith(prefix));
  if (found === undefined) throw new Error(`no contract case starts with "${prefix}"`);
  return found;
}

describe('contractCaseApplies', () => {
  const all = simulator().capabilities;
  const c: ContractCase = { name: 'x', requires: ['clone', 'snapshot'], run: async () => undefined };

  it('applies when every required capability is declared', () => {
    expect(contractCaseApplies(c, all)).toBe(true);
    expect(contractCaseApplies({ ...c, requires: [] }, { ...all, clone: false })).toBe(true);
  });

  it('does not apply when one is missing', () => {
    expect(contractCaseApplies(c, { ...all, snapshot: false })).toBe(false);
  });
});

describe('computeDriverContract', () => {
  it('gives every case a unique name', () => {
    const names = computeDriverContract({ makeDriver: () => simulator() }).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(20);
  });

  it('fails the migrate cases clearly on a single-host driver instead of passing', async () => {
    const cases = computeDriverContract({ makeDriver: () => simulator({ hosts: { count: 1 } }) });
    await expect(caseNamed(cases, 'migrate (cold)').run()).rejects.toThrow(/at least two up hosts/);
    await expect(caseNamed(cases, 'migrate (live)').run()).rejects.toThrow(/at least two up hosts/);
  });

  it('uses the hosts the setup names', async () => {
    const cases = computeDriverContract({
      makeDriver: () => simulator({ hosts: { count: 3 } }),
      hostRef: () => 'sim-host-3',
      secondHostRef: () => 'sim-host-3',
    });
    await expect(caseNamed(cases, 'migrate (cold)').run()).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('leaves nothing behind and closes the driver, also when a case fails', async () => {
    const made: SimulatorDriver[] = [];
    const track = (driver: SimulatorDriver) => {
      made.push(driver);
      return driver;
    };
    const passing = computeDriverContract({ makeDriver: () => track(simulator()) });
    await caseNamed(passing, 'clone').run();
    const failing = computeDriverContract({
      makeDriver: () => {
        const driver = track(simulator());
        return broken(driver, { reboot: (ref, options) => driver.powerOff(ref, { force: true }, options) });
      },
    });
    await expect(caseNamed(failing, 'reboot').run()).rejects.toBeInstanceOf(AssertionError);
    expect(made).toHaveLength(2);
    for (const driver of made) {
      expect(driver.instanceCount).toBe(0);
      await driver.connect(opts());
      for (const host of await driver.listHosts(opts())) {
        expect((await driver.hostUsage(host.ref, opts())).storageUsedGiB).toBe(0);
      }
      expect(driver.callCount('close')).toBe(1);
    }
  });

  it('catches a driver whose start does nothing', async () => {
    const cases = computeDriverContract({
      makeDriver: () => broken(simulator(), { start: async () => undefined }),
    });
    await expect(caseNamed(cases, 'start and powerOff').run()).rejects.toThrow(/should be running/);
  });

  it('catches a driver that ignores an aborted signal', async () => {
    const cases = computeDriverContract({
      makeDriver: () => {
        const driver = simulator();
        return broken(driver, { listHosts: () => driver.listHosts(opts()) });
      },
    });
    await expect(caseNamed(cases, 'abort').run()).rejects.toThrow(/listHosts should reject with CANCELLED/);
  });

  it('catches a driver that deletes an attached disk', async () => {
    const cases = computeDriverContract({
      makeDriver: () => {
        const driver = simulator();
        return broken(driver, {
          deleteDisk: async (ref, mode, options) => {
            for (const instance of driver.instances()) {
              if (Object.values(instance.disks).includes(ref))
                await driver.detachDisk(instance.ref, ref, options);
            }
            await driver.deleteDisk(ref, mode, options);
          },
        });
      },
    });
    await expect(caseNamed(cases, 'disks: create, attach').run()).rejects.toThrow(
      /deleteDisk of an attached disk/,
    );
  });

  it('catches a driver whose revert keeps the current size', async () => {
    const cases = computeDriverContract({
      makeDriver: () => broken(simulator(), { revertSnapshot: async () => undefined }),
    });
    await expect(caseNamed(cases, 'snapshot').run()).rejects.toThrow(/revert must restore/);
  });

  it('reports the contract violation, not a cleanup failure that follows it', async () => {
    const cases = computeDriverContract({
      makeDriver: () => {
        const driver = simulator();
        return broken(driver, {
          start: async () => undefined,
          delete: async () => {
            throw new Error('cleanup broke too');
          },
        });
      },
    });
    await expect(caseNamed(cases, 'start and powerOff').run()).rejects.toThrow(/should be running/);
  });
});
