import { afterEach, describe, expect, it } from 'vitest';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import { allocated, type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

const ZERO = { vcpus: 0, memoryMiB: 0, storageGiB: 0 };

describe.each(STORES)('failure injection on the $name store: every step rolls back', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('a failed driver create leaves no instance, no disk, no reservation and a failed job', async () => {
    f = await makeFixture({ store: make() });
    f.sim.failNext('createInstance');
    const handle = await f.cloud.instances.create(f.admin, {
      name: 'x',
      tenantId: f.tenant.id,
      offeringId: f.small.id,
      imageId: f.image.id,
      dataDisks: [{ sizeGiB: 4 }],
    });
    const error = await failure(handle.wait());
    expect(error).toBeInstanceOf(EcloudError);
    expect(error).toMatchObject({ code: 'DRIVER_FAILURE', driver: 'sim', jobId: handle.id });
    expect((await handle.get()).state).toBe('failed');
    expect(await allocated(f)).toEqual(ZERO);
    expect((await f.cloud.instances.list(f.admin)).items).toEqual([]);
    expect((await f.cloud.volumes.list(f.admin)).items).toEqual([]);
    expect(f.sim.instanceCount).toBe(0);
  });

  it('a create whose driver reply is lost after the VM was made deletes that VM on rollback', async () => {
    f = await makeFixture({ store: make() });
    f.sim.failNext('createInstance', { applied: true });
    const handle = await f.cloud.instances.create(f.admin, {
      name: 'x',
      tenantId: f.tenant.id,
      offeringId: f.small.id,
      imageId: f.image.id,
    });
    await failure(handle.wait());
    // Nothing was journaled, yet the VM exists: the rollback finds it through the step's recovery.
    expect(f.sim.instanceCount).toBe(0);
    expect(f.sim.wipes).toHaveLength(1);
    expect(await allocated(f)).toEqual(ZERO);
  });

  it('a failed resize restores the old size on the driver and releases the growth', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    f.sim.failNext('resize');
    await failure((await f.cloud.instances.resize(f.admin, vm.id, { offeringId: f.large.id })).wait());
    expect(await f.cloud.instances.get(f.admin, vm.id)).toMatchObject({
      vcpus: 2,
      memoryMiB: 2048,
      jobId: null,
      task: null,
    });
    expect(await allocated(f)).toMatchObject({ vcpus: 2, memoryMiB: 2048 });
  });

  it('a failed attach after the disk was made deletes the disk (wiped) and releases its space', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    f.sim.failNext('attachDisk');
    const error = await failure((await f.cloud.instances.attachDisk(f.admin, vm.id, { sizeGiB: 8 })).wait());
    expect(error.code).toBe('DRIVER_FAILURE');
    expect(f.sim.callCount('deleteDisk')).toBe(1);
    expect(f.sim.wipes).toHaveLength(1);
    expect((await f.cloud.volumes.list(f.admin, { instanceId: vm.id })).items).toHaveLength(1);
    expect((await allocated(f)).storageGiB).toBe(20);
  });

  it('a failed migration keeps the instance on its source and releases the target', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    f.sim.failNext('migrate');
    await failure((await f.cloud.instances.migrate(f.admin, vm.id)).wait());
    expect((await f.cloud.instances.get(f.admin, vm.id)).hostId).toBe(vm.hostId);
    const hosts = (await f.cloud.hosts.list(f.admin)).items;
    expect(hosts.find((h) => h.id !== vm.hostId)?.allocated).toEqual(ZERO);
  });

  it('a failed clone deletes the copy and frees its host and the source lock', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    f.sim.failNext('clone', { applied: true });
    await failure((await f.cloud.instances.clone(f.admin, vm.id, { name: 'copy' })).wait());
    expect((await f.cloud.instances.list(f.admin)).items.map((i) => i.id)).toEqual([vm.id]);
    expect((await f.cloud.instances.get(f.admin, vm.id)).jobId).toBeNull();
    expect(await allocated(f)).toMatchObject({ vcpus: 2, storageGiB: 20 });
    expect(f.sim.instanceCount).toBe(1);
  });

  it('a failed snapshot leaves no snapshot record', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    f.sim.failNext('createSnapshot');
    await failure((await f.cloud.instances.snapshot(f.admin, vm.id, { name: 's' })).wait());
    expect((await f.cloud.instances.listSnapshots(f.admin, vm.id)).items).toEqual([]);
  });

  it('a failed power operation keeps the state and unlocks the instance', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    f.sim.failNext('powerOff');
    await failure((await f.cloud.instances.stop(f.admin, vm.id)).wait());
    expect(await f.cloud.instances.get(f.admin, vm.id)).toMatchObject({ state: 'running', jobId: null });
    expect((await (await f.cloud.instances.stop(f.admin, vm.id)).wait()).state).toBe('stopped');
  });

  it('a failed delete keeps the instance, unlocked, so delete can be retried', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    f.sim.failNext('delete');
    await failure((await f.cloud.instances.delete(f.admin, vm.id)).wait());
    expect(await f.cloud.instances.get(f.admin, vm.id)).toMatchObject({ state: 'running', jobId: null });
    await (await f.cloud.instances.delete(f.admin, vm.id)).wait();
    expect(await allocated(f)).toEqual(ZERO);
  });

  it('a lost connection fails the job as retryable, and the same request then succeeds', async () => {
    f = await makeFixture({ store: make() });
    f.sim.disconnect();
    const error = await failure(
      (
        await f.cloud.instances.create(f.admin, {
          name: 'x',
          tenantId: f.tenant.id,
          offeringId: f.small.id,
          imageId: f.image.id,
        })
      ).wait(),
    );
    expect(error).toMatchObject({ code: 'DRIVER_UNAVAILABLE', retryable: true });
    f.sim.reconnect();
    expect((await f.vm('again')).state).toBe('running');
  });

  it('an undo that fails too is reported in the job error', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    f.sim.failNext('attachDisk');
    f.sim.failNext('deleteDisk');
    const error = await failure((await f.cloud.instances.attachDisk(f.admin, vm.id, { sizeGiB: 8 })).wait());
    expect(error.details.undoFailures).toHaveLength(1);
    expect((await f.cloud.instances.get(f.admin, vm.id)).jobId).toBeNull();
  });

  it('cancelling a running job undoes it and ends it cancelled', async () => {
    f = await makeFixture({ store: make(), sim: { latencyMs: 200 } });
    const handle = await f.cloud.instances.create(f.admin, {
      name: 'x',
      tenantId: f.tenant.id,
      offeringId: f.small.id,
      imageId: f.image.id,
    });
    await new Promise((r) => setTimeout(r, 20));
    await handle.cancel();
    expect((await failure(handle.wait())).code).toBe('CANCELLED');
    expect((await handle.get()).state).toBe('cancelled');
    expect(await allocated(f)).toEqual(ZERO);
    expect((await failure(handle.cancel())).code).toBe('ILLEGAL_STATE');
  });

  it('cancelling a job that waits for a runner slot ends it at once and keeps the queue moving', async () => {
    f = await makeFixture({ store: make(), sim: { latencyMs: 300 }, cloud: { jobConcurrency: 1 } });
    const input = (name: string) => ({
      name,
      tenantId: f.tenant.id,
      offeringId: f.small.id,
      imageId: f.image.id,
    });
    const first = await f.cloud.instances.create(f.admin, input('first'));
    const waiting = await f.cloud.instances.create(f.admin, input('waiting'));
    expect((await waiting.get()).state).toBe('queued');
    await waiting.cancel();
    expect((await failure(waiting.wait())).code).toBe('CANCELLED');
    expect((await first.get()).state).toBe('running');
    expect((await first.wait()).state).toBe('running');
    const third = await f.cloud.instances.create(f.admin, input('third'));
    expect((await third.wait({ timeoutMs: 5000 })).state).toBe('running');
    expect((await f.cloud.instances.list(f.admin)).items.map((i) => i.name)).toEqual(['first', 'third']);
  });

  it('a wait that times out throws TIMEOUT while the job goes on', async () => {
    f = await makeFixture({ store: make(), sim: { latencyMs: 150 } });
    const handle = await f.cloud.instances.create(f.admin, {
      name: 'x',
      tenantId: f.tenant.id,
      offeringId: f.small.id,
      imageId: f.image.id,
    });
    expect((await failure(handle.wait({ timeoutMs: 10 }))).code).toBe('TIMEOUT');
    expect((await handle.wait()).state).toBe('running');
    const controller = new AbortController();
    const second = await f.cloud.instances.stop(f.admin, (await handle.wait()).id);
    const waiting = second.wait({ signal: controller.signal });
    controller.abort();
    expect((await failure(waiting)).code).toBe('CANCELLED');
    expect((await second.wait()).state).toBe('stopped');
  });
});
