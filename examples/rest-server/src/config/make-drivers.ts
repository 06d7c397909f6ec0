import { type ComputeDriver, EcloudError } from '@ecloud/core';
import { simulator } from '@ecloud/core/testing';
import type { ServerConfig } from './server-config.js';

/**
 * The drivers a configuration names. A driver package is imported only when configured, so the
 * embedded default needs none of them built; its options are validated by the package itself.
 */
export async function makeDrivers(config: ServerConfig): Promise<ComputeDriver[]> {
  const drivers: ComputeDriver[] = [];
  for (const [index, entry] of config.drivers.entries()) {
    if (entry.kind === 'simulator') {
      const { kind: _, hosts, ...options } = entry;
      drivers.push(simulator({ ...options, hosts: { count: hosts } }));
      continue;
    }
    try {
      drivers.push(
        entry.kind === 'kvm'
          ? (await import('@ecloud/driver-kvm')).kvmDriver(entry.options as never)
          : (await import('@ecloud/driver-vmware')).vmwareDriver(entry.options as never),
      );
    } catch (error) {
      if (!EcloudError.is(error)) throw error;
      throw new EcloudError(error.code, `Configuration drivers.${index}.options: ${error.message}`, {
        details: { ...error.details, path: `drivers.${index}.options` },
      });
    }
  }
  return drivers;
}
