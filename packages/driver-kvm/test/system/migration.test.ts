import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KvmComputeDriver, kvmDriver } from '../../src/driver/kvm-compute-driver.js';
import { LibvirtClient } from '../../src/libvirt/libvirt-client.js';
import { expectRejectsEcloud } from '../helpers/errors.js';
import { kvmEnv } from './kvm-env.js';
import { ensurePairPools, PAIR_POOL, pairHost } from './libvirt-pair.js';
import { domainNames, dominfo, virsh } from './virsh.js';

// Peer-to-peer migration (virDomainMigratePerform3Params) between two real libvirtd daemons running
// TCG guests, driven through the KVM driver and checked on both sides with virsh.
const env = kvmEnv();
const pool = PAIR_POOL;
const call = (signal = new AbortController().signal) => ({ signal, progress: () => undefined });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function instance(
  id: string,
  hostRef: string,
  disks: { id: string; sizeGiB: number }[] = [],
  memoryMiB = 64,
) {
  return {
    id,
    name: id,
    hostRef,
    vcpus: 1,
    memoryMiB,
    disks: disks.map((disk, deviceIndex) => ({ ...disk, role: 'data' as const, deviceIndex })),
    nics: [],
    start: true,
  };
}

/** A volume's bytes as its daemon serves them (a download through our own client). */
async function volumeBytes(socket: string, volume: string): Promise<Buffer> {
  const client = await LibvirtClient.connect({
    transport: { kind: 'unix', path: socket },
    uri: 'qemu:///session',
  });
  try {
    const vol = await client.lookupVolume(await client.lookupPool(pool), volume);
    const parts: Buffer[] = [];
    for await (const part of await client.downloadVolume(vol)) parts.push(part as Buffer);
    return Buffer.concat(parts);
  } finally {
    await client.close();
  }
}

