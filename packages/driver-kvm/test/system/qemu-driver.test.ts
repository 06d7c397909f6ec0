import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KvmComputeDriver, kvmDriver } from '../../src/driver/kvm-compute-driver.js';
import { expectRejectsEcloud } from '../helpers/errors.js';
import { kvmEnv } from './kvm-env.js';
import { domainNames, virsh } from './virsh.js';

// What the test hypervisor cannot do, on QEMU through the same daemon with a real directory pool of
// qcow2 volumes: attach and detach a disk, and delete with every disk wiped first (R-SEC-6).
const env = kvmEnv();
const uri = env.qemuUri;
const pool = `ecloud-driver-pool-${process.pid}`;
const call = () => ({ signal: new AbortController().signal, progress: () => undefined });

describe('the KVM driver on QEMU with a directory pool', () => {
  let driver: KvmComputeDriver;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecloud-qemu-pool-'));
    // QEMU runs as libvirt-qemu: it must reach the disks libvirt hands it (libvirt owns the files).
    chmodSync(dir, 0o755);
    await virsh(uri, 'pool-create-as', pool, 'dir', '--target', dir);
    driver = kvmDriver({
      name: 'kvm-qemu',
      domainType: 'qemu',
      hosts: [
        {
          ref: 'local',
          transport: { kind: 'unix', path: env.socket },
          uri: 'qemu:///system',
          storagePool: pool,
        },
      ],
    });
    await driver.connect(call());
  }, 120_000);

  afterAll(async () => {
    await driver?.close();
    await virsh(uri, 'pool-destroy', pool).catch(() => undefined);
  });

  it('attaches and detaches a disk of a stopped instance, then deletes it with its wiped disks', async () => {
    const id = `ins-qemu-${process.pid}`;
    const made = await driver.createInstance(
      {
        id,
        name: 'qemu-disks',
        hostRef: 'local',
        vcpus: 1,
        memoryMiB: 64,
        disks: [{ id: `vol-${process.pid}-root`, sizeGiB: 1, role: 'data', deviceIndex: 0 }],
        nics: [],
        start: false,
      },
      call(),
    );
    expect(await domainNames(uri)).toContain(id);
    const extra = await driver.createDisk(
      'local',
      { id: `vol-${process.pid}-extra`, sizeGiB: 1, role: 'data', deviceIndex: 1 },
      call(),
    );
    await driver.attachDisk(made.ref, extra, call());
    const attached = await virsh(uri, 'domblklist', id, '--details');
    expect(attached).toContain(`vol-${process.pid}-extra.qcow2`);
    expect((await driver.findInstance(id, call()))?.disks).toHaveProperty(`vol-${process.pid}-extra`);
    await driver.detachDisk(made.ref, extra, call());
    expect(await virsh(uri, 'domblklist', id, '--details')).not.toContain(`vol-${process.pid}-extra.qcow2`);
    await driver.deleteDisk(extra, { wipe: true }, call());
    expect(await virsh(uri, 'vol-list', pool)).not.toContain(`vol-${process.pid}-extra.qcow2`);

    await driver.delete(made.ref, { wipe: true }, call());
    expect(await domainNames(uri)).not.toContain(id);
    expect(await virsh(uri, 'vol-list', pool)).not.toContain(`vol-${process.pid}-root.qcow2`);
  }, 120_000);

  it('says TIMEOUT, not done, when a running guest does not release a hot-unplugged disk, and keeps an attached disk from deletion', async () => {
    const id = `ins-qemu-hot-${process.pid}`;
    const made = await driver.createInstance(
      {
        id,
        name: 'qemu-hot',
        hostRef: 'local',
        vcpus: 1,
        memoryMiB: 64,
        disks: [{ id: `vol-${process.pid}-hotroot`, sizeGiB: 1, role: 'data', deviceIndex: 0 }],
        nics: [],
        start: true,
      },
      call(),
    );
    try {
      // The console every instance gets: VNC on loopback, its port picked by libvirt.
      expect((await virsh(uri, 'domdisplay', id)).trim()).toMatch(/^vnc:\/\/127\.0\.0\.1:\d+$/);
      const extra = await driver.createDisk(
        'local',
        { id: `vol-${process.pid}-hot`, sizeGiB: 1, role: 'data', deviceIndex: 1 },
        call(),
      );
      await driver.attachDisk(made.ref, extra, call());
      const refused = await expectRejectsEcloud(
        driver.deleteDisk(extra, { wipe: false }, call()),
        'ILLEGAL_STATE',
      );
      expect(refused.details).toMatchObject({ attachedTo: [id] });
      // This guest has no operating system, so nothing ever answers the unplug request.
      await expectRejectsEcloud(driver.detachDisk(made.ref, extra, call()), 'TIMEOUT');
      expect(await virsh(uri, 'domblklist', id)).toContain(`vol-${process.pid}-hot.qcow2`);
      expect(await virsh(uri, 'domblklist', id, '--inactive')).not.toContain(`vol-${process.pid}-hot.qcow2`);
    } finally {
      await driver.delete(made.ref, { wipe: false }, call());
    }
    // The disk the guest still held went with the instance.
    const left = await virsh(uri, 'vol-list', pool);
    expect(left).not.toContain(`vol-${process.pid}-hotroot.qcow2`);
    expect(left).not.toContain(`vol-${process.pid}-hot.qcow2`);
  }, 120_000);
});
