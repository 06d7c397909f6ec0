import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { ErrorCode } from '../../errors/codes.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { newId } from '../../model/ids.js';
import type {
  ComputeDriver,
  CreatedInstance,
  DiskSpec,
  DriverCallOptions,
  DriverInstance,
  InstanceSpec,
} from '../../spi/compute-driver.js';

/** The size and wiring of the instances the contract cases create. @public */
export interface ContractInstanceShape {
  /** Default 1. */
  readonly vcpus?: number;
  /** Default 256. */
  readonly memoryMiB?: number;
  /** Size of every disk; default 1. */
  readonly diskGiB?: number;
  /** The image system disks are made from; default none (a blank disk). */
  readonly imageId?: string;
  /** When set, every instance gets one NIC on this network; default no NICs. */
  readonly network?: string;
}

/** How to run the contract against one driver. @public */
export interface ComputeDriverContractSetup {
  /** A fresh, unconnected driver; called once per case, and the case closes it. */
  makeDriver(): Promise<ComputeDriver> | ComputeDriver;
  /** The host cases place instances on; default the first host `listHosts` reports `up`. */
  hostRef?: (driver: ComputeDriver) => Promise<string> | string;
  /** The target of the migrate cases; default another host `listHosts` reports `up`. */
  secondHostRef?: (driver: ComputeDriver, firstHostRef: string) => Promise<string> | string;
  readonly instance?: ContractInstanceShape;
}

/** Fresh call options that are never aborted; progress reports go to `onProgress`. */
export function callOptions(onProgress: (percent: number) => void = () => undefined): DriverCallOptions {
  return { signal: new AbortController().signal, progress: onProgress };
}

/** Call options whose signal is already aborted. */
export function abortedCallOptions(): DriverCallOptions {
  const controller = new AbortController();
  controller.abort();
  return { signal: controller.signal, progress: () => undefined };
}

/** Asserts that `promise` rejects with an `EcloudError` of `code`; `what` names the call in messages. */
export async function assertRejectsWithCode(
  promise: Promise<unknown>,
  code: ErrorCode,
  what: string,
): Promise<void> {
  let rejected = false;
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    rejected = true;
    error = caught;
  }
  assert.ok(rejected, `${what} should reject with ${code}, but it resolved`);
  assert.ok(
    EcloudError.is(error),
    `${what} should reject with an EcloudError ${code}, got: ${String(error)}`,
  );
  assert.equal(error.code, code, `${what} should reject with ${code}, got ${error.code}: ${error.message}`);
}

/** An instance a case created: what was asked for and what the driver answered. */
export interface ContractInstance {
  readonly spec: InstanceSpec;
  readonly created: CreatedInstance;
}

/**
 * What one contract case works with: a connected driver, unique ids and the bookkeeping to remove
 * everything the case made, whether it passed or not. Every id it hands out is remembered, so
 * cleanup finds leftovers through the driver's own lookups rather than trusting the case's flow.
 */
export class ContractFixture {
  private readonly instanceIds = new Set<string>();
  private readonly volumeIds = new Set<string>();
  private readonly progress: number[] = [];
  private firstHost: string | undefined;

  constructor(
    readonly driver: ComputeDriver,
    private readonly setup: ComputeDriverContractSetup,
  ) {}

  /** Options for one call; progress it reports is checked when the case ends. */
  call(): DriverCallOptions {
    return callOptions((percent) => this.progress.push(percent));
  }

  /** The host cases place instances on. */
  async host(): Promise<string> {
    if (this.firstHost !== undefined) return this.firstHost;
    if (this.setup.hostRef !== undefined) {
      this.firstHost = await this.setup.hostRef(this.driver);
      return this.firstHost;
    }
    const hosts = await this.driver.listHosts(this.call());
    const up = hosts.find((host) => host.state === 'up');
    assert.ok(
      up !== undefined,
      `The contract needs an up host; listHosts reported ${hosts.length}, none up.`,
    );
    this.firstHost = up.ref;
    return up.ref;
  }

