import { EcloudError } from '@ecloud/core';
import { describe, expect, it } from 'vitest';
import { buildDomainXml, DomainDefinition, type DomainDefinitionInput } from '../../src/domain-xml/index.js';

const disk = { source: { kind: 'file', path: '/images/a.qcow2' }, format: 'qcow2', target: 'vda' } as const;
const nic = { mac: '52:54:00:12:34:56', source: { kind: 'bridge', bridge: 'br0' } } as const;

const valid: DomainDefinitionInput = {
  type: 'qemu',
  name: 'valid',
  uuid: '2f1c7d2e-8a4b-4c3d-9e5f-6a7b8c9d0e1f',
  metadata: { instanceId: 'vm-1' },
  vcpus: 2,
  memoryMiB: 512,
  disks: [disk],
  nics: [nic],
};

/** buildDomainXml on input the type system cannot vouch for: that is what is being tested. */
function build(input: unknown): string {
  return buildDomainXml(input as DomainDefinitionInput);
}

/** The issue paths of `input`'s rejection by buildDomainXml, which must be INVALID_ARGUMENT. */
function rejectedPaths(input: unknown): string[] {
  try {
    build(input);
  } catch (error) {
    expect(EcloudError.is(error, 'INVALID_ARGUMENT')).toBe(true);
    const issues = (error as EcloudError).details.issues as { path: string }[];
    return issues.map((issue) => issue.path);
  }
  throw new Error('expected the definition to be rejected');
}

const withDisk = (patch: object) => ({ ...valid, disks: [{ ...disk, ...patch }] });
const withNic = (patch: object) => ({ ...valid, nics: [{ ...nic, ...patch }] });
const withGraphics = (graphics: object) => ({ ...valid, graphics });

