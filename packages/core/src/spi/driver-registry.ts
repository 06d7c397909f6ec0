import { EcloudError } from '../errors/ecloud-error.js';
import type { ComputeCapability } from './capabilities.js';
import { COMPUTE_SPI_VERSION, type ComputeDriver } from './compute-driver.js';

function parseVersion(version: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Whether a driver's SPI version can be served by this core. @internal */
export function isCompatibleSpi(driverVersion: string, coreVersion: string = COMPUTE_SPI_VERSION): boolean {
  const driver = parseVersion(driverVersion);
  const core = parseVersion(coreVersion);
  return driver !== undefined && core !== undefined && driver[0] === core[0] && driver[1] <= core[1];
}

/**
 * The drivers of one cloud, checked on load: a known SPI version, and one driver per name.
 * @internal
 */
export class DriverRegistry {
  readonly #drivers = new Map<string, ComputeDriver>();

  constructor(drivers: readonly ComputeDriver[]) {
    for (const driver of drivers) this.#add(driver);
  }

  #add(driver: ComputeDriver): void {
    if (typeof driver?.name !== 'string' || typeof driver.createInstance !== 'function') {
      throw new EcloudError('INVALID_ARGUMENT', 'A driver must implement the compute SPI.', {
        details: { driver: String(driver?.name) },
      });
    }
    if (!isCompatibleSpi(driver.spiVersion)) {
      throw new EcloudError(
        'INCOMPATIBLE_DRIVER',
        `Driver ${driver.name} implements SPI ${driver.spiVersion}; this core serves ${COMPUTE_SPI_VERSION}.`,
        {
          details: {
            driver: driver.name,
            spiVersion: driver.spiVersion,
            coreSpiVersion: COMPUTE_SPI_VERSION,
          },
        },
      );
    }
    if (this.#drivers.has(driver.name)) {
      throw new EcloudError('ALREADY_EXISTS', `Two drivers are named ${driver.name}.`, {
        details: { driver: driver.name },
      });
    }
    this.#drivers.set(driver.name, driver);
  }

  /** The driver named `name`, or `NOT_FOUND`. */
  get(name: string): ComputeDriver {
    const driver = this.#drivers.get(name);
    if (!driver)
      throw new EcloudError('NOT_FOUND', `No driver is named ${name}.`, { details: { driver: name } });
    return driver;
  }

  /** Throws `UNSUPPORTED` unless the driver declares the capability, before anything is called. */
  require(name: string, capability: ComputeCapability, operation: string): ComputeDriver {
    const driver = this.get(name);
    if (!driver.capabilities[capability]) {
      throw new EcloudError('UNSUPPORTED', `Driver ${name} cannot ${operation}: it lacks ${capability}.`, {
        details: { driver: name, capability, operation },
        driver: name,
      });
    }
    return driver;
  }

  all(): readonly ComputeDriver[] {
    return [...this.#drivers.values()];
  }
}
