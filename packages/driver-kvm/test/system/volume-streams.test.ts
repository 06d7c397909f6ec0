import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibvirtClient } from '../../src/libvirt/libvirt-client.js';
import type { PoolRef, VolumeRef } from '../../src/libvirt/libvirt-types.js';
import { expectRejectsEcloud } from '../helpers/errors.js';
import { kvmEnv } from './kvm-env.js';
import { kvmTransports } from './kvm-transports.js';
import { virsh } from './virsh.js';

// Volume upload and download (libvirt data streams) against the real daemon's QEMU driver and a real
// directory pool, over the unix socket and over SSH; virsh reads back what we wrote.
const env = kvmEnv();
const uri = env.qemuUri;
const pool = `ecloud-stream-pool-${process.pid}`;
const work = mkdtempSync(join(tmpdir(), 'ecloud-streams-'));

const transports = kvmTransports(env);

const rawVolumeXml = (name: string, bytes: number) =>
  `<volume><name>${name}</name><capacity unit='bytes'>${bytes}</capacity><target><format type='raw'/></target></volume>`;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function readAll(reader: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of reader) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function* inPieces(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

beforeAll(async () => {
  await virsh(
    uri,
    'pool-create-as',
    pool,
    'dir',
    '--target',
    mkdtempSync(join(tmpdir(), 'ecloud-stream-pool-')),
  );
}, 120_000);

afterAll(async () => {
  await virsh(uri, 'pool-destroy', pool).catch(() => undefined);
});

describe.each(transports)('volume streams over $name', ({ name, transport }) => {
  let client: LibvirtClient;
  let poolRef: PoolRef;
  const tag = name.replace(/\W/g, '');

  beforeAll(async () => {
    client = await LibvirtClient.connect({ transport: transport(), uri: 'qemu:///system' });
    poolRef = await client.lookupPool(pool);
  }, 120_000);

  afterAll(async () => {
    await client?.close();
  });

  async function volume(suffix: string, bytes: number): Promise<VolumeRef> {
    return client.createVolume(poolRef, rawVolumeXml(`${tag}-${suffix}.raw`, bytes));
  }

  it('uploads 5 MiB in odd-sized pieces that virsh reads back byte for byte, and downloads it whole and in part', async () => {
    const data = randomBytes(5 * 1024 * 1024 + 333);
    const vol = await volume('roundtrip', data.length);

    expect(await client.uploadVolume(vol, inPieces(data, 100_003))).toBe(data.length);

    const viaVirsh = join(work, `${tag}-roundtrip.out`);
    await virsh(uri, 'vol-download', '--pool', pool, vol.name, viaVirsh);
    expect(sha256(readFileSync(viaVirsh))).toBe(sha256(data));

    expect(sha256(await readAll(await client.downloadVolume(vol)))).toBe(sha256(data));
    const part = await readAll(await client.downloadVolume(vol, { offset: 1_000_000, length: 300_000 }));
    expect(part.equals(data.subarray(1_000_000, 1_300_000))).toBe(true);
    await client.deleteVolume(vol);
  }, 120_000);

  it('uploads from a file stream at an offset, leaving the bytes before it as they were', async () => {
    const vol = await volume('offset', 1024 * 1024);
    const file = join(work, `${tag}-source.bin`);
    const data = randomBytes(200_000);
    writeFileSync(file, data);

    expect(await client.uploadVolume(vol, createReadStream(file), { offset: 4096 })).toBe(data.length);

    const back = await readAll(await client.downloadVolume(vol));
    expect(back.length).toBe(1024 * 1024);
    expect(back.subarray(0, 4096).every((byte) => byte === 0)).toBe(true);
    expect(back.subarray(4096, 4096 + data.length).equals(data)).toBe(true);
    await client.deleteVolume(vol);
  }, 120_000);

  it('is refused by the daemon past the length it announced, and the connection carries on', async () => {
    const vol = await volume('limit', 1024 * 1024);
    const error = await expectRejectsEcloud(
      client.uploadVolume(vol, inPieces(randomBytes(500_000), 65_536), { length: 1000 }),
      'DRIVER_FAILURE',
    );
    expect(error.details).toHaveProperty('libvirtCode');
    expect(await client.hostname()).toBeTruthy();
    await client.deleteVolume(vol);
  }, 120_000);

  it('stops a download whose reader gives up early, and the volume can still be deleted', async () => {
    const data = randomBytes(3 * 1024 * 1024);
    const vol = await volume('early', data.length);
    await client.uploadVolume(vol, inPieces(data, 1024 * 1024));
    const reader = await client.downloadVolume(vol);
    for await (const first of reader) {
      expect((first as Buffer).length).toBeGreaterThan(0);
      break;
    }
    expect(reader.destroyed).toBe(true);
    expect(await client.hostname()).toBeTruthy();
    await client.deleteVolume(vol);
    expect(await virsh(uri, 'vol-list', pool)).not.toContain(vol.name);
  }, 120_000);

  it('refuses a volume that does not exist with NOT_FOUND before any data moves', async () => {
    const missing = { pool, name: 'no-such.raw', key: join(work, 'no-such.raw') };
    await expectRejectsEcloud(client.downloadVolume(missing), 'NOT_FOUND');
    await expectRejectsEcloud(client.uploadVolume(missing, inPieces(Buffer.alloc(10), 10)), 'NOT_FOUND');
  });
});
