import { z } from 'zod';
import { HypervisorKind, ResourceName } from '../../model/common.js';
import { CpuTopology } from '../../model/host.js';
import { parseInput } from '../../model/validate.js';
import type { ComputeCapabilities, ComputeCapability } from '../../spi/capabilities.js';
import { simError } from './sim-errors.js';

/** The hardware of a simulated host: what its hypervisor can hand out. @public */
export interface SimulatorHostTemplate {
  readonly cpu?: CpuTopology;
  readonly memoryMiB?: number;
  readonly storageGiB?: number;
  /** Shared storage pools the host reaches; none by default. */
  readonly storagePools?: readonly string[];
}

/** One simulated host. Fields left out take {@link SIMULATOR_HOST_DEFAULTS}. @public */
export interface SimulatorHostSpec extends SimulatorHostTemplate {
  /** The host's driver reference; defaults to `<driver name>-host-<n>`, counting from 1. */
  readonly ref?: string;
  /** Defaults to `host-<n>`. */
  readonly name?: string;
}

/** The hosts of a simulator: `count` copies of a template, or an explicit list. @public */
export type SimulatorHosts =
  | { readonly count: number; readonly template?: SimulatorHostTemplate }
  | readonly SimulatorHostSpec[];

/** Options of {@link simulator}. @public */
export interface SimulatorOptions {
  /** The driver instance's name, unique within a cloud; default `sim`. */
  readonly name?: string;
  /** The hypervisor the simulator claims to be, so tests can bind KVM, VMware or Xen; default `simulator`. */
  readonly hypervisor?: HypervisorKind;
  /** Default: two hosts of {@link SIMULATOR_HOST_DEFAULTS}, enough for the migrate contract cases. */
  readonly hosts?: SimulatorHosts;
  /** Capabilities to turn off (or on); every capability not named here is on. */
  readonly capabilities?: Partial<ComputeCapabilities>;
  /**
   * How long every call takes. At 0 (the default) calls resolve without a timer, so that tens of
   * thousands of calls stay fast; above 0 each call waits that long and honours its AbortSignal.
   */
  readonly latencyMs?: number;
}

/** The hardware a simulated host gets for every field its spec leaves out. @public */
export const SIMULATOR_HOST_DEFAULTS = {
  cpu: { sockets: 2, coresPerSocket: 16, threadsPerCore: 2, mhz: 2400 },
  memoryMiB: 262_144,
  storageGiB: 4096,
  storagePools: [],
} as const satisfies Required<SimulatorHostTemplate>;

/** A host with every field settled. */
export interface ResolvedSimHost {
  readonly ref: string;
  readonly name: string;
  readonly cpu: CpuTopology;
  readonly memoryMiB: number;
  readonly storageGiB: number;
  readonly storagePools: readonly string[];
}

/** Simulator options with every default applied. */
export interface ResolvedSimulatorOptions {
  readonly name: string;
  readonly hypervisor: HypervisorKind;
  readonly hosts: readonly ResolvedSimHost[];
  readonly capabilities: Readonly<ComputeCapabilities>;
  readonly latencyMs: number;
}

const ALL_CAPABILITIES: Readonly<ComputeCapabilities> = {
  liveMigration: true,
  coldMigration: true,
  clone: true,
  snapshot: true,
  hotResize: true,
  hotplugDisk: true,
  suspend: true,
  secureErase: true,
  fencing: true,
};

const HostTemplateFields = {
  cpu: CpuTopology.optional(),
  memoryMiB: z.number().int().positive().optional(),
  storageGiB: z.number().int().nonnegative().optional(),
  storagePools: z.array(z.string().min(1).max(255)).max(256).optional(),
};

const SimulatorOptionsSchema = z.strictObject({
  name: ResourceName.default('sim'),
  hypervisor: HypervisorKind.default('simulator'),
  hosts: z
    .union([
      z.strictObject({
        count: z.number().int().nonnegative(),
        template: z.strictObject(HostTemplateFields).optional(),
      }),
      z.array(
        z.strictObject({
          ref: z.string().min(1).optional(),
          name: ResourceName.optional(),
          ...HostTemplateFields,
        }),
      ),
    ])
    .optional(),
  capabilities: z
    .strictObject({
      liveMigration: z.boolean().optional(),
      coldMigration: z.boolean().optional(),
      clone: z.boolean().optional(),
      snapshot: z.boolean().optional(),
      hotResize: z.boolean().optional(),
      hotplugDisk: z.boolean().optional(),
      suspend: z.boolean().optional(),
      secureErase: z.boolean().optional(),
      fencing: z.boolean().optional(),
    })
    .optional(),
  latencyMs: z.number().finite().nonnegative().default(0),
});

type ParsedHostSpec = { ref?: string | undefined; name?: string | undefined } & {
  [K in keyof SimulatorHostTemplate]?: SimulatorHostTemplate[K] | undefined;
};

function resolveHost(driver: string, spec: ParsedHostSpec, index: number): ResolvedSimHost {
  return {
    ref: spec.ref ?? `${driver}-host-${index + 1}`,
    name: spec.name ?? `host-${index + 1}`,
    cpu: Object.freeze({ ...(spec.cpu ?? SIMULATOR_HOST_DEFAULTS.cpu) }),
    memoryMiB: spec.memoryMiB ?? SIMULATOR_HOST_DEFAULTS.memoryMiB,
    storageGiB: spec.storageGiB ?? SIMULATOR_HOST_DEFAULTS.storageGiB,
    storagePools: Object.freeze([...(spec.storagePools ?? SIMULATOR_HOST_DEFAULTS.storagePools)]),
  };
}

/** Validates simulator options and applies their defaults; throws `INVALID_ARGUMENT` on bad input. */
export function resolveSimulatorOptions(options: SimulatorOptions): ResolvedSimulatorOptions {
  const parsed = parseInput(SimulatorOptionsSchema, options, 'simulator options');
  const hostsInput = parsed.hosts ?? { count: 2 };
  const hosts = Array.isArray(hostsInput)
    ? hostsInput.map((spec, index) => resolveHost(parsed.name, spec, index))
    : Array.from({ length: hostsInput.count }, (_, index) =>
        resolveHost(parsed.name, hostsInput.template ?? {}, index),
      );
  const seen = new Set<string>();
  for (const host of hosts) {
    if (seen.has(host.ref)) {
      throw simError(
        parsed.name,
        'INVALID_ARGUMENT',
        `Invalid simulator options: host ref ${host.ref} is used twice.`,
        {
          ref: host.ref,
        },
      );
    }
    seen.add(host.ref);
  }
  const capabilities: Record<ComputeCapability, boolean> = { ...ALL_CAPABILITIES };
  for (const key of Object.keys(ALL_CAPABILITIES) as ComputeCapability[]) {
    capabilities[key] = parsed.capabilities?.[key] ?? true;
  }
  return {
    name: parsed.name,
    hypervisor: parsed.hypervisor,
    hosts,
    capabilities: Object.freeze(capabilities),
    latencyMs: parsed.latencyMs,
  };
}
