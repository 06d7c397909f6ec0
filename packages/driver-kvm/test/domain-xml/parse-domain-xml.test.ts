import { readFileSync } from 'node:fs';
import { EcloudError } from '@ecloud/core';
import { describe, expect, it } from 'vitest';
import { type ParsedDomain, parseDomainXml } from '../../src/domain-xml/index.js';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** A bare domain with `inner` added to it (and `attributes` on its root). */
function domainXml(inner: string, attributes = "type='kvm'"): string {
  return `<domain ${attributes}><name>d</name><uuid>2f1c7d2e-8a4b-4c3d-9e5f-6a7b8c9d0e1f</uuid>
    <memory unit='KiB'>65536</memory><vcpu>1</vcpu>${inner}</domain>`;
}

async function parseError(xml: string): Promise<EcloudError> {
  const error = await parseDomainXml(xml).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(EcloudError);
  return error as EcloudError;
}

describe('parseDomainXml on what libvirt returns', () => {
  it("reads the default domain of libvirt's test driver", async () => {
    expect(await parseDomainXml(fixture('test-driver-dumpxml.xml'))).toStrictEqual({
      id: 1,
      type: 'test',
      name: 'test',
      uuid: '6695eb01-f6a4-8304-79aa-97f2502e193f',
      vcpus: 2,
      memoryMiB: 2048,
      maxMemoryMiB: 8192,
      os: { arch: 'i686', boot: ['hd'] },
      disks: [
        {
          source: { kind: 'file', path: '/guest/diskimage1' },
          target: 'vda',
          bus: 'virtio',
          device: 'disk',
          readOnly: false,
        },
      ],
      nics: [{ mac: 'aa:bb:cc:dd:ee:ff', source: { kind: 'network', network: 'default' } }],
      serialConsole: false,
    } satisfies ParsedDomain);
  });

  it('reads a running KVM domain and ignores everything it does not model', async () => {
    expect(await parseDomainXml(fixture('kvm-running-dumpxml.xml'))).toStrictEqual({
      id: 7,
      type: 'kvm',
      name: 'vm-01JB2Q3R4S5T6V7W8X9Y0Z1A2B',
      uuid: '0b6a2b56-5c43-4a8e-9d4e-3f1f4a7c2e10',
      title: 'web & api',
      description: 'Managed by ECloud: do not edit with <virsh edit>',
      metadata: { instanceId: 'vm-01JB2Q3R4S5T6V7W8X9Y0Z1A2B' },
      vcpus: 2,
      maxVcpus: 4,
      memoryMiB: 2048,
      maxMemoryMiB: 4096,
      cpu: { mode: 'host-passthrough' },
      os: { arch: 'x86_64', machine: 'pc-q35-9.0', boot: ['hd', 'network'] },
      disks: [
        {
          source: { kind: 'volume', pool: 'ecloud', volume: 'vol-01JB2Q3R4S5T6V7W8X9Y0Z1A2C' },
          format: 'qcow2',
          target: 'vda',
          bus: 'virtio',
          cache: 'none',
          device: 'disk',
          readOnly: false,
          serial: 'vol-01JB2Q3R4S5T6V7W8X9Y0Z1A2C',
        },
        {
          source: { kind: 'unknown', type: 'network' },
          format: 'raw',
          target: 'vdb',
          bus: 'virtio',
          cache: 'writeback',
          device: 'disk',
          readOnly: false,
        },
      ],
      nics: [
        {
          mac: '52:54:00:3a:7f:01',
          source: { kind: 'bridge', bridge: 'br-prod' },
          vlan: 120,
          model: 'virtio',
        },
        { mac: '52:54:00:3a:7f:02', source: { kind: 'unknown', type: 'direct' }, model: 'e1000e' },
      ],
      graphics: { type: 'vnc', listen: '127.0.0.1' },
      serialConsole: true,
      cloudInitSeed: { path: '/var/lib/ecloud/seeds/vm-01JB2Q3R4S5T6V7W8X9Y0Z1A2B.iso' },
    } satisfies ParsedDomain);
  });

  it('reads an inactive domain, whose id is -1 or absent, as id null', async () => {
    expect((await parseDomainXml(domainXml('', "type='kvm' id='-1'"))).id).toBeNull();
    expect((await parseDomainXml(domainXml(''))).id).toBeNull();
  });

  it('reads memory in any libvirt unit, rounded up to whole MiB', async () => {
    const memoryOf = async (memory: string) =>
      (await parseDomainXml(domainXml('').replace("<memory unit='KiB'>65536</memory>", memory))).memoryMiB;
    expect(await memoryOf('<memory>2097152</memory>')).toBe(2048);
    expect(await memoryOf("<memory unit='GiB'>2</memory>")).toBe(2048);
    expect(await memoryOf("<memory unit='G'>2</memory>")).toBe(2048);
    expect(await memoryOf("<memory unit='M'>64</memory>")).toBe(64);
    expect(await memoryOf("<memory unit='bytes'>67108864</memory>")).toBe(64);
    expect(await memoryOf("<memory unit='b'>1</memory>")).toBe(1);
    expect(await memoryOf("<memory unit='KB'>1048576</memory>")).toBe(1000);
    expect(await memoryOf("<memory unit='TiB'>16</memory>")).toBe(16 * 1024 * 1024);
    expect(await memoryOf("<memory unit='KiB'>1000</memory>")).toBe(1);
  });

  it('finds the ECloud metadata by namespace, whatever the prefix', async () => {
    const unprefixed = `<metadata><instance xmlns='https://ecloud.dev/xmlns/libvirt/1' id='vm-9'/></metadata>`;
    expect((await parseDomainXml(domainXml(unprefixed))).metadata).toEqual({ instanceId: 'vm-9' });
    const foreign = `<metadata><ecloud:instance xmlns:ecloud='https://example.com/other' id='vm-9'/></metadata>`;
    expect(await parseDomainXml(domainXml(foreign))).not.toHaveProperty('metadata');
  });

  it('reads a fixed graphics port, a password in secure XML, and a listen address given as a child only', async () => {
    const graphics = `<devices><graphics type='sdl'/><graphics type='spice' port='5930' autoport='no' passwd='s3cret'>
      <listen type='address' address='10.0.0.5'/></graphics></devices>`;
    expect((await parseDomainXml(domainXml(graphics))).graphics).toStrictEqual({
      type: 'spice',
      listen: '10.0.0.5',
      port: 5930,
      passwd: 's3cret',
    });
  });

  it('reads port -1 as no fixed port', async () => {
    const graphics = `<devices><graphics type='vnc' port='-1'/></devices>`;
    expect((await parseDomainXml(domainXml(graphics))).graphics).toStrictEqual({ type: 'vnc' });
  });

  it('keeps a disk without a source, an empty cdrom, as unknown rather than dropping it', async () => {
    const disk = `<devices><disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk></devices>`;
    expect((await parseDomainXml(domainXml(disk))).disks).toStrictEqual([
      {
        source: { kind: 'unknown', type: 'file' },
        target: 'sda',
        bus: 'sata',
        device: 'cdrom',
        readOnly: true,
      },
    ]);
  });

  it('does not take a non-cdrom sdz for the seed', async () => {
    const disk = `<devices><disk type='file' device='disk'><source file='/a'/><target dev='sdz' bus='sata'/></disk></devices>`;
    const parsed = await parseDomainXml(domainXml(disk));
    expect(parsed).not.toHaveProperty('cloudInitSeed');
    expect(parsed.disks).toHaveLength(1);
  });

  it('reads a domain without devices, cpu or boot order', async () => {
    expect(await parseDomainXml(domainXml(''))).toStrictEqual({
      id: null,
      type: 'kvm',
      name: 'd',
      uuid: '2f1c7d2e-8a4b-4c3d-9e5f-6a7b8c9d0e1f',
      vcpus: 1,
      memoryMiB: 64,
      os: { boot: [] },
      disks: [],
      nics: [],
      serialConsole: false,
    });
  });

  it('reads a <cpu> without a mode as libvirt default, custom', async () => {
    const cpu = `<cpu><topology sockets='1' cores='2' threads='1'/></cpu>`;
    expect((await parseDomainXml(domainXml(cpu))).cpu).toEqual({ mode: 'custom' });
  });

  it('ignores elements and attributes it has never heard of, at any depth', async () => {
    const extra = `<future xmlns:f='urn:f' f:a='1'><f:b/></future><devices><disk type='file' device='disk' future='x'>
      <source file='/a' startupPolicy='optional'><future/></source><target dev='vda' bus='virtio'/><future/>
      </disk><future-device/></devices>`;
    expect((await parseDomainXml(domainXml(extra))).disks).toHaveLength(1);
  });
});

