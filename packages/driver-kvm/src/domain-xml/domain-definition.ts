import { z } from 'zod';
import { SEED_CONFLICTING_SATA_TARGET } from './conventions.js';
import { DiskDefinition } from './disk-definition.js';
import { GraphicsDefinition } from './graphics-definition.js';
import { NicDefinition } from './nic-definition.js';
import { absolutePath, objectName, xmlString } from './xml-strings.js';

const MAX_VCPUS = 4096;
// 1 PiB: far above any host, and small enough that the KiB value stays an exact JavaScript number.
const MAX_MEMORY_MIB = 2 ** 30;

// xml2js drops blank text when reading, so a blank title or description would not read back.
const nonBlank = (max: number) => xmlString(max).regex(/\S/, 'must not be blank');

const vcpuCount = z.int().min(1).max(MAX_VCPUS);
const memoryMiB = z.int().min(1).max(MAX_MEMORY_MIB);

/** A boot device, libvirt's `<os><boot dev>`. @public */
export const BootDevice = z.enum(['hd', 'cdrom', 'network']);

/** A {@link BootDevice} value. @public */
export type BootDevice = z.output<typeof BootDevice>;

const osFields = z.strictObject({
  arch: z
    .string()
    .regex(/^[a-z0-9_]{1,32}$/, 'must be a libvirt architecture name like x86_64')
    .default('x86_64'),
  machine: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a machine type like q35 or pc-q35-8.2')
    .optional(),
  boot: z
    .array(BootDevice)
    .min(1)
    .max(BootDevice.options.length)
    .refine((boot) => new Set(boot).size === boot.length, 'must not repeat a device')
    .default(['hd']),
});

const domainFields = z.strictObject({
  type: z.enum(['kvm', 'qemu', 'test']),
  name: objectName,
  // libvirt takes any 128-bit value in this notation (its own test domain's is no RFC 4122 variant),
  // so only the notation is checked; lower case is how libvirt prints it.
  uuid: z.guid().toLowerCase(),
  title: nonBlank(256)
    .regex(/^[^\r\n]*$/, 'must be a single line')
    .optional(),
  description: nonBlank(65536).optional(),
  metadata: z.strictObject({ instanceId: xmlString(128) }),
  vcpus: vcpuCount,
  maxVcpus: vcpuCount.optional(),
  memoryMiB,
  maxMemoryMiB: memoryMiB.optional(),
  cpu: z.strictObject({ mode: z.enum(['host-passthrough', 'host-model']) }).optional(),
  os: osFields.prefault({}),
  disks: z.array(DiskDefinition).default([]),
  nics: z.array(NicDefinition).default([]),
  graphics: GraphicsDefinition.optional(),
  serialConsole: z.boolean().default(false),
  cloudInitSeed: z.strictObject({ path: absolutePath }).optional(),
});

type DomainFields = z.output<typeof domainFields>;

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) !== i);
}

function checkLimits(def: DomainFields, ctx: z.RefinementCtx): void {
  if (def.maxVcpus !== undefined && def.maxVcpus < def.vcpus) {
    ctx.addIssue({ code: 'custom', path: ['maxVcpus'], message: 'must be at least vcpus' });
  }
  if (def.maxMemoryMiB !== undefined && def.maxMemoryMiB < def.memoryMiB) {
    ctx.addIssue({ code: 'custom', path: ['maxMemoryMiB'], message: 'must be at least memoryMiB' });
  }
}

function checkUniqueDevices(def: DomainFields, ctx: z.RefinementCtx): void {
  for (const target of duplicates(def.disks.map((disk) => disk.target))) {
    ctx.addIssue({ code: 'custom', path: ['disks'], message: `target ${target} is used twice` });
  }
  for (const mac of duplicates(def.nics.map((nic) => nic.mac))) {
    ctx.addIssue({ code: 'custom', path: ['nics'], message: `MAC address ${mac} is used twice` });
  }
}

function checkSeedPort(def: DomainFields, ctx: z.RefinementCtx): void {
  if (def.cloudInitSeed === undefined) return;
  def.disks.forEach((disk, i) => {
    if (disk.bus === 'sata' && disk.target === SEED_CONFLICTING_SATA_TARGET) {
      ctx.addIssue({
        code: 'custom',
        path: ['disks', i, 'target'],
        message: `a SATA ${SEED_CONFLICTING_SATA_TARGET} would take the cloud-init seed's port`,
      });
    }
  });
}

// libvirt does not tell a maximum equal to the current value from no maximum, so neither do we.
function canonical({ maxVcpus, maxMemoryMiB, ...def }: DomainFields) {
  return {
    ...def,
    ...(maxVcpus === undefined || maxVcpus === def.vcpus ? {} : { maxVcpus }),
    ...(maxMemoryMiB === undefined || maxMemoryMiB === def.memoryMiB ? {} : { maxMemoryMiB }),
  };
}

/**
 * What ECloud puts into a libvirt domain, named as libvirt names it:
 *
 * - `type`: `kvm`; `qemu` (TCG emulation) or `test` (libvirt's `test:///` driver) for tests;
 * - `name` (1–64 of `[A-Za-z0-9_.-]`), `uuid`, optional single-line `title` and `description`;
 * - `metadata.instanceId`: written under `<metadata>` in the `ECLOUD_XMLNS` namespace, so that
 *   ECloud finds its domains again;
 * - `vcpus` / `maxVcpus` (hot-plug ceiling) and `memoryMiB` / `maxMemoryMiB` (balloon ceiling): libvirt's
 *   `<vcpu current>` / `<vcpu>` and `<currentMemory>` / `<memory>`; a maximum equal to the current value
 *   is dropped;
 * - `cpu.mode`: `host-passthrough` or `host-model` (absent: the hypervisor's default model);
 * - `os`: `arch` (default `x86_64`), `machine` (absent: the hypervisor's default), `boot` order;
 * - `disks` ({@link DiskDefinition}), `nics` ({@link NicDefinition}), `graphics`
 *   ({@link GraphicsDefinition}), `serialConsole` (a pty serial port and console);
 * - `cloudInitSeed.path`: the seed image, attached as a read-only SATA cdrom `sdz` on the first AHCI
 *   controller's last port (so a SATA disk may then not be `sdf`, which libvirt would put there).
 *
 * Parsing yields the canonical form, which is what `parseDomainXml` reads back.
 * @public
 */
export const DomainDefinition = domainFields
  .superRefine(checkLimits)
  .superRefine(checkUniqueDevices)
  .superRefine(checkSeedPort)
  .transform(canonical);

/** A {@link DomainDefinition} after validation, defaults filled in. @public */
export type DomainDefinition = z.output<typeof DomainDefinition>;

/** What `buildDomainXml` accepts: a {@link DomainDefinition} before defaults. @public */
export type DomainDefinitionInput = z.input<typeof DomainDefinition>;
