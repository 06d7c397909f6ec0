import { EcloudError } from '@ecloud/core';
import { describe, expect, it } from 'vitest';
import { buildDomainXml } from '../../src/domain-xml/build-domain-xml.js';
import { parseDomainXml } from '../../src/domain-xml/parse-domain-xml.js';
import { instanceDomain, targetName } from '../../src/driver/instance-domain.js';
import { kvmDriver } from '../../src/driver/kvm-compute-driver.js';
import { KvmDriverOptions } from '../../src/driver/kvm-driver-options.js';
import { snapshotXml, volumeName, volumeXml } from '../../src/driver/storage-xml.js';

const unix = { kind: 'unix' as const, path: '/run/libvirt/libvirt-sock' };

function code(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return EcloudError.is(error) ? error.code : 'not an EcloudError';
  }
  return undefined;
}

describe('the KVM driver options', () => {
  it('refuses an SSH transport that would not verify the host key', () => {
    const ssh = { kind: 'ssh' as const, host: 'h', username: 'root', privateKey: 'k' };
    expect(code(() => kvmDriver({ name: 'k', hosts: [{ ref: 'a', transport: ssh }] }))).toBe(
      'INVALID_ARGUMENT',
    );
    const pinned = { ...ssh, hostKeyFingerprint: 'SHA256:Ij9XNXoTKwAuMyI3psCVhCc+GnRfnbx04iZleSrNGL8' };
    expect(code(() => kvmDriver({ name: 'k', hosts: [{ ref: 'a', transport: pinned }] }))).toBeUndefined();
  });

  it('refuses duplicate host refs, no host, and unknown keys', () => {
    expect(code(() => kvmDriver({ name: 'k', hosts: [] }))).toBe('INVALID_ARGUMENT');
    const twice = [
      { ref: 'a', transport: unix },
      { ref: 'a', transport: unix },
    ];
    expect(code(() => kvmDriver({ name: 'k', hosts: twice }))).toBe('INVALID_ARGUMENT');
    expect(
      code(() => kvmDriver({ name: 'k', hosts: [{ ref: 'a', transport: unix }], wipe: false } as never)),
    ).toBe('INVALID_ARGUMENT');
  });

  it('declares what QEMU does, and not fencing or hot resize', () => {
    const driver = kvmDriver({ name: 'k', hosts: [{ ref: 'a', transport: unix }] });
    expect(driver.capabilities).toMatchObject({
      secureErase: true,
      liveMigration: true,
      fencing: false,
      hotResize: false,
    });
    expect(driver.hypervisor).toBe('kvm');
  });
});

describe('the domain of an instance', () => {
  const options = KvmDriverOptions.parse({ name: 'k', hosts: [{ ref: 'a', transport: unix }] });
  const spec = {
    id: 'ins-01ABC',
    name: 'web & db',
    hostRef: 'a',
    vcpus: 2,
    memoryMiB: 2048,
    disks: [
      { id: 'vol-data', sizeGiB: 5, role: 'data' as const, deviceIndex: 1 },
      { id: 'vol-root', sizeGiB: 20, role: 'system' as const, deviceIndex: 0, imageId: 'img-1' },
    ],
    nics: [{ mac: '52:54:00:12:34:56', network: 'tenant-net' }],
    start: true,
  };

  it('names the domain by the instance id and puts its disks in device order with their volume ids', async () => {
    const disks = spec.disks.map((d) => ({
      id: d.id,
      deviceIndex: d.deviceIndex,
      pool: 'default',
      volume: volumeName(d.id),
    }));
    const parsed = await parseDomainXml(buildDomainXml(instanceDomain(spec, disks, options)));
    expect(parsed.name).toBe('ins-01ABC');
    expect(parsed.metadata?.instanceId).toBe('ins-01ABC');
    expect(parsed.title).toBe('web & db');
    expect(parsed.disks.map((d) => [d.target, d.serial, d.source])).toEqual([
      ['vda', 'vol-root', { kind: 'volume', pool: 'default', volume: 'vol-root.qcow2' }],
      ['vdb', 'vol-data', { kind: 'volume', pool: 'default', volume: 'vol-data.qcow2' }],
    ]);
    expect(parsed.nics[0]?.source).toEqual({ kind: 'network', network: 'tenant-net' });
  });

  it('gives every instance a VNC console on loopback by default, SPICE or none when the driver says so', async () => {
    const graphicsWith = async (console?: unknown) => {
      const opts = KvmDriverOptions.parse({ name: 'k', hosts: [{ ref: 'a', transport: unix }], console });
      return (await parseDomainXml(buildDomainXml(instanceDomain(spec, [], opts)))).graphics;
    };
    expect(await graphicsWith()).toMatchObject({ type: 'vnc', listen: '127.0.0.1' });
    expect(await graphicsWith({ type: 'spice', listen: '::1' })).toMatchObject({
      type: 'spice',
      listen: '::1',
    });
    expect(await graphicsWith(false)).toBeUndefined();
    expect(() =>
      KvmDriverOptions.parse({ name: 'k', hosts: [{ ref: 'a', transport: unix }], console: { type: 'rdp' } }),
    ).toThrow();
  });

  it('names guest devices past z as libvirt does', () => {
    expect([0, 25, 26, 27, 51].map((i) => targetName('virtio', i))).toEqual([
      'vda',
      'vdz',
      'vdaa',
      'vdab',
      'vdaz',
    ]);
    expect(targetName('scsi', 1)).toBe('sdb');
  });

  it('writes only safe names into volume and snapshot XML', () => {
    expect(volumeXml('vol-1.qcow2', 2)).toContain(`<capacity unit='bytes'>${2 * 1024 ** 3}</capacity>`);
    expect(snapshotXml('snp-1')).toBe('<domainsnapshot><name>snp-1</name></domainsnapshot>');
    expect(code(() => volumeXml("x'/><evil/>", 1))).toBe('INVALID_ARGUMENT');
    expect(code(() => snapshotXml('a b'))).toBe('INVALID_ARGUMENT');
  });
});
