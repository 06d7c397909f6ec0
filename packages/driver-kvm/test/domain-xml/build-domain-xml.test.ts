import { EcloudError } from '@ecloud/core';
import { describe, expect, it } from 'vitest';
import { buildDomainXml, type DomainDefinitionInput, parseDomainXml } from '../../src/domain-xml/index.js';

const small: DomainDefinitionInput = {
  type: 'kvm',
  name: 'small',
  uuid: '2F1C7D2E-8A4B-4C3D-9E5F-6A7B8C9D0E1F',
  metadata: { instanceId: 'vm-01JB2Q3R4S5T6V7W8X9Y0Z1A2B' },
  vcpus: 1,
  memoryMiB: 64,
  disks: [
    {
      source: { kind: 'volume', pool: 'ecloud', volume: 'vol-1' },
      format: 'qcow2',
      target: 'vda',
      serial: 'vol-1',
    },
  ],
  nics: [{ mac: '52:54:00:12:34:56', source: { kind: 'network', network: 'default' } }],
  serialConsole: true,
};

describe('buildDomainXml', () => {
  it('writes a small definition exactly so', () => {
    expect(buildDomainXml(small)).toBe(
      [
        '<domain type="kvm">',
        '  <name>small</name>',
        '  <uuid>2f1c7d2e-8a4b-4c3d-9e5f-6a7b8c9d0e1f</uuid>',
        '  <metadata>',
        '    <ecloud:instance xmlns:ecloud="https://ecloud.dev/xmlns/libvirt/1" id="vm-01JB2Q3R4S5T6V7W8X9Y0Z1A2B"/>',
        '  </metadata>',
        '  <memory unit="KiB">65536</memory>',
        '  <currentMemory unit="KiB">65536</currentMemory>',
        '  <vcpu placement="static">1</vcpu>',
        '  <os>',
        '    <type arch="x86_64">hvm</type>',
        '    <boot dev="hd"/>',
        '  </os>',
        '  <features>',
        '    <acpi/>',
        '    <apic/>',
        '  </features>',
        '  <devices>',
        '    <disk type="volume" device="disk">',
        '      <driver name="qemu" type="qcow2"/>',
        '      <source pool="ecloud" volume="vol-1"/>',
        '      <target dev="vda" bus="virtio"/>',
        '      <serial>vol-1</serial>',
        '    </disk>',
        '    <interface type="network">',
        '      <mac address="52:54:00:12:34:56"/>',
        '      <source network="default"/>',
        '      <model type="virtio"/>',
        '    </interface>',
        '    <serial type="pty">',
        '      <target port="0"/>',
        '    </serial>',
        '    <console type="pty">',
        '      <target type="serial" port="0"/>',
        '    </console>',
        '  </devices>',
        '</domain>',
      ].join('\n'),
    );
  });

  it('writes memory in KiB, the maximum as <memory> and the balloon target as <currentMemory>', () => {
    const xml = buildDomainXml({ ...small, memoryMiB: 1024, maxMemoryMiB: 4096 });
    expect(xml).toContain('<memory unit="KiB">4194304</memory>');
    expect(xml).toContain('<currentMemory unit="KiB">1048576</currentMemory>');
  });

  it('writes the hot-plug vCPU maximum as text and the current count as an attribute', () => {
    expect(buildDomainXml({ ...small, vcpus: 2, maxVcpus: 8 })).toContain(
      '<vcpu placement="static" current="2">8</vcpu>',
    );
  });

  it('writes the cpu mode, machine and boot order', () => {
    const xml = buildDomainXml({
      ...small,
      cpu: { mode: 'host-model' },
      os: { machine: 'pc-q35-9.0', boot: ['network', 'hd'] },
    });
    expect(xml).toContain('<cpu mode="host-model"/>');
    expect(xml).toContain('<type arch="x86_64" machine="pc-q35-9.0">hvm</type>');
    expect(xml).toMatch(/<boot dev="network"\/>\s*<boot dev="hd"\/>/);
  });

  it('writes ACPI and APIC on x86 only', () => {
    expect(buildDomainXml({ ...small, os: { arch: 'i686' } })).toContain('<acpi/>');
    expect(buildDomainXml({ ...small, os: { arch: 'aarch64', machine: 'virt' } })).not.toContain('<features');
  });

  it('writes every disk source kind with its driver, cache and read-only flag', () => {
    const xml = buildDomainXml({
      ...small,
      disks: [
        {
          source: { kind: 'file', path: '/images/a.qcow2' },
          format: 'qcow2',
          target: 'vda',
          cache: 'writeback',
        },
        { source: { kind: 'block', dev: '/dev/sdc' }, format: 'raw', target: 'vdb', readOnly: true },
      ],
    });
    expect(xml).toContain('<disk type="file" device="disk">');
    expect(xml).toContain('<driver name="qemu" type="qcow2" cache="writeback"/>');
    expect(xml).toContain('<source file="/images/a.qcow2"/>');
    expect(xml).toContain('<disk type="block" device="disk">');
    expect(xml).toMatch(/<source dev="\/dev\/sdc"\/>\s*<target dev="vdb" bus="virtio"\/>\s*<readonly\/>/);
  });

  it('adds a virtio-scsi controller for SCSI disks only', () => {
    const scsi = { source: { kind: 'file', path: '/a' }, format: 'raw', target: 'sda' } as const;
    expect(buildDomainXml({ ...small, disks: [scsi] })).toContain(
      '<controller type="scsi" index="0" model="virtio-scsi"/>',
    );
    expect(buildDomainXml(small)).not.toContain('<controller');
  });

  it('attaches the cloud-init seed as a read-only SATA cdrom sdz on the first controller', () => {
    const xml = buildDomainXml({ ...small, cloudInitSeed: { path: '/seeds/vm-1.iso' } });
    expect(xml).toContain(
      [
        '    <disk type="file" device="cdrom">',
        '      <driver name="qemu" type="raw"/>',
        '      <source file="/seeds/vm-1.iso"/>',
        '      <target dev="sdz" bus="sata"/>',
        '      <readonly/>',
        '      <address type="drive" controller="0" bus="0" target="0" unit="5"/>',
        '    </disk>',
      ].join('\n'),
    );
  });

  it('writes a bridge NIC with its VLAN tag and model', () => {
    const xml = buildDomainXml({
      ...small,
      nics: [
        { mac: '52:54:00:AA:BB:CC', source: { kind: 'bridge', bridge: 'br0' }, vlan: 42, model: 'e1000' },
      ],
    });
    expect(xml).toContain(
      [
        '    <interface type="bridge">',
        '      <mac address="52:54:00:aa:bb:cc"/>',
        '      <source bridge="br0"/>',
        '      <vlan>',
        '        <tag id="42"/>',
        '      </vlan>',
        '      <model type="e1000"/>',
        '    </interface>',
      ].join('\n'),
    );
  });

  it('writes graphics on a fixed port or on autoport', () => {
    expect(buildDomainXml({ ...small, graphics: { type: 'vnc', port: 5901, passwd: 'secret' } })).toContain(
      '<graphics type="vnc" port="5901" autoport="no" listen="127.0.0.1" passwd="secret">',
    );
    expect(buildDomainXml({ ...small, graphics: { type: 'spice', listen: '0.0.0.0' } })).toMatch(
      /<graphics type="spice" autoport="yes" listen="0.0.0.0">\s*<listen type="address" address="0.0.0.0"\/>/,
    );
  });

  it('leaves out what is not asked for', () => {
    const xml = buildDomainXml({ ...small, disks: [], nics: [], serialConsole: false });
    for (const element of ['<title', '<description', '<cpu', '<disk', '<interface', '<serial', '<graphics']) {
      expect(xml).not.toContain(element);
    }
  });

  it('rejects an invalid definition with INVALID_ARGUMENT before writing anything', () => {
    const error = catchError(() => buildDomainXml({ ...small, vcpus: 0 }));
    expect(error).toBeInstanceOf(EcloudError);
    expect(error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('Invalid domain definition: vcpus'),
      details: { issues: [{ path: 'vcpus', message: expect.any(String) }] },
    });
  });
});

