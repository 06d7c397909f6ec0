import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDomainXml,
  DomainDefinition,
  type DomainDefinitionInput,
  parseDomainXml,
} from '../../src/domain-xml/index.js';
import { domainDefinitionInput } from './arbitraries.js';

/** What reading back the XML of `input` must yield: its canonical form, not running. */
function expected(input: DomainDefinitionInput) {
  return { id: null, ...DomainDefinition.parse(input) };
}

async function roundTrip(input: DomainDefinitionInput) {
  return parseDomainXml(buildDomainXml(input));
}

const minimal: DomainDefinitionInput = {
  type: 'qemu',
  name: 'minimal',
  uuid: '2f1c7d2e-8a4b-4c3d-9e5f-6a7b8c9d0e1f',
  metadata: { instanceId: 'vm-1' },
  vcpus: 1,
  memoryMiB: 64,
};

describe('parseDomainXml(buildDomainXml(def))', () => {
  it('reads back a minimal definition with its defaults filled in', async () => {
    expect(await roundTrip(minimal)).toStrictEqual({
      ...minimal,
      id: null,
      os: { arch: 'x86_64', boot: ['hd'] },
      disks: [],
      nics: [],
      serialConsole: false,
    });
  });

  it('reads back a full definition', async () => {
    const full: DomainDefinitionInput = {
      ...minimal,
      type: 'kvm',
      title: 'web & api <prod>',
      description: 'line one\nline "two"\r\n',
      vcpus: 2,
      maxVcpus: 8,
      memoryMiB: 2048,
      maxMemoryMiB: 4096,
      cpu: { mode: 'host-passthrough' },
      os: { machine: 'pc-q35-9.0', boot: ['cdrom', 'hd', 'network'] },
      disks: [
        {
          source: { kind: 'volume', pool: 'ecloud', volume: 'vol-1' },
          format: 'qcow2',
          target: 'vda',
          serial: 'vol-1',
        },
        { source: { kind: 'file', path: '/images/data.raw' }, format: 'raw', target: 'sda', cache: 'none' },
        {
          source: { kind: 'block', dev: '/dev/sdc' },
          format: 'raw',
          target: 'sdb',
          bus: 'sata',
          readOnly: true,
        },
        {
          source: { kind: 'file', path: '/isos/install.iso' },
          format: 'raw',
          target: 'hdc',
          device: 'cdrom',
        },
      ],
      nics: [
        { mac: '52:54:00:AB:CD:EF', source: { kind: 'bridge', bridge: 'br0' }, vlan: 120 },
        { mac: '52:54:00:00:00:01', source: { kind: 'network', network: 'default' }, model: 'e1000e' },
      ],
      graphics: { type: 'spice', listen: '::1', port: 5930, passwd: 'a longer spice secret' },
      serialConsole: true,
      cloudInitSeed: { path: '/var/lib/ecloud/seeds/vm-1.iso' },
    };
    expect(await roundTrip(full)).toStrictEqual(expected(full));
  });

  it('reads back a VNC display on an automatic port', async () => {
    const input = { ...minimal, graphics: { type: 'vnc' as const } };
    expect((await roundTrip(input)).graphics).toStrictEqual({ type: 'vnc', listen: '127.0.0.1' });
  });

  it('drops a maximum equal to the current value, which libvirt cannot tell apart', async () => {
    const input = { ...minimal, maxVcpus: 1, maxMemoryMiB: 64 };
    const parsed = await roundTrip(input);
    expect(parsed).not.toHaveProperty('maxVcpus');
    expect(parsed).not.toHaveProperty('maxMemoryMiB');
    expect(parsed).toStrictEqual(expected(input));
  });

  it('holds for any valid definition', async () => {
    await fc.assert(
      fc.asyncProperty(domainDefinitionInput, async (input) => {
        expect(await roundTrip(input)).toStrictEqual(expected(input));
      }),
      { numRuns: 300 },
    );
  });
});
