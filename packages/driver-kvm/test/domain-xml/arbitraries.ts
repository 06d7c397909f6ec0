import fc from 'fast-check';
import type { DomainDefinitionInput } from '../../src/domain-xml/index.js';
import { isXmlText } from '../../src/domain-xml/xml-strings.js';

type DiskInput = NonNullable<DomainDefinitionInput['disks']>[number];
type NicInput = NonNullable<DomainDefinitionInput['nics']>[number];
type GraphicsInput = NonNullable<DomainDefinitionInput['graphics']>;

// The characters XML escaping is about, whitespace the parser could mangle, and beyond the BMP.
const trickyChar = fc.constantFrom(
  '&',
  '<',
  '>',
  '"',
  "'",
  ' ',
  '\t',
  '\n',
  '\r',
  'a',
  'Z',
  '9',
  'é',
  '€',
  '😀',
  ']]>',
);

/** Text of 1..`maxLength` characters that XML can carry: tricky ones, or any code point XML allows. */
export function xmlText(maxLength: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.string({ unit: trickyChar, minLength: 1, maxLength: Math.min(maxLength, 10) }),
      fc.string({ unit: 'binary', minLength: 1, maxLength }),
    )
    .filter((text) => text.length <= maxLength && isXmlText(text));
}

const nonBlank = (maxLength: number) => xmlText(maxLength).filter((text) => /\S/.test(text));

const absolutePath = fc
  .array(
    xmlText(12).filter((part) => !part.includes('/')),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => `/${parts.join('/')}`);

const objectName = fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/);

const randomCase = (text: string) => fc.boolean().map((upper) => (upper ? text.toUpperCase() : text));

const diskSource = fc.oneof(
  fc.record({ kind: fc.constant('file' as const), path: absolutePath }),
  fc.record({
    kind: fc.constant('volume' as const),
    pool: objectName,
    volume: xmlText(30).filter((volume) => !volume.includes('/')),
  }),
  fc.record({ kind: fc.constant('block' as const), dev: absolutePath }),
);

const TARGETS = ['vda', 'vdb', 'vdc', 'vdaa', 'sda', 'sdb', 'sdf', 'sdab', 'hda', 'hdc'] as const;

function busesOf(target: string) {
  if (target.startsWith('vd')) return ['virtio'] as const;
  return target.startsWith('sd') ? (['scsi', 'sata'] as const) : (['ide'] as const);
}

function disk(target: string): fc.Arbitrary<DiskInput> {
  const virtio = target.startsWith('vd');
  return fc.record(
    {
      source: diskSource,
      format: fc.constantFrom('qcow2', 'raw'),
      target: fc.constant(target),
      bus: fc.constantFrom(...busesOf(target)),
      cache: fc.constantFrom('none', 'writeback', 'writethrough', 'directsync', 'unsafe'),
      device: virtio ? fc.constant('disk' as const) : fc.constantFrom('disk' as const, 'cdrom' as const),
      readOnly: fc.boolean(),
      serial: fc.stringMatching(/^[A-Za-z0-9_.+-]{1,64}$/),
    },
    { requiredKeys: ['source', 'format', 'target'] },
  );
}

const disks = fc
  .uniqueArray(fc.constantFrom(...TARGETS), { maxLength: 4 })
  .chain((targets) => fc.tuple(...targets.map(disk)));

const mac = fc
  .tuple(
    fc.integer({ min: 0, max: 127 }),
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 5, maxLength: 5 }),
  )
  .map(([first, rest]) => [first * 2, ...rest].map((byte) => byte.toString(16).padStart(2, '0')).join(':'))
  .chain(randomCase);

function nic(address: string): fc.Arbitrary<NicInput> {
  return fc.record(
    {
      mac: fc.constant(address),
      source: fc.oneof(
        fc.record({
          kind: fc.constant('bridge' as const),
          bridge: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,15}$/),
        }),
        fc.record({ kind: fc.constant('network' as const), network: objectName }),
      ),
      vlan: fc.integer({ min: 1, max: 4094 }),
      model: fc.constantFrom('virtio', 'e1000', 'e1000e', 'rtl8139'),
    },
    { requiredKeys: ['mac', 'source'] },
  );
}

const nics = fc
  .uniqueArray(mac, { maxLength: 3, selector: (address) => address.toLowerCase() })
  .chain((addresses) => fc.tuple(...addresses.map(nic)));

const graphics: fc.Arbitrary<GraphicsInput> = fc
  .constantFrom('vnc' as const, 'spice' as const)
  .chain((type) =>
    fc.record(
      {
        type: fc.constant(type),
        listen: fc.constantFrom('127.0.0.1', '0.0.0.0', '192.0.2.10', '::1', '::', '2001:db8::7'),
        port: fc.integer({ min: type === 'vnc' ? 5900 : 1, max: 65535 }),
        passwd: xmlText(type === 'vnc' ? 8 : 64),
      },
      { requiredKeys: ['type'] },
    ),
  );

/** Two counts, the smaller as the current value and the larger as an optional maximum. */
function currentAndMaximum(max: number) {
  return fc
    .tuple(fc.integer({ min: 1, max }), fc.option(fc.integer({ min: 1, max }), { nil: undefined }))
    .map(([a, b]) =>
      b === undefined ? { current: a } : { current: Math.min(a, b), maximum: Math.max(a, b) },
    );
}

const os = fc.record(
  {
    arch: fc.constantFrom('x86_64', 'aarch64', 'i686'),
    machine: fc.constantFrom('q35', 'pc', 'pc-q35-9.0', 'virt'),
    boot: fc.uniqueArray(fc.constantFrom('hd' as const, 'cdrom' as const, 'network' as const), {
      minLength: 1,
      maxLength: 3,
    }),
  },
  { requiredKeys: [] },
);

const rest = fc.record(
  {
    type: fc.constantFrom('kvm' as const, 'qemu' as const, 'test' as const),
    name: objectName,
    uuid: fc.uuid().chain(randomCase),
    title: nonBlank(40).filter((title) => !/[\r\n]/.test(title)),
    description: nonBlank(200),
    metadata: fc.record({ instanceId: xmlText(128) }),
    cpu: fc.record({ mode: fc.constantFrom('host-passthrough' as const, 'host-model' as const) }),
    os,
    disks,
    nics,
    graphics,
    serialConsole: fc.boolean(),
    cloudInitSeed: fc.record({ path: absolutePath }),
  },
  { requiredKeys: ['type', 'name', 'uuid', 'metadata'] },
);

/**
 * Valid domain definitions before defaults: names over the whole allowed charset, 0–4 disks, 0–3
 * NICs, with or without every optional part. A SATA `sdf` beside a seed is not valid, so it is left out.
 */
export const domainDefinitionInput: fc.Arbitrary<DomainDefinitionInput> = fc
  .tuple(rest, currentAndMaximum(4096), currentAndMaximum(1024 * 1024))
  .map(([def, vcpus, memory]) => ({
    ...def,
    vcpus: vcpus.current,
    ...(vcpus.maximum === undefined ? {} : { maxVcpus: vcpus.maximum }),
    memoryMiB: memory.current,
    ...(memory.maximum === undefined ? {} : { maxMemoryMiB: memory.maximum }),
  }))
  .filter((def) => def.cloudInitSeed === undefined || !def.disks?.some(isSataSdf));

function isSataSdf(disk: DiskInput): boolean {
  return disk.target === 'sdf' && disk.bus === 'sata';
}
