import { afterEach, describe, expect, it } from 'vitest';
import { tenantContext } from '../../src/context/call-context.js';
import { allocated, type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

describe.each(STORES)('instance lifecycle on the $name store', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('creates a running instance with a system disk and data disks, reserving its host', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm('web', { dataDisks: [{ sizeGiB: 5 }, { sizeGiB: 7, name: 'logs' }] });
    expect(vm).toMatchObject({ state: 'running', task: null, jobId: null, vcpus: 2, memoryMiB: 2048 });
    expect(vm.id).toMatch(/^vm-[0-9A-Z]{26}$/);
    expect(vm.driverRef).not.toBeNull();
    const volumes = await f.cloud.volumes.list(f.admin, { instanceId: vm.id });
    expect(volumes.items.map((v) => [v.role, v.sizeGiB, v.deviceIndex, v.state])).toEqual([
      ['system', 20, 0, 'attached'],
      ['data', 5, 1, 'attached'],
      ['data', 7, 2, 'attached'],
    ]);
    expect(volumes.items.every((v) => v.driverRef !== null)).toBe(true);
    expect(await allocated(f)).toEqual({ vcpus: 2, memoryMiB: 2048, storageGiB: 32 });
    const found = await f.sim.findInstance(vm.id, {
      signal: new AbortController().signal,
      progress: () => {},
    });
    expect(found?.power).toBe('running');
  });

  it('creates a stopped instance when asked not to start it', async () => {
    f = await makeFixture({ store: make() });
    expect((await f.vm('cold', { start: false })).state).toBe('stopped');
  });

  it('runs stop, start, reboot, suspend, resume with the driver following', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    const power = async () =>
      (await f.sim.findInstance(vm.id, { signal: AbortSignal.timeout(1000), progress: () => {} }))?.power;
    expect((await (await f.cloud.instances.stop(f.admin, vm.id, { force: true })).wait()).state).toBe(
      'stopped',
    );
    expect(await power()).toBe('stopped');
    expect((await (await f.cloud.instances.start(f.admin, vm.id)).wait()).state).toBe('running');
    expect((await (await f.cloud.instances.reboot(f.admin, vm.id)).wait()).state).toBe('running');
    expect(f.sim.callCount('reboot')).toBe(1);
    expect((await (await f.cloud.instances.suspend(f.admin, vm.id)).wait()).state).toBe('suspended');
    expect(await power()).toBe('suspended');
    expect((await (await f.cloud.instances.resume(f.admin, vm.id)).wait()).state).toBe('running');
    expect((await (await f.cloud.instances.stop(f.admin, vm.id)).wait()).state).toBe('stopped');
  });

  it('resizes by offering and by explicit size, moving the host reservation with it', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    const bigger = await (await f.cloud.instances.resize(f.admin, vm.id, { offeringId: f.large.id })).wait();
    expect(bigger).toMatchObject({ vcpus: 8, memoryMiB: 8192, offeringId: f.large.id });
    expect((await allocated(f)).vcpus).toBe(8);
    const smaller = await (
      await f.cloud.instances.resize(f.admin, vm.id, { vcpus: 1, memoryMiB: 1024 })
    ).wait();
    expect(smaller).toMatchObject({ vcpus: 1, memoryMiB: 1024 });
    expect(await allocated(f)).toMatchObject({ vcpus: 1, memoryMiB: 1024 });
    const driverView = await f.sim.findInstance(vm.id, {
      signal: AbortSignal.timeout(1000),
      progress: () => {},
    });
    expect(driverView).toMatchObject({ vcpus: 1, memoryMiB: 1024 });
  });

  it('renames and re-describes without a job', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    const renamed = await f.cloud.instances.update(f.admin, vm.id, {
      name: 'renamed',
      description: 'front end',
    });
    expect(renamed).toMatchObject({ name: 'renamed', description: 'front end', version: vm.version + 1 });
    expect((await f.cloud.instances.get(f.admin, vm.id)).name).toBe('renamed');
    // With expectedVersion, only that version is changed; a stale one is refused and changes nothing.
    const stale = await failure(
      f.cloud.instances.update(f.admin, vm.id, { name: 'stale', expectedVersion: vm.version }),
    );
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'precondition-failed', expectedVersion: vm.version, actualVersion: renamed.version },
    });
    expect((await f.cloud.instances.get(f.admin, vm.id)).name).toBe('renamed');
    const current = await f.cloud.instances.update(f.admin, vm.id, {
      name: 'current',
      expectedVersion: renamed.version,
    });
    expect(current.version).toBe(renamed.version + 1);
  });

  it('attaches a new data disk, detaches it, and wipes it on delete', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    const disk = await (await f.cloud.instances.attachDisk(f.admin, vm.id, { sizeGiB: 9 })).wait();
    expect(disk).toMatchObject({ state: 'attached', instanceId: vm.id, deviceIndex: 1, sizeGiB: 9 });
    expect((await allocated(f)).storageGiB).toBe(29);
    const detached = await (await f.cloud.instances.detachDisk(f.admin, vm.id, disk.id)).wait();
    expect(detached).toMatchObject({ state: 'available', instanceId: null });
    await (await f.cloud.volumes.delete(f.admin, disk.id)).wait();
    expect(f.sim.wipes.map((w) => w.volumeId)).toEqual([disk.id]);
    expect((await allocated(f)).storageGiB).toBe(20);
    expect((await failure(f.cloud.volumes.get(f.admin, disk.id))).code).toBe('NOT_FOUND');
  });

  it('migrates live to another host and cold when stopped, releasing the source', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    const moved = await (await f.cloud.instances.migrate(f.admin, vm.id)).wait();
    expect(moved.hostId).not.toBe(vm.hostId);
    const hosts = await f.cloud.hosts.list(f.admin);
    const byId = new Map(hosts.items.map((h) => [h.id, h]));
    expect(byId.get(vm.hostId ?? '')?.allocated.vcpus).toBe(0);
    expect(byId.get(moved.hostId ?? '')?.allocated.vcpus).toBe(2);
    const volumes = await f.cloud.volumes.list(f.admin, { instanceId: vm.id });
    expect(volumes.items.every((v) => v.hostId === moved.hostId)).toBe(true);
    await (await f.cloud.instances.stop(f.admin, vm.id)).wait();
    const back = await (await f.cloud.instances.migrate(f.admin, vm.id, { hostId: vm.hostId ?? '' })).wait();
    expect(back).toMatchObject({ hostId: vm.hostId, state: 'stopped' });
    const driverView = await f.sim.findInstance(vm.id, {
      signal: AbortSignal.timeout(1000),
      progress: () => {},
    });
    const origin = f.hosts.find((h) => h.id === vm.hostId);
    expect(driverView?.hostRef).toBe(origin?.ref);
  });

  it('clones an instance with copies of its disks', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm('src', { dataDisks: [{ sizeGiB: 4 }] });
    const copy = await (await f.cloud.instances.clone(f.admin, vm.id, { name: 'copy', start: true })).wait();
    expect(copy).toMatchObject({ name: 'copy', state: 'running', tenantId: vm.tenantId, vcpus: vm.vcpus });
    expect(copy.id).not.toBe(vm.id);
    expect(copy.nics[0]?.mac).not.toBe(vm.nics[0]?.mac);
    const disks = await f.cloud.volumes.list(f.admin, { instanceId: copy.id });
    expect(disks.items.map((d) => d.sizeGiB)).toEqual([20, 4]);
    expect((await f.cloud.instances.get(f.admin, vm.id)).jobId).toBeNull();
    expect(f.sim.instanceCount).toBe(2);
  });

  it('snapshots, reverts and deletes snapshots', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm();
    const snap = await (await f.cloud.instances.snapshot(f.admin, vm.id, { name: 's1' })).wait();
    expect(snap).toMatchObject({ state: 'ready', instanceId: vm.id });
    expect((await f.cloud.instances.listSnapshots(f.admin, vm.id)).items.map((s) => s.id)).toEqual([snap.id]);
    await (await f.cloud.instances.stop(f.admin, vm.id)).wait();
    expect((await (await f.cloud.instances.revertSnapshot(f.admin, vm.id, snap.id)).wait()).state).toBe(
      'stopped',
    );
    await (await f.cloud.instances.deleteSnapshot(f.admin, vm.id, snap.id)).wait();
    expect((await f.cloud.instances.listSnapshots(f.admin, vm.id)).items).toEqual([]);
  });

  it('deletes an instance: disks wiped, capacity released, record gone', async () => {
    f = await makeFixture({ store: make() });
    const vm = await f.vm('doomed', { dataDisks: [{ sizeGiB: 3 }] });
    await (await f.cloud.instances.delete(f.admin, vm.id)).wait();
    expect(f.sim.wipes).toHaveLength(2);
    expect(await allocated(f)).toEqual({ vcpus: 0, memoryMiB: 0, storageGiB: 0 });
    expect((await failure(f.cloud.instances.get(f.admin, vm.id))).code).toBe('NOT_FOUND');
    expect((await f.cloud.volumes.list(f.admin)).items).toEqual([]);
    expect(f.sim.instanceCount).toBe(0);
  });

  it('records every completed state change as an event, in order', async () => {
    f = await makeFixture({ store: make() });
    const heard: string[] = [];
    f.cloud.events.subscribe(f.admin, (e) => heard.push(e.type));
    const vm = await f.vm();
    await (await f.cloud.instances.delete(f.admin, vm.id)).wait();
    const log = await f.cloud.events.list(f.admin, { resourceId: vm.id });
    expect(log.items.map((e) => e.type)).toEqual(['instance.created', 'instance.deleted']);
    expect(heard).toEqual(['instance.created', 'instance.deleted']);
  });

  it('reports job progress and keeps the finished job', async () => {
    f = await makeFixture({ store: make(), sim: { latencyMs: 5 } });
    const heard: string[] = [];
    f.cloud.bus.on('job.progress', ({ progress }) => heard.push(String(progress)));
    f.cloud.bus.on('job.finished', ({ state }) => heard.push(state));
    const handle = await f.cloud.instances.create(f.admin, {
      name: 'p',
      tenantId: f.tenant.id,
      offeringId: f.small.id,
      imageId: f.image.id,
    });
    expect((await handle.get()).state).toMatch(/queued|running/);
    await handle.wait();
    // The simulator reports its call done (100 % of the one step, 95 % of the job); the commit makes 100.
    expect(heard).toEqual(['95', '100', 'succeeded']);
    const job = await f.cloud.jobs.get(f.admin, handle.id);
    expect(job).toMatchObject({ state: 'succeeded', progress: 100, operation: 'instance.create' });
    expect(job.steps.map((s) => s.name)).toEqual(['driver.createInstance']);
    const byResource = await f.cloud.jobs.list(f.admin, { resourceId: job.resourceId });
    expect(byResource.items.map((j) => j.id)).toEqual([job.id]);
  });

  it('returns the same job for a repeated idempotency key, making one instance', async () => {
    f = await makeFixture({ store: make() });
    const input = {
      name: 'once',
      tenantId: f.tenant.id,
      offeringId: f.small.id,
      imageId: f.image.id,
      idempotencyKey: 'k-1',
    };
    const first = await f.cloud.instances.create(f.admin, input);
    const second = await f.cloud.instances.create(f.admin, input);
    expect(second.id).toBe(first.id);
    expect((await second.wait()).id).toBe((await first.wait()).id);
    expect(f.sim.instanceCount).toBe(1);
  });

  it('scopes a tenant to its own resources: a foreign id is NOT_FOUND', async () => {
    f = await makeFixture({ store: make() });
    const other = await f.cloud.tenants.create(f.admin, { name: 'other' });
    const mine = await f.vm('mine');
    const theirs = await (
      await f.cloud.instances.create(await f.caller('role-tenant-admin', { kind: 'tenant', id: other.id }), {
        name: 'theirs',
        tenantId: other.id,
        offeringId: f.small.id,
        imageId: f.image.id,
      })
    ).wait();
    // Alice is bound on her tenant only, and her context is not narrowed: her grants alone scope her.
    const alice = await f.caller('role-tenant-admin');
    expect((await f.cloud.instances.list(alice)).items.map((i) => i.id)).toEqual([mine.id]);
    expect((await failure(f.cloud.instances.list(alice, { tenantId: other.id }))).code).toBe('NOT_FOUND');
    expect((await failure(f.cloud.instances.get(alice, theirs.id))).code).toBe('NOT_FOUND');
    expect((await failure(f.cloud.instances.stop(alice, theirs.id))).code).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          f.cloud.jobs.get(
            alice,
            theirs.jobId ?? (await f.cloud.jobs.list(f.admin, { resourceId: theirs.id })).items[0]?.id ?? '',
          ),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (await f.cloud.events.list(alice, { limit: 1000 })).items.every((e) => e.tenantId === f.tenant.id),
    ).toBe(true);
    expect((await failure(f.cloud.hosts.list(alice))).code).toBe('PERMISSION_DENIED');
    expect((await f.cloud.tenants.list(alice)).items.map((t) => t.id)).toEqual([f.tenant.id]);
    expect((await f.cloud.tenants.get(alice, f.tenant.id)).name).toBe('acme');
    expect((await failure(f.cloud.tenants.get(alice, other.id))).code).toBe('NOT_FOUND');
    expect((await f.cloud.tenants.list(f.admin)).items).toHaveLength(2);
    // A context narrowed to a tenant its user is not bound on reaches nothing there.
    const stray = tenantContext(other.id, alice.principal.id);
    expect((await failure(f.cloud.instances.get(stray, theirs.id))).code).toBe('NOT_FOUND');
    expect((await failure(f.cloud.instances.get(stray, mine.id))).code).toBe('NOT_FOUND');
  });
});