describe('the KVM driver migrating between two libvirtd hosts', () => {
  let driver: KvmComputeDriver;
  const made: string[] = [];

  beforeAll(async () => {
    await ensurePairPools(env);
    driver = kvmDriver({
      name: 'kvm-pair',
      domainType: 'qemu',
      hosts: [pairHost(env, 'a'), pairHost(env, 'b')],
    });
    await driver.connect(call());
  }, 120_000);

  afterAll(async () => {
    for (const ref of made) await driver.delete(ref, { wipe: false }, call()).catch(() => undefined);
    await driver?.close();
  }, 120_000);

  it('moves a running guest live from one host to the other and back while stopped, as both daemons see it', async () => {
    const id = `ins-mig-${process.pid}`;
    const { ref } = await driver.createInstance(instance(id, 'kvm-a'), call());
    made.push(ref);
    expect((await dominfo(env.pair.a.uri, id)).get('State')).toBe('running');

    await driver.migrate(ref, 'kvm-b', { live: true }, call());
    expect(await domainNames(env.pair.a.uri)).not.toContain(id);
    const onB = await dominfo(env.pair.b.uri, id);
    expect(onB.get('State')).toBe('running');
    expect(onB.get('Persistent')).toBe('yes');
    expect(onB.get('UUID')).toBe(ref);
    expect(await driver.findInstance(id, call())).toMatchObject({ hostRef: 'kvm-b', power: 'running' });

    await driver.powerOff(ref, { force: true }, call());
    await driver.migrate(ref, 'kvm-a', { live: false }, call());
    expect(await domainNames(env.pair.b.uri)).not.toContain(id);
    expect((await dominfo(env.pair.a.uri, id)).get('State')).toBe('shut off');
    await driver.start(ref, call());
    expect(await driver.findInstance(id, call())).toMatchObject({ hostRef: 'kvm-a', power: 'running' });
  }, 120_000);

  it('copies a local disk with the guest, live and then cold, byte for byte, and leaves no volume behind', async () => {
    const id = `ins-mig-disk-${process.pid}`;
    const volume = `vol-mig-${process.pid}.qcow2`;
    const { ref } = await driver.createInstance(
      instance(id, 'kvm-a', [{ id: `vol-mig-${process.pid}`, sizeGiB: 1 }]),
      call(),
    );
    made.push(ref);

    await driver.migrate(ref, 'kvm-b', { live: true }, call());
    expect((await dominfo(env.pair.b.uri, id)).get('State')).toBe('running');
    expect(await virsh(env.pair.a.uri, 'vol-list', pool)).not.toContain(volume);
    expect(await virsh(env.pair.b.uri, 'domblklist', id)).toContain(volume);

    await driver.powerOff(ref, { force: true }, call());
    // A live move copies blocks into a fresh qcow2 (QEMU's NBD mirror); a cold one streams the file
    // itself, so the file arrives byte for byte.
    const movedLive = await volumeBytes(env.pair.b.socket, volume);
    const progress: number[] = [];
    await driver.migrate(ref, 'kvm-a', { live: false }, { ...call(), progress: (p) => progress.push(p) });
    expect((await dominfo(env.pair.a.uri, id)).get('State')).toBe('shut off');
    expect(await virsh(env.pair.b.uri, 'vol-list', pool)).not.toContain(volume);
    expect(progress.at(-1)).toBe(100);
    expect((await volumeBytes(env.pair.a.socket, volume)).equals(movedLive)).toBe(true);
    expect(await virsh(env.pair.a.uri, 'vol-info', '--pool', pool, volume)).toMatch(/Capacity:\s+1\.00 GiB/);
    await driver.start(ref, call());
    expect(await driver.findDisk(`vol-mig-${process.pid}`, call())).toBe(`${pool}/${volume}`);
  }, 120_000);

  it('refuses, before libvirt is asked, a guest whose disk the target could not reach', async () => {
    const elsewhere = kvmDriver({
      name: 'kvm-elsewhere',
      domainType: 'qemu',
      hosts: [
        pairHost(env, 'a', { migrationUri: undefined }),
        pairHost(env, 'b', { storagePool: 'another-pool' }),
      ],
    });
    try {
      const id = `ins-mig-far-${process.pid}`;
      const { ref } = await elsewhere.createInstance(
        instance(id, 'kvm-a', [{ id: `vol-far-${process.pid}`, sizeGiB: 1 }]),
        call(),
      );
      made.push(ref);
      const error = await expectRejectsEcloud(
        elsewhere.migrate(ref, 'kvm-b', { live: true }, call()),
        'ILLEGAL_STATE',
      );
      expect(error.details).toMatchObject({ disks: [`${pool}/vol-far-${process.pid}.qcow2`] });
      expect((await dominfo(env.pair.a.uri, id)).get('State')).toBe('running');
      expect(await domainNames(env.pair.b.uri)).not.toContain(id);
    } finally {
      await elsewhere.close();
    }
  }, 120_000);

  it('aborts the migration job on the daemon when the call is cancelled, and the guest runs on where it was', async () => {
    const id = `ins-mig-abort-${process.pid}`;
    const { ref } = await driver.createInstance(instance(id, 'kvm-a', [], 512), call());
    made.push(ref);
    const controller = new AbortController();
    const migrating = driver.migrate(ref, 'kvm-b', { live: true }, call(controller.signal));
    await sleep(300);
    controller.abort();
    const error = await expectRejectsEcloud(migrating, 'CANCELLED');
    expect(error.details).toHaveProperty('libvirtCode');
    expect((await dominfo(env.pair.a.uri, id)).get('State')).toBe('running');
    expect(await domainNames(env.pair.b.uri)).not.toContain(id);
  }, 120_000);

  it('refuses a migration to the host the guest is on, and to a host with no migrationUri', async () => {
    const lone = kvmDriver({
      name: 'kvm-lone',
      domainType: 'qemu',
      hosts: [
        pairHost(env, 'a', { migrationUri: undefined }),
        pairHost(env, 'b', { migrationUri: undefined }),
      ],
    });
    try {
      await expectRejectsEcloud(
        lone.migrate('00000000-0000-0000-0000-000000000000', 'kvm-b', { live: true }, call()),
        'ILLEGAL_STATE',
      );
      const id = made[0] as string;
      await expectRejectsEcloud(driver.migrate(id, 'kvm-a', { live: true }, call()), 'ILLEGAL_STATE');
    } finally {
      await lone.close();
    }
  });
});
