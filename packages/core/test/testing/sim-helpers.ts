import { newId } from '../../src/model/ids.js';
import type { DiskSpec, DriverCallOptions, InstanceSpec } from '../../src/spi/compute-driver.js';

/** Call options that are never aborted. */
export function opts(signal: AbortSignal = new AbortController().signal): DriverCallOptions {
  return { signal, progress: () => undefined };
}

/** A data disk spec with a fresh volume id. */
export function dataDisk(deviceIndex: number, sizeGiB = 1): DiskSpec {
  return { id: newId('volume'), sizeGiB, role: 'data', deviceIndex };
}

/** An instance spec with fresh ids: 1 vCPU, 256 MiB, a 1 GiB system disk, started. */
export function instanceSpec(hostRef: string, overrides: Partial<InstanceSpec> = {}): InstanceSpec {
  const id = newId('instance');
  return {
    id,
    name: `t-${id}`,
    hostRef,
    vcpus: 1,
    memoryMiB: 256,
    disks: [{ id: newId('volume'), sizeGiB: 1, role: 'system', deviceIndex: 0 }],
    nics: [],
    start: true,
    ...overrides,
  };
}
