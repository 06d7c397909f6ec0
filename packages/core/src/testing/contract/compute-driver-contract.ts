import assert from 'node:assert/strict';
import { HypervisorKind } from '../../model/common.js';
import { CpuTopology, HostState } from '../../model/host.js';
import { newId } from '../../model/ids.js';
import type { ComputeCapability } from '../../spi/capabilities.js';
import { COMPUTE_SPI_VERSION, type DriverHost, type DriverPowerState } from '../../spi/compute-driver.js';
import type { ContractCase } from './contract-case.js';
import {
  abortedCallOptions,
  assertRejectsWithCode,
  type ComputeDriverContractSetup,
  type ContractFixture,
  withFixture,
} from './contract-fixture.js';

// Written as a record so that a capability added to the SPI fails to compile here until it is listed.
const CAPABILITY_NAMES = Object.keys({
  liveMigration: true,
  coldMigration: true,
  clone: true,
  snapshot: true,
  hotResize: true,
  hotplugDisk: true,
  suspend: true,
  secureErase: true,
  fencing: true,
} satisfies Record<ComputeCapability, true>) as ComputeCapability[];

function assertHostShape(host: DriverHost): void {
  assert.ok(typeof host.ref === 'string' && host.ref.length > 0, 'a host needs a non-empty ref');
  assert.ok(typeof host.name === 'string' && host.name.length > 0, `host ${host.ref} needs a non-empty name`);
  assert.ok(CpuTopology.safeParse(host.cpu).success, `host ${host.ref} reports a bad CPU topology`);
  assert.ok(
    Number.isInteger(host.memoryMiB) && host.memoryMiB > 0,
    `host ${host.ref} needs positive memoryMiB`,
  );
  assert.ok(
    Number.isInteger(host.storageGiB) && host.storageGiB >= 0,
    `host ${host.ref} needs whole storageGiB`,
  );
  assert.ok(HostState.safeParse(host.state).success, `host ${host.ref} reports unknown state ${host.state}`);
}

async function assertPower(f: ContractFixture, instanceId: string, power: DriverPowerState): Promise<void> {
  assert.equal((await f.find(instanceId)).power, power, `instance ${instanceId} should be ${power}`);
}

/**
 * The compute driver contract (R-COMP-1): what every driver must do, as framework-free cases. Run
 * each case whose {@link ContractCase.requires} the driver declares (see `contractCaseApplies`); a
 * case rejects when the driver breaks the contract. Each case makes its own driver, creates its own
 * uniquely named instances and disks, and removes them again.
 * @public
 */