describe('DomainDefinition validation', () => {
  it('accepts the valid base definition', () => {
    expect(() => buildDomainXml(valid)).not.toThrow();
  });

  it.each([
    ['an unknown domain type', { ...valid, type: 'xen' }, 'type'],
    ['an empty name', { ...valid, name: '' }, 'name'],
    ['a name of 65 characters', { ...valid, name: 'n'.repeat(65) }, 'name'],
    ['a name with a space', { ...valid, name: 'my vm' }, 'name'],
    ['a name with a slash', { ...valid, name: 'a/b' }, 'name'],
    ['a name with a non-ASCII letter', { ...valid, name: 'vmé' }, 'name'],
    ['a malformed uuid', { ...valid, uuid: '2f1c7d2e-8a4b-4c3d-9e5f' }, 'uuid'],
    ['a multi-line title', { ...valid, title: 'one\ntwo' }, 'title'],
    ['a blank title', { ...valid, title: '  ' }, 'title'],
    ['a blank description', { ...valid, description: '\n\t' }, 'description'],
    ['a control character XML cannot carry', { ...valid, description: 'bell\u0007' }, 'description'],
    ['a lone surrogate', { ...valid, description: 'half \uD83D' }, 'description'],
    ['no metadata', { ...valid, metadata: undefined }, 'metadata'],
    ['an empty instance id', { ...valid, metadata: { instanceId: '' } }, 'metadata.instanceId'],
    ['0 vcpus', { ...valid, vcpus: 0 }, 'vcpus'],
    ['4097 vcpus', { ...valid, vcpus: 4097 }, 'vcpus'],
    ['a fractional vcpu count', { ...valid, vcpus: 1.5 }, 'vcpus'],
    ['maxVcpus below vcpus', { ...valid, maxVcpus: 1 }, 'maxVcpus'],
    ['0 MiB of memory', { ...valid, memoryMiB: 0 }, 'memoryMiB'],
    ['fractional memory', { ...valid, memoryMiB: 0.5 }, 'memoryMiB'],
    ['maxMemoryMiB below memoryMiB', { ...valid, maxMemoryMiB: 256 }, 'maxMemoryMiB'],
    ['a cpu mode not offered', { ...valid, cpu: { mode: 'custom' } }, 'cpu.mode'],
    ['an upper-case arch', { ...valid, os: { arch: 'X86_64' } }, 'os.arch'],
    ['a machine with a space', { ...valid, os: { machine: 'pc q35' } }, 'os.machine'],
    ['an empty boot order', { ...valid, os: { boot: [] } }, 'os.boot'],
    ['a repeated boot device', { ...valid, os: { boot: ['hd', 'hd'] } }, 'os.boot'],
    ['an unknown boot device', { ...valid, os: { boot: ['fd'] } }, 'os.boot[0]'],
    ['an unknown key', { ...valid, memory: 512 }, '(root)'],
    ['a disk target of another family', withDisk({ target: 'xvda' }), 'disks[0].target'],
    ['a disk target without letters', withDisk({ target: 'vd1' }), 'disks[0].target'],
    ['the seed target', withDisk({ target: 'sdz' }), 'disks[0].target'],
    ['a repeated disk target', { ...valid, disks: [disk, disk] }, 'disks'],
    ['a bus the target does not imply', withDisk({ bus: 'sata' }), 'disks[0].bus'],
    ['a cdrom on virtio', withDisk({ device: 'cdrom' }), 'disks[0].bus'],
    ['no disk format', withDisk({ format: undefined }), 'disks[0].format'],
    ['a disk format not offered', withDisk({ format: 'vmdk' }), 'disks[0].format'],
    ['a cache mode not offered', withDisk({ cache: 'default' }), 'disks[0].cache'],
    [
      'a relative file path',
      withDisk({ source: { kind: 'file', path: 'images/a.qcow2' } }),
      'disks[0].source.path',
    ],
    ['a relative block device', withDisk({ source: { kind: 'block', dev: 'sdb' } }), 'disks[0].source.dev'],
    [
      'a volume name with a slash',
      withDisk({ source: { kind: 'volume', pool: 'p', volume: 'a/b' } }),
      'disks[0].source.volume',
    ],
    ['an unknown disk source kind', withDisk({ source: { kind: 'nbd', host: 'x' } }), 'disks[0].source.kind'],
    ['a serial with a space', withDisk({ serial: 'vol 1' }), 'disks[0].serial'],
    ['a misspelt disk key', withDisk({ readonly: true }), 'disks[0]'],
    [
      'a SATA sdf beside a seed',
      { ...withDisk({ target: 'sdf', bus: 'sata' }), cloudInitSeed: { path: '/seed.iso' } },
      'disks[0].target',
    ],
    ['a relative seed path', { ...valid, cloudInitSeed: { path: 'seed.iso' } }, 'cloudInitSeed.path'],
    ['a MAC address without colons', withNic({ mac: '525400123456' }), 'nics[0].mac'],
    ['a multicast MAC address', withNic({ mac: '01:00:5e:00:00:01' }), 'nics[0].mac'],
    [
      'a MAC address used twice',
      { ...valid, nics: [nic, { ...nic, mac: '52:54:00:12:34:56'.toUpperCase() }] },
      'nics',
    ],
    ['VLAN 0', withNic({ vlan: 0 }), 'nics[0].vlan'],
    ['VLAN 4095', withNic({ vlan: 4095 }), 'nics[0].vlan'],
    [
      'a bridge name longer than 15',
      withNic({ source: { kind: 'bridge', bridge: 'b'.repeat(16) } }),
      'nics[0].source.bridge',
    ],
    [
      'a network name with a slash',
      withNic({ source: { kind: 'network', network: 'a/b' } }),
      'nics[0].source.network',
    ],
    ['a NIC model not offered', withNic({ model: 'ne2k_pci' }), 'nics[0].model'],
    ['an unknown graphics type', withGraphics({ type: 'rdp' }), 'graphics.type'],
    ['a host name as listen address', withGraphics({ type: 'vnc', listen: 'localhost' }), 'graphics.listen'],
    ['a VNC port below 5900', withGraphics({ type: 'vnc', port: 5899 }), 'graphics.port'],
    ['a port above 65535', withGraphics({ type: 'spice', port: 65536 }), 'graphics.port'],
    [
      'a VNC password over 8 characters',
      withGraphics({ type: 'vnc', passwd: '123456789' }),
      'graphics.passwd',
    ],
  ])('rejects %s', (_, input, path) => {
    expect(rejectedPaths(input)).toContain(path);
  });

  it('reports every issue, not only the first', () => {
    expect(rejectedPaths({ ...valid, name: '', vcpus: 0, memoryMiB: 0 })).toEqual([
      'name',
      'vcpus',
      'memoryMiB',
    ]);
  });
});