  /** A host other than {@link ContractFixture.host}, for the migrate cases. */
  async secondHost(): Promise<string> {
    const first = await this.host();
    if (this.setup.secondHostRef !== undefined) return this.setup.secondHostRef(this.driver, first);
    const hosts = await this.driver.listHosts(this.call());
    const other = hosts.find((host) => host.state === 'up' && host.ref !== first);
    assert.ok(
      other !== undefined,
      `The migrate cases need a driver with at least two up hosts; listHosts reported ${hosts.length} (${hosts.filter((host) => host.state === 'up').length} up).`,
    );
    return other.ref;
  }

  /** A data-disk spec with a fresh volume id, remembered for cleanup. */
  diskSpec(deviceIndex: number): DiskSpec {
    return this.disk(deviceIndex, 'data');
  }

  /** An instance spec with fresh ids: a system disk and `dataDisks` data disks in the next slots. */
  spec(options: {
    readonly start: boolean;
    readonly hostRef: string;
    readonly dataDisks?: number;
  }): InstanceSpec {
    const id = newId('instance');
    this.instanceIds.add(id);
    const shape = this.setup.instance ?? {};
    const dataDisks = Array.from({ length: options.dataDisks ?? 0 }, (_, index) =>
      this.disk(index + 1, 'data'),
    );
    return {
      id,
      name: `contract-${id}`,
      hostRef: options.hostRef,
      vcpus: shape.vcpus ?? 1,
      memoryMiB: shape.memoryMiB ?? 256,
      disks: [this.disk(0, 'system'), ...dataDisks],
      nics: shape.network === undefined ? [] : [{ mac: randomMac(), network: shape.network }],
      start: options.start,
    };
  }

  /** Creates an instance on {@link ContractFixture.host} (or `hostRef`). */
  async create(options: {
    readonly start: boolean;
    readonly dataDisks?: number;
    readonly hostRef?: string;
  }): Promise<ContractInstance> {
    const spec = this.spec({ ...options, hostRef: options.hostRef ?? (await this.host()) });
    const created = await this.driver.createInstance(spec, this.call());
    return { spec, created };
  }

  /** What the driver reports for `instanceId`, which must exist. */
  async find(instanceId: string): Promise<DriverInstance> {
    const found = await this.driver.findInstance(instanceId, this.call());
    assert.ok(found !== undefined, `findInstance(${instanceId}) should find the instance`);
    return found;
  }

  /** Deletes what the case left behind and checks the progress the driver reported. */
  async cleanup(): Promise<void> {
    for (const id of this.instanceIds) {
      const found = await this.driver.findInstance(id, this.call());
      if (found !== undefined) await this.driver.delete(found.ref, { wipe: false }, this.call());
    }
    for (const volumeId of this.volumeIds) {
      const ref = await this.driver.findDisk(volumeId, this.call());
      if (ref !== undefined) await this.driver.deleteDisk(ref, { wipe: false }, this.call());
    }
    const bad = this.progress.filter(
      (percent) => !(Number.isFinite(percent) && percent >= 0 && percent <= 100),
    );
    assert.deepEqual(bad, [], 'progress must be reported as a percentage from 0 to 100');
  }

  private disk(deviceIndex: number, role: DiskSpec['role']): DiskSpec {
    const id = newId('volume');
    this.volumeIds.add(id);
    const shape = this.setup.instance ?? {};
    const imageId = role === 'system' ? shape.imageId : undefined;
    return {
      id,
      sizeGiB: shape.diskGiB ?? 1,
      role,
      deviceIndex,
      ...(imageId === undefined ? {} : { imageId }),
    };
  }
}

// A locally administered unicast MAC, so the contract never collides with a vendor's address.
function randomMac(): string {
  const bytes = [0x52, 0x54, 0x00, ...randomBytes(3)];
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join(':');
}

type Settled = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

async function settle(step: () => Promise<void>): Promise<Settled> {
  try {
    await step();
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Runs `body` against a fresh connected driver, then cleans up and closes the driver even if `body`
 * failed. The first failure wins: a cleanup error must not hide the contract violation before it.
 */
export async function withFixture(
  setup: ComputeDriverContractSetup,
  body: (fixture: ContractFixture) => Promise<void>,
): Promise<void> {
  const driver = await setup.makeDriver();
  await driver.connect(callOptions());
  const fixture = new ContractFixture(driver, setup);
  const steps = [
    await settle(() => body(fixture)),
    await settle(() => fixture.cleanup()),
    await settle(() => driver.close()),
  ];
  for (const step of steps) if (!step.ok) throw step.error;
}
