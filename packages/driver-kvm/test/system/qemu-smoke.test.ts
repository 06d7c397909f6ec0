import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDomainXml } from '../../src/domain-xml/build-domain-xml.js';
import { LibvirtClient } from '../../src/libvirt/libvirt-client.js';
import { DomainState } from '../../src/libvirt/libvirt-types.js';
import { kvmEnv } from './kvm-env.js';
import { dominfo, virsh } from './virsh.js';

// A real QEMU guest through the same daemon (TCG: no KVM needed), defined from our XML builder, and a
// volume of a real directory pool wiped and deleted (R-SEC-6). The first QEMU start on a machine takes
// tens of seconds while libvirt probes QEMU's capabilities.
const env = kvmEnv();
const uri = env.qemuUri;
const name = `ecloud-smoke-${process.pid}`;
const pool = `ecloud-smoke-pool-${process.pid}`;

describe('a real QEMU guest', () => {
  let client: LibvirtClient;

  beforeAll(async () => {
    client = await LibvirtClient.connect({
      transport: { kind: 'unix', path: env.socket },
      uri: 'qemu:///system',
      timeoutMs: 120_000,
    });
  }, 180_000);

  afterAll(async () => {
    const dom = await client.lookupDomainByName(name).catch(() => undefined);
    if (dom) {
      await client.destroy(dom).catch(() => undefined);
      await client.undefine(dom).catch(() => undefined);
    }
    await virsh(uri, 'pool-destroy', pool).catch(() => undefined);
    await client.close();
  });

  it('boots a tiny domain our builder wrote, reports its stats, and removes it', async () => {
    const xml = buildDomainXml({
      type: 'qemu',
      name,
      uuid: crypto.randomUUID(),
      metadata: { instanceId: name },
      vcpus: 1,
      memoryMiB: 64,
      serialConsole: true,
    });
    const defined = await client.defineXml(xml);
    const running = await client.start(defined, 0, { timeoutMs: 180_000 });
    expect((await dominfo(uri, name)).get('State')).toBe('running');
    expect((await client.domainState(running)).state).toBe(DomainState.RUNNING);
    const stats = await client.allDomainStats();
    const own = stats.find((s) => s.domain.name === name)?.params;
    expect(own?.get('state.state')).toBe(DomainState.RUNNING);
    expect(typeof own?.get('cpu.time')).toBe('bigint');
    expect(own?.get('balloon.maximum')).toBe(64n * 1024n);
    await client.destroy(running);
    expect((await dominfo(uri, name)).get('State')).toBe('shut off');
    await client.undefine(running);
    await expect(client.lookupDomainByName(name)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 240_000);

  it('wipes and deletes a volume of a real directory pool', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecloud-pool-'));
    await virsh(uri, 'pool-create-as', pool, 'dir', '--target', dir);
    const ref = await client.lookupPool(pool);
    const volume = await client.createVolume(
      ref,
      `<volume><name>wipe-me</name><capacity unit='bytes'>1048576</capacity><target><format type='raw'/></target></volume>`,
    );
    expect(await virsh(uri, 'vol-list', pool)).toContain('wipe-me');
    await client.wipeVolume(volume);
    await client.deleteVolume(volume);
    expect(await virsh(uri, 'vol-list', pool)).not.toContain('wipe-me');
  }, 120_000);
});