describe('DomainDefinition canonical form', () => {
  it('fills in the defaults', () => {
    const def = DomainDefinition.parse({ ...valid, disks: [disk], nics: [nic], graphics: { type: 'vnc' } });
    expect(def.os).toEqual({ arch: 'x86_64', boot: ['hd'] });
    expect(def.disks[0]).toEqual({ ...disk, bus: 'virtio', device: 'disk', readOnly: false });
    expect(def.nics[0]).toEqual({ ...nic, model: 'virtio' });
    expect(def.graphics).toEqual({ type: 'vnc', listen: '127.0.0.1' });
    expect(def.serialConsole).toBe(false);
  });

  it("takes a disk's bus from its target as libvirt does", () => {
    const def = DomainDefinition.parse({
      ...valid,
      disks: ['vda', 'sda', 'hda'].map((target) => ({ ...disk, target })),
    });
    expect(def.disks.map((d) => d.bus)).toEqual(['virtio', 'scsi', 'ide']);
  });

  it('makes a cdrom read-only, as libvirt does', () => {
    const def = DomainDefinition.parse(
      withDisk({ target: 'sda', bus: 'sata', device: 'cdrom', readOnly: false }),
    );
    expect(def.disks[0]?.readOnly).toBe(true);
  });

  it('lower-cases the uuid and MAC addresses as libvirt prints them', () => {
    const def = DomainDefinition.parse({
      ...withNic({ mac: '52:54:00:AB:CD:EF' }),
      uuid: valid.uuid.toUpperCase(),
    });
    expect(def.uuid).toBe(valid.uuid);
    expect(def.nics[0]?.mac).toBe('52:54:00:ab:cd:ef');
  });

  it("accepts libvirt's own test domain uuid, which is no RFC 4122 variant", () => {
    expect(DomainDefinition.parse({ ...valid, uuid: '6695eb01-f6a4-8304-79aa-97f2502e193f' }).uuid).toBe(
      '6695eb01-f6a4-8304-79aa-97f2502e193f',
    );
  });

  it('drops maxima equal to the current values and keeps larger ones', () => {
    expect(DomainDefinition.parse({ ...valid, maxVcpus: 2, maxMemoryMiB: 512 })).not.toHaveProperty(
      'maxVcpus',
    );
    expect(DomainDefinition.parse({ ...valid, maxVcpus: 2, maxMemoryMiB: 512 })).not.toHaveProperty(
      'maxMemoryMiB',
    );
    expect(DomainDefinition.parse({ ...valid, maxVcpus: 4, maxMemoryMiB: 1024 })).toMatchObject({
      maxVcpus: 4,
      maxMemoryMiB: 1024,
    });
  });

  it('allows a SATA sdf without a seed, and a SCSI sdf with one', () => {
    expect(() => build(withDisk({ target: 'sdf', bus: 'sata' }))).not.toThrow();
    expect(() =>
      build({ ...withDisk({ target: 'sdf' }), cloudInitSeed: { path: '/seed.iso' } }),
    ).not.toThrow();
  });

  it('allows an 8-character VNC password and a longer SPICE one', () => {
    expect(() => build(withGraphics({ type: 'vnc', passwd: '12345678' }))).not.toThrow();
    expect(() => build(withGraphics({ type: 'spice', passwd: '123456789', port: 80 }))).not.toThrow();
  });
});