describe('buildDomainXml escaping', () => {
  const nasty = `a & b < c > d " e ' f ]]> g &amp; h`;
  const escaped = 'a &amp; b &lt; c &gt; d " e \' f ]]&gt; g &amp;amp; h';
  const escapedAttribute = "a &amp; b &lt; c > d &quot; e ' f ]]> g &amp;amp; h";

  it('escapes text: &, < and > (quotes need none)', () => {
    const xml = buildDomainXml({ ...small, title: nasty, description: nasty });
    expect(xml).toContain(`<title>${escaped}</title>`);
    expect(xml).toContain(`<description>${escaped}</description>`);
  });

  it('escapes attributes: &, < and the double quote that delimits them', () => {
    const xml = buildDomainXml({
      ...small,
      metadata: { instanceId: nasty },
      disks: [{ source: { kind: 'file', path: `/${nasty}` }, format: 'raw', target: 'vda' }],
    });
    expect(xml).toContain(`id="${escapedAttribute}"`);
    expect(xml).toContain(`<source file="/${escapedAttribute}"/>`);
  });

  it('keeps an injection attempt inside its element', async () => {
    const attack =
      '</description><devices><disk type="block"><source dev="/dev/sda"/></disk></devices><description>';
    const xml = buildDomainXml({ ...small, description: attack, disks: [] });
    expect(xml.match(/<devices>/g)).toHaveLength(1);
    const parsed = await parseDomainXml(xml);
    expect(parsed.description).toBe(attack);
    expect(parsed.disks).toEqual([]);
  });

  it('keeps carriage returns, tabs and newlines in text and attributes', async () => {
    const text = 'one\r\ntwo\tthree\n';
    const parsed = await parseDomainXml(
      buildDomainXml({ ...small, description: text, metadata: { instanceId: text } }),
    );
    expect(parsed.description).toBe(text);
    expect(parsed.metadata).toEqual({ instanceId: text });
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
