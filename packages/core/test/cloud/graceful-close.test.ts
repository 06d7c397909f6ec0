// `cloud.close({ graceMs })`: jobs that end within the grace end; the others are checkpointed — left as
// last persisted, for the next start with the same node id to finish — and close does not outlast the
// grace by much, even when a driver call never returns.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Cloud, createCloud } from '../../src/cloud.js';
import { systemContext } from '../../src/context/call-context.js';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import type { ComputeDriver, DriverCallOptions } from '../../src/spi/compute-driver.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { type SimulatorDriver, simulator } from '../../src/testing/simulator/simulator-driver.js';
import { dyingIn } from '../helpers/dying-driver.js';
import { allocated, type Fixture, failure, makeFixture } from '../helpers/fixture.js';

const admin = systemContext('test-admin');

/**
 * A store that a cloud's close leaves open, and a way to reach it again: SQLite reopens its file (what a
 * restarted process does); the memory store cannot outlive its own close, so it is kept open instead.
 */
interface StoreKind {
  readonly name: string;
  /** The store of the first cloud, and the one the next cloud opens. */
  make(): { readonly first: Store; reopen(): Store };
}

const STORE_KINDS: readonly StoreKind[] = [
  {
    name: 'sqlite',
    make() {
      const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-close-')), 'close.db');
      return { first: createSqliteStore({ filename }), reopen: () => createSqliteStore({ filename }) };
    },
  },
  {
    name: 'memory (kept open across the close)',
    make() {
      const store = createMemoryStore();
      const kept = new Proxy(store, {
        get(target, prop) {
          if (prop === 'close') return async () => undefined;
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return { first: kept, reopen: () => kept };
    },
  },
];

/**
 * The simulator, except that `method` is held until its call's signal aborts, as a slow hypervisor
 * call that honours cancellation would be; `reached` resolves when the call starts.
 */
function heldIn(
  sim: SimulatorDriver,
  method: 'attachDisk' | 'createInstance',
): {
  driver: ComputeDriver;
  reached: Promise<void>;
} {
  let reachedNow!: () => void;
  const reached = new Promise<void>((resolve) => {
    reachedNow = resolve;
  });
  const driver = new Proxy(sim, {
    get(target, prop, receiver) {
      if (prop === method) {
        return (...args: unknown[]) => {
          const { signal } = args.at(-1) as DriverCallOptions;
          reachedNow();
          return new Promise((_, reject) => {
            const refuse = () => reject(new EcloudError('CANCELLED', `${method} was cancelled.`));
            if (signal.aborted) refuse();
            else signal.addEventListener('abort', refuse, { once: true });
          });
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { driver, reached };
}

/** Options of a driver call made by the test itself. */
function quick(): DriverCallOptions {
  return { signal: AbortSignal.timeout(1000), progress: () => undefined };
}

/** Milliseconds `work` took, and its value. */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

describe.each(STORE_KINDS)('cloud.close({ graceMs }) on the $name store', (kind) => {
  const clouds: Cloud[] = [];
  afterEach(async () => {
    await Promise.all(clouds.splice(0).map((cloud) => cloud.close()));
  });

  /** The cloud that starts after the close: same store, same node id, the simulator that kept running. */
  async function restart(reopen: () => Store, sim: SimulatorDriver): Promise<Cloud> {
    const cloud = await createCloud({ store: reopen(), drivers: [sim], nodeId: 'test-node' });
    clouds.push(cloud);
    return cloud;
  }

  async function fixture(driver: (sim: SimulatorDriver) => ComputeDriver, extra = {}) {
    const stores = kind.make();
    const sim = simulator({ name: 'sim', hosts: { count: 2 } });
    const first = await makeFixture({
      store: stores.first,
      cloud: { drivers: [driver(sim)], ha: { enabled: false }, ...extra },
    });
    return { stores, sim, first };
  }

  function create(f: Fixture, name: string) {
    return f.cloud.instances.create(f.admin, {
      name,
      tenantId: f.tenant.id,
      offeringId: f.small.id,
      imageId: f.image.id,
      dataDisks: [{ sizeGiB: 3 }],
    });
  }

  it('lets a job that ends within the grace end, without waiting out the grace', async () => {
    const stores = kind.make();
    const first = await makeFixture({
      store: stores.first,
      sim: { latencyMs: 50 },
      cloud: { ha: { enabled: false } },
    });
    const handle = await create(first, 'quick');
    const waited = handle.wait();
    const { ms, value: report } = await timed(() => first.cloud.close({ graceMs: 10_000 }));
    expect(report).toEqual({ finished: 1, checkpointed: [] });
    expect(ms).toBeLessThan(3000);
    expect((await waited).state).toBe('running');
    const next = await restart(stores.reopen, first.sim);
    expect(next.startup).toMatchObject({ resumed: 0, rolledBack: 0 });
    expect(await next.jobs.get(admin, handle.id)).toMatchObject({ state: 'succeeded' });
  });

  it('checkpoints a job stuck in a driver call that ignores its signal, within about the grace', async () => {
    let dying!: ReturnType<typeof dyingIn>;
    const { stores, sim, first } = await fixture((s) => {
      dying = dyingIn(s, 'createInstance', true);
      return dying.driver;
    });
    const handle = await create(first, 'stuck');
    const waited = failure(handle.wait());
    await dying.reached;
    const { ms, value: report } = await timed(() => first.cloud.close({ graceMs: 500 }));
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(1500);
    expect(report).toEqual({
      finished: 0,
      checkpointed: [
        {
          jobId: handle.id,
          operation: 'instance.create',
          state: 'running',
          stepsDone: 0,
          stepCount: 1,
          abandonedStep: 'driver.createInstance',
        },
      ],
    });
    expect(await waited).toMatchObject({ code: 'INTERRUPTED', details: { checkpointed: true } });
    // The hypervisor made the VM before the call hung: the next start finds it and undoes it.
    expect(sim.instanceCount).toBe(1);
    const next = await restart(stores.reopen, sim);
    expect(next.startup).toMatchObject({ rolledBack: 1, errors: [] });
    expect(await next.jobs.get(admin, handle.id)).toMatchObject({
      state: 'failed',
      error: { code: 'INTERRUPTED' },
    });
    expect(sim.instanceCount).toBe(0);
    expect((await next.instances.list(admin)).items).toEqual([]);
    expect((await next.volumes.list(admin)).items).toEqual([]);
    expect(await allocated({ cloud: next, admin } as unknown as Fixture)).toEqual({
      vcpus: 0,
      memoryMiB: 0,
      storageGiB: 0,
    });
  });

  it('stops a multi-step job at a step boundary with its journal, which the next start undoes', async () => {
    let held!: ReturnType<typeof heldIn>;
    const { stores, sim, first } = await fixture((s) => {
      held = heldIn(s, 'attachDisk');
      return held.driver;
    });
    const vm = await first.vm('two-steps');
    const handle = await first.cloud.instances.attachDisk(first.admin, vm.id, { sizeGiB: 6 });
    await held.reached;
    const volumeId = String((await handle.get()).input.volumeId);
    expect(await sim.findDisk(volumeId, quick())).toBeDefined();
    const { ms, value: report } = await timed(() => first.cloud.close({ graceMs: 1000 }));
    // Stopped at nine tenths of the grace; the held call honoured its signal, so no wait beyond.
    expect(ms).toBeLessThan(1000);
    expect(report.checkpointed).toEqual([
      {
        jobId: handle.id,
        operation: 'instance.attachDisk',
        state: 'running',
        stepsDone: 1,
        stepCount: 2,
        abandonedStep: 'driver.attachDisk',
      },
    ]);
    const next = await restart(stores.reopen, sim);
    expect(next.startup).toMatchObject({ rolledBack: 1, errors: [] });
    const job = await next.jobs.get(admin, handle.id);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'INTERRUPTED' } });
    expect(job.steps.map((step) => step.name)).toEqual(['driver.createDisk']);
    // The disk the first step made was wiped and deleted; the instance is unlocked, its own disks intact.
    expect(await sim.findDisk(volumeId, quick())).toBeUndefined();
    expect(sim.wipes.length).toBeGreaterThan(0);
    expect((await next.volumes.list(admin, { instanceId: vm.id })).items).toHaveLength(1);
    expect((await next.instances.get(admin, vm.id)).jobId).toBeNull();
    expect(await allocated({ cloud: next, admin } as unknown as Fixture)).toMatchObject({ storageGiB: 20 });
  });

  it('leaves a resumable job checkpointed for the next start to finish', async () => {
    let dying!: ReturnType<typeof dyingIn>;
    const { stores, sim, first } = await fixture((s) => {
      dying = dyingIn(s, 'delete', true);
      return dying.driver;
    });
    const vm = await first.vm('to-delete');
    const handle = await first.cloud.instances.delete(first.admin, vm.id);
    await dying.reached;
    const report = await first.cloud.close({ graceMs: 200 });
    expect(report.checkpointed).toMatchObject([{ jobId: handle.id, state: 'running', stepsDone: 0 }]);
    const next = await restart(stores.reopen, sim);
    expect(next.startup).toMatchObject({ resumed: 1, rolledBack: 0 });
    const done = await (await next.jobs.handle(admin, handle.id)).wait({ timeoutMs: 5000 });
    expect(done.state).toBe('succeeded');
    expect((await next.instances.list(admin)).items).toEqual([]);
    expect(sim.instanceCount).toBe(0);
    expect(await allocated({ cloud: next, admin } as unknown as Fixture)).toEqual({
      vcpus: 0,
      memoryMiB: 0,
      storageGiB: 0,
    });
  });

  it('leaves a job still waiting for a slot queued, and the next start runs it', async () => {
    let held!: ReturnType<typeof heldIn>;
    const { stores, sim, first } = await fixture(
      (s) => {
        held = heldIn(s, 'createInstance');
        return held.driver;
      },
      { jobConcurrency: 1 },
    );
    const running = await create(first, 'running-one');
    const waiting = await create(first, 'waiting-one');
    await held.reached;
    const report = await first.cloud.close({ graceMs: 300 });
    expect(report.checkpointed).toEqual([
      expect.objectContaining({ jobId: waiting.id, state: 'queued', stepsDone: 0, abandonedStep: null }),
      expect.objectContaining({
        jobId: running.id,
        state: 'running',
        abandonedStep: 'driver.createInstance',
      }),
    ]);
    const next = await restart(stores.reopen, sim);
    expect(next.startup).toMatchObject({ rolledBack: 1, resumed: 1 });
    const done = await (await next.jobs.handle(admin, waiting.id)).wait({ timeoutMs: 5000 });
    expect(done.state).toBe('succeeded');
    expect((await next.instances.list(admin)).items.map((i) => i.name)).toEqual(['waiting-one']);
    expect(sim.instanceCount).toBe(1);
  });
});

describe('cloud.close options', () => {
  it('refuses a bad grace with INVALID_ARGUMENT before closing anything', async () => {
    const f = await makeFixture({ cloud: { ha: { enabled: false } } });
    expect(await failure(f.cloud.close({ graceMs: -1 }))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await failure(f.cloud.close({ graceMs: 1.5 }))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(
      await failure(f.cloud.close({ graceMs: 10, extra: true } as unknown as { graceMs: number })),
    ).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await f.vm('still-open')).state).toBe('running');
    expect(await f.cloud.close()).toEqual({ finished: 0, checkpointed: [] });
  });
});