describe('parseDomainXml on what it cannot read', () => {
  it.each([
    ['a truncated document', '<domain type="kvm"><name>x</name>'],
    ['mismatched tags', '<domain><name>x</uuid></domain>'],
    ['an unclosed attribute', '<domain type="kvm><name>x</name></domain>'],
    ['not XML at all', 'domain: {name: x}'],
    ['an undeclared entity', '<domain><name>&nope;</name></domain>'],
  ])('rejects %s as a non-retryable DRIVER_FAILURE', async (_, xml) => {
    const error = await parseError(xml);
    expect(error.code).toBe('DRIVER_FAILURE');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/^Cannot read libvirt domain XML: not well-formed XML/);
  });

  it('rejects an empty document', async () => {
    const error = await parseError('');
    expect(error.code).toBe('DRIVER_FAILURE');
    expect(error.message).toContain('no root element');
  });

  it('rejects a root that is not <domain>', async () => {
    const error = await parseError('<network><name>default</name></network>');
    expect(error).toMatchObject({
      code: 'DRIVER_FAILURE',
      message: 'Cannot read libvirt domain XML: the root element is <network>, not <domain>',
      details: { root: 'network' },
    });
  });

  it.each([
    ['no name', domainXml('').replace('<name>d</name>', ''), 'no <name>'],
    ['no uuid', domainXml('').replace(/<uuid>.*<\/uuid>/, ''), 'no <uuid>'],
    ['no type', domainXml('', "id='1'"), 'no type'],
    ['no memory', domainXml('').replace(/<memory.*<\/memory>/, ''), 'no <memory>'],
    ['no vcpu', domainXml('').replace('<vcpu>1</vcpu>', ''), 'no <vcpu>'],
    ['a vcpu count in words', domainXml('').replace('<vcpu>1</vcpu>', '<vcpu>two</vcpu>'), '<vcpu> is not'],
    [
      'a memory unit libvirt does not know',
      domainXml('').replace("unit='KiB'", "unit='parsecs'"),
      'unknown unit',
    ],
    ['a non-numeric id', domainXml('', "type='kvm' id='x'"), '<domain id>'],
  ])('rejects a domain with %s', async (_, xml, message) => {
    const error = await parseError(xml);
    expect(error.code).toBe('DRIVER_FAILURE');
    expect(error.message).toContain(message);
  });
});