export function computeDriverContract(setup: ComputeDriverContractSetup): ContractCase[] {
  const define = (
    name: string,
    requires: readonly ComputeCapability[],
    body: (f: ContractFixture) => Promise<void>,
  ): ContractCase => ({ name, requires, run: () => withFixture(setup, body) });

  return [
    define('identity: name, hypervisor, SPI version, capabilities and subscribe', [], async (f) => {
      const d = f.driver;
      assert.ok(typeof d.name === 'string' && d.name.length > 0, 'the driver needs a non-empty name');
      assert.ok(HypervisorKind.safeParse(d.hypervisor).success, `unknown hypervisor ${d.hypervisor}`);
      assert.match(d.spiVersion, /^\d+\.\d+$/, 'spiVersion must be major.minor');
      const [major, minor] = d.spiVersion.split('.').map(Number);
      const [ourMajor, ourMinor] = COMPUTE_SPI_VERSION.split('.').map(Number);
      assert.equal(major, ourMajor, `SPI major ${major} does not match the core's ${ourMajor}`);
      assert.ok((minor ?? 0) <= (ourMinor ?? 0), `SPI minor ${minor} is newer than the core's ${ourMinor}`);
      for (const capability of CAPABILITY_NAMES) {
        assert.equal(
          typeof d.capabilities[capability],
          'boolean',
          `capability ${capability} must be declared`,
        );
      }
      const unsubscribe = d.subscribe(() => undefined);
      assert.equal(typeof unsubscribe, 'function', 'subscribe must return the unsubscribe function');
      unsubscribe();
    }),

    define('listHosts: reports hosts with unique refs and sane capacity', [], async (f) => {
      const hosts = await f.driver.listHosts(f.call());
      assert.ok(hosts.length > 0, 'listHosts should report at least one host');
      const refs = new Set<string>();
      for (const host of hosts) {
        assertHostShape(host);
        assert.ok(!refs.has(host.ref), `host ref ${host.ref} is reported twice`);
        refs.add(host.ref);
      }
    }),

    define('getHost: describes a host as listHosts does and rejects an unknown ref', [], async (f) => {
      const hosts = await f.driver.listHosts(f.call());
      for (const listed of hosts.slice(0, 3)) {
        const host = await f.driver.getHost(listed.ref, f.call());
        assertHostShape(host);
        assert.deepEqual(
          {
            ref: host.ref,
            name: host.name,
            cpu: host.cpu,
            memoryMiB: host.memoryMiB,
            storageGiB: host.storageGiB,
          },
          {
            ref: listed.ref,
            name: listed.name,
            cpu: listed.cpu,
            memoryMiB: listed.memoryMiB,
            storageGiB: listed.storageGiB,
          },
          `getHost(${listed.ref}) disagrees with listHosts`,
        );
      }
      await assert.rejects(
        f.driver.getHost(`contract-missing-${newId('host')}`, f.call()),
        'an unknown host ref must reject',
      );
    }),

    define('hostUsage: reports usage in range', [], async (f) => {
      const hostRef = await f.host();
      const usage = await f.driver.hostUsage(hostRef, f.call());
      assert.equal(usage.ref, hostRef, 'hostUsage must answer for the host asked');
      assert.ok(HostState.safeParse(usage.state).success, `unknown host state ${usage.state}`);
      assert.ok(
        usage.cpuUsedPercent >= 0 && usage.cpuUsedPercent <= 100,
        `cpuUsedPercent ${usage.cpuUsedPercent}`,
      );
      assert.ok(
        Number.isFinite(usage.memoryUsedMiB) && usage.memoryUsedMiB >= 0,
        `memoryUsedMiB ${usage.memoryUsedMiB}`,
      );
      assert.ok(
        Number.isFinite(usage.storageUsedGiB) && usage.storageUsedGiB >= 0,
        `storageUsedGiB ${usage.storageUsedGiB}`,
      );
      assert.ok(Number.isInteger(usage.instances) && usage.instances >= 0, `instances ${usage.instances}`);
    }),

    define('hostUsage: counts an instance while it exists', [], async (f) => {
      const hostRef = await f.host();
      const before = (await f.driver.hostUsage(hostRef, f.call())).instances;
      const { created } = await f.create({ start: true });
      assert.equal(
        (await f.driver.hostUsage(hostRef, f.call())).instances,
        before + 1,
        'the new instance is counted',
      );
      await f.driver.delete(created.ref, { wipe: false }, f.call());
      assert.equal(
        (await f.driver.hostUsage(hostRef, f.call())).instances,
        before,
        'the deleted instance is not',
      );
    }),

    define('createInstance (start: true): runs, and findInstance and findDisk report it', [], async (f) => {
      const hostRef = await f.host();
      const { spec, created } = await f.create({ start: true, dataDisks: 1 });
      assert.ok(
        typeof created.ref === 'string' && created.ref.length > 0,
        'createInstance must return a ref',
      );
      assert.deepEqual(
        Object.keys(created.disks).sort(),
        spec.disks.map((disk) => disk.id).sort(),
        'createInstance must return one disk ref per volume id of the spec',
      );
      const diskRefs = Object.values(created.disks);
      assert.equal(new Set(diskRefs).size, diskRefs.length, 'disk refs must be distinct');
      const found = await f.find(spec.id);
      assert.deepEqual(
        found,
        {
          id: spec.id,
          ref: created.ref,
          hostRef,
          power: 'running',
          vcpus: spec.vcpus,
          memoryMiB: spec.memoryMiB,
          disks: created.disks,
        },
        'findInstance must report the instance as created',
      );
      for (const disk of spec.disks) {
        assert.equal(
          await f.driver.findDisk(disk.id, f.call()),
          created.disks[disk.id],
          `findDisk(${disk.id})`,
        );
      }
    }),

    define('createInstance (start: false): the instance exists stopped', [], async (f) => {
      const { spec, created } = await f.create({ start: false });
      const found = await f.find(spec.id);
      assert.equal(found.ref, created.ref, 'findInstance must report the created ref');
      assert.equal(found.power, 'stopped', 'an instance created with start: false must be stopped');
    }),

    define('findInstance and findDisk: unknown ids resolve to undefined', [], async (f) => {
      assert.equal(
        await f.driver.findInstance(newId('instance'), f.call()),
        undefined,
        'unknown instance id',
      );
      assert.equal(await f.driver.findDisk(newId('volume'), f.call()), undefined, 'unknown volume id');
    }),

    define('start and powerOff (force): stopped and running alternate', [], async (f) => {
      const { spec, created } = await f.create({ start: false });
      await f.driver.start(created.ref, f.call());
      await assertPower(f, spec.id, 'running');
      await f.driver.powerOff(created.ref, { force: true }, f.call());
      await assertPower(f, spec.id, 'stopped');
      await f.driver.start(created.ref, f.call());
      await assertPower(f, spec.id, 'running');
    }),

    define('powerOff (graceful): a running instance stops', [], async (f) => {
      const { spec, created } = await f.create({ start: true });
      await f.driver.powerOff(created.ref, { force: false }, f.call());
      await assertPower(f, spec.id, 'stopped');
    }),

    define('reboot: a running instance keeps running', [], async (f) => {
      const { spec, created } = await f.create({ start: true });
      await f.driver.reboot(created.ref, f.call());
      await assertPower(f, spec.id, 'running');
    }),

    define(
      'illegal transitions: start when running and reboot when stopped fail ILLEGAL_STATE',
      [],
      async (f) => {
        const { spec, created } = await f.create({ start: true });
        await assertRejectsWithCode(
          f.driver.start(created.ref, f.call()),
          'ILLEGAL_STATE',
          'start of a running instance',
        );
        await assertPower(f, spec.id, 'running');
        await f.driver.powerOff(created.ref, { force: true }, f.call());
        await assertRejectsWithCode(
          f.driver.reboot(created.ref, f.call()),
          'ILLEGAL_STATE',
          'reboot of a stopped instance',
        );
        await assertPower(f, spec.id, 'stopped');
      },
    ),

    define(
      'suspend and resume: running and suspended alternate; powerOff stops a suspended one',
      ['suspend'],
      async (f) => {
        const { spec, created } = await f.create({ start: true });
        await f.driver.suspend(created.ref, f.call());
        await assertPower(f, spec.id, 'suspended');
        await f.driver.resume(created.ref, f.call());
        await assertPower(f, spec.id, 'running');
        await f.driver.suspend(created.ref, f.call());
        await f.driver.powerOff(created.ref, { force: true }, f.call());
        await assertPower(f, spec.id, 'stopped');
      },
    ),

    define('suspend and resume: wrong states fail ILLEGAL_STATE', ['suspend'], async (f) => {
      const { spec, created } = await f.create({ start: false });
      await assertRejectsWithCode(
        f.driver.suspend(created.ref, f.call()),
        'ILLEGAL_STATE',
        'suspend of a stopped instance',
      );
      await assertRejectsWithCode(
        f.driver.resume(created.ref, f.call()),
        'ILLEGAL_STATE',
        'resume of a stopped instance',
      );
      await f.driver.start(created.ref, f.call());
      await assertRejectsWithCode(
        f.driver.resume(created.ref, f.call()),
        'ILLEGAL_STATE',
        'resume of a running instance',
      );
      await assertPower(f, spec.id, 'running');
    }),

    define('resize: a stopped instance takes the new size and starts with it', [], async (f) => {
      const { spec, created } = await f.create({ start: false });
      const size = { vcpus: spec.vcpus + 1, memoryMiB: spec.memoryMiB * 2 };
      await f.driver.resize(created.ref, size, f.call());
      const found = await f.find(spec.id);
      assert.deepEqual(
        { vcpus: found.vcpus, memoryMiB: found.memoryMiB },
        size,
        'the new size must be reported',
      );
      await f.driver.start(created.ref, f.call());
      await assertPower(f, spec.id, 'running');
    }),

    define('resize: a running instance takes the new size and keeps running', ['hotResize'], async (f) => {
      const { spec, created } = await f.create({ start: true });
      const size = { vcpus: spec.vcpus + 1, memoryMiB: spec.memoryMiB * 2 };
      await f.driver.resize(created.ref, size, f.call());
      const found = await f.find(spec.id);
      assert.deepEqual(
        { vcpus: found.vcpus, memoryMiB: found.memoryMiB, power: found.power },
        { ...size, power: 'running' },
        'a hot resize must apply the size without stopping the instance',
      );
    }),

    define('disks: create, attach, refuse to delete attached, detach and delete', [], async (f) => {
      const hostRef = await f.host();
      const { spec, created } = await f.create({ start: false });
      const disk = f.diskSpec(1);
      const diskRef = await f.driver.createDisk(hostRef, disk, f.call());
      assert.equal(await f.driver.findDisk(disk.id, f.call()), diskRef, 'findDisk must find a new disk');
      await f.driver.attachDisk(created.ref, diskRef, f.call());
      assert.equal(
        (await f.find(spec.id)).disks[disk.id],
        diskRef,
        'an attached disk is listed on its instance',
      );
      await assertRejectsWithCode(
        f.driver.deleteDisk(diskRef, { wipe: false }, f.call()),
        'ILLEGAL_STATE',
        'deleteDisk of an attached disk',
      );
      assert.equal(
        await f.driver.findDisk(disk.id, f.call()),
        diskRef,
        'a refused deleteDisk keeps the disk',
      );
      await f.driver.detachDisk(created.ref, diskRef, f.call());
      const detached = await f.find(spec.id);
      assert.equal(detached.disks[disk.id], undefined, 'a detached disk is no longer listed');
      assert.deepEqual(detached.disks, created.disks, 'detaching leaves the other disks alone');
      await f.driver.deleteDisk(diskRef, { wipe: false }, f.call());
      assert.equal(await f.driver.findDisk(disk.id, f.call()), undefined, 'a deleted disk is gone');
    }),

    define('disks: attach to and detach from a running instance', ['hotplugDisk'], async (f) => {
      const hostRef = await f.host();
      const { spec, created } = await f.create({ start: true });
      const disk = f.diskSpec(1);
      const diskRef = await f.driver.createDisk(hostRef, disk, f.call());
      await f.driver.attachDisk(created.ref, diskRef, f.call());
      const attached = await f.find(spec.id);
      assert.equal(attached.disks[disk.id], diskRef, 'a hot-plugged disk is listed');
      assert.equal(attached.power, 'running', 'hot-plug keeps the instance running');
      await f.driver.detachDisk(created.ref, diskRef, f.call());
      const detached = await f.find(spec.id);
      assert.equal(detached.disks[disk.id], undefined, 'a hot-unplugged disk is no longer listed');
      assert.equal(detached.power, 'running', 'hot-unplug keeps the instance running');
    }),

    define('deleteDisk (wipe): a detached disk is erased and removed', ['secureErase'], async (f) => {
      const disk = f.diskSpec(1);
      const diskRef = await f.driver.createDisk(await f.host(), disk, f.call());
      await f.driver.deleteDisk(diskRef, { wipe: true }, f.call());
      assert.equal(await f.driver.findDisk(disk.id, f.call()), undefined, 'a wiped disk is gone');
    }),

    define('delete: a running instance is removed with its disks', [], async (f) => {
      const { spec, created } = await f.create({ start: true, dataDisks: 1 });
      await f.driver.delete(created.ref, { wipe: false }, f.call());
      assert.equal(await f.driver.findInstance(spec.id, f.call()), undefined, 'a deleted instance is gone');
      for (const disk of spec.disks) {
        assert.equal(
          await f.driver.findDisk(disk.id, f.call()),
          undefined,
          `disk ${disk.id} goes with its instance`,
        );
      }
    }),

    define('delete (wipe): the instance and its erased disks are removed', ['secureErase'], async (f) => {
      const { spec, created } = await f.create({ start: false, dataDisks: 1 });
      await f.driver.delete(created.ref, { wipe: true }, f.call());
      assert.equal(await f.driver.findInstance(spec.id, f.call()), undefined, 'a deleted instance is gone');
      for (const disk of spec.disks) {
        assert.equal(
          await f.driver.findDisk(disk.id, f.call()),
          undefined,
          `disk ${disk.id} goes with its instance`,
        );
      }
    }),

    define(
      'fence: the host reports down, nothing on it runs, and a cold move restarts its instances elsewhere',
      ['fencing', 'coldMigration'],
      async (f) => {
        const failed = await f.secondHost();
        const { spec, created } = await f.create({ start: true, hostRef: failed });
        await f.driver.fence(failed, f.call());
        const listed = (await f.driver.listHosts(f.call())).find((host) => host.ref === failed);
        assert.equal(listed?.state, 'down', 'a fenced host is listed down');
        const survivor = await f.host();
        // A cold move needs the instance stopped: it succeeding shows that nothing runs any more.
        await f.driver.migrate(created.ref, survivor, { live: false }, f.call());
        assert.equal((await f.find(spec.id)).power, 'stopped', 'the fenced instance arrives stopped');
        await f.driver.start(created.ref, f.call());
        const restarted = await f.find(spec.id);
        assert.equal(restarted.hostRef, survivor, 'the instance restarts on the surviving host');
        assert.equal(restarted.power, 'running', 'the restarted instance runs');
      },
    ),

    define(
      'migrate (cold): a stopped instance moves to a second host; a running one is refused',
      ['coldMigration'],
      async (f) => {
        const target = await f.secondHost();
        const { spec, created } = await f.create({ start: false, dataDisks: 1 });
        await f.driver.migrate(created.ref, target, { live: false }, f.call());
        const moved = await f.find(spec.id);
        assert.equal(moved.hostRef, target, 'the instance must be on the target host');
        assert.equal(moved.ref, created.ref, 'migrate keeps the instance ref');
        assert.equal(moved.power, 'stopped', 'a cold migration leaves the instance stopped');
        assert.deepEqual(
          Object.keys(moved.disks).sort(),
          Object.keys(created.disks).sort(),
          'the disks move along',
        );
        for (const [volumeId, diskRef] of Object.entries(moved.disks)) {
          assert.equal(
            await f.driver.findDisk(volumeId, f.call()),
            diskRef,
            `findDisk(${volumeId}) after migrate`,
          );
        }
        await f.driver.start(created.ref, f.call());
        await assertRejectsWithCode(
          f.driver.migrate(created.ref, await f.host(), { live: false }, f.call()),
          'ILLEGAL_STATE',
          'cold migrate of a running instance',
        );
        assert.equal(
          (await f.find(spec.id)).hostRef,
          target,
          'a refused migration leaves the instance in place',
        );
      },
    ),

    define(
      'migrate (live): a running instance moves and keeps running; a stopped one is refused',
      ['liveMigration'],
      async (f) => {
        const target = await f.secondHost();
        const { spec, created } = await f.create({ start: true, dataDisks: 1 });
        await f.driver.migrate(created.ref, target, { live: true }, f.call());
        const moved = await f.find(spec.id);
        assert.equal(moved.hostRef, target, 'the instance must be on the target host');
        assert.equal(moved.ref, created.ref, 'migrate keeps the instance ref');
        assert.equal(moved.power, 'running', 'a live migration keeps the instance running');
        assert.deepEqual(
          Object.keys(moved.disks).sort(),
          Object.keys(created.disks).sort(),
          'the disks move along',
        );
        await f.driver.powerOff(created.ref, { force: true }, f.call());
        await assertRejectsWithCode(
          f.driver.migrate(created.ref, await f.host(), { live: true }, f.call()),
          'ILLEGAL_STATE',
          'live migrate of a stopped instance',
        );
        assert.equal(
          (await f.find(spec.id)).hostRef,
          target,
          'a refused migration leaves the instance in place',
        );
      },
    ),

    define(
      'clone: copies an instance and its disks into new refs, leaving the source alone',
      ['clone'],
      async (f) => {
        const hostRef = await f.host();
        const source = await f.create({ start: false, dataDisks: 1 });
        const spec = f.spec({ start: false, hostRef, dataDisks: 1 });
        const clone = await f.driver.clone(source.created.ref, spec, f.call());
        assert.notEqual(clone.ref, source.created.ref, 'a clone gets its own ref');
        assert.deepEqual(
          Object.keys(clone.disks).sort(),
          spec.disks.map((disk) => disk.id).sort(),
          'clone must return one disk ref per volume id of the new spec',
        );
        const sourceRefs = new Set(Object.values(source.created.disks));
        for (const ref of Object.values(clone.disks))
          assert.ok(!sourceRefs.has(ref), `disk ${ref} must be a copy`);
        const found = await f.find(spec.id);
        assert.deepEqual(
          { ref: found.ref, hostRef: found.hostRef, power: found.power, disks: found.disks },
          { ref: clone.ref, hostRef, power: 'stopped', disks: clone.disks },
          'findInstance must report the clone',
        );
        for (const disk of spec.disks) {
          assert.equal(
            await f.driver.findDisk(disk.id, f.call()),
            clone.disks[disk.id],
            `findDisk(${disk.id})`,
          );
        }
        assert.deepEqual(
          (await f.find(source.spec.id)).disks,
          source.created.disks,
          'the source keeps its disks',
        );
      },
    ),

    define(
      'snapshot: revert restores the size taken; a deleted snapshot cannot be reverted',
      ['snapshot'],
      async (f) => {
        const { spec, created } = await f.create({ start: false });
        const snapshotRef = await f.driver.createSnapshot(
          created.ref,
          { id: newId('snapshot'), name: 'contract-snapshot' },
          f.call(),
        );
        assert.ok(
          typeof snapshotRef === 'string' && snapshotRef.length > 0,
          'createSnapshot must return a ref',
        );
        await f.driver.resize(
          created.ref,
          { vcpus: spec.vcpus + 1, memoryMiB: spec.memoryMiB * 2 },
          f.call(),
        );
        await f.driver.revertSnapshot(created.ref, snapshotRef, f.call());
        const reverted = await f.find(spec.id);
        assert.deepEqual(
          { vcpus: reverted.vcpus, memoryMiB: reverted.memoryMiB },
          { vcpus: spec.vcpus, memoryMiB: spec.memoryMiB },
          'revert must restore the configuration of the snapshot',
        );
        await f.driver.deleteSnapshot(created.ref, snapshotRef, f.call());
        await assert.rejects(
          f.driver.revertSnapshot(created.ref, snapshotRef, f.call()),
          'reverting a deleted snapshot must reject',
        );
      },
    ),

    define('abort: calls with an already-aborted signal fail CANCELLED and change nothing', [], async (f) => {
      const hostRef = await f.host();
      await assertRejectsWithCode(f.driver.listHosts(abortedCallOptions()), 'CANCELLED', 'listHosts');
      const spec = f.spec({ start: true, hostRef });
      await assertRejectsWithCode(
        f.driver.createInstance(spec, abortedCallOptions()),
        'CANCELLED',
        'createInstance',
      );
      assert.equal(
        await f.driver.findInstance(spec.id, f.call()),
        undefined,
        'an aborted create must not create',
      );
      const { spec: stoppedSpec, created } = await f.create({ start: false });
      await assertRejectsWithCode(f.driver.start(created.ref, abortedCallOptions()), 'CANCELLED', 'start');
      await assertPower(f, stoppedSpec.id, 'stopped');
    }),
  ];
}
