import { EcloudError } from '../errors/ecloud-error.js';
import type { DriverCallOptions } from '../spi/compute-driver.js';

/** Options for a short driver call made directly by a service, outside a job. @internal */
export function quickCall(): DriverCallOptions {
  return { signal: AbortSignal.timeout(60_000), progress: () => undefined };
}

/**
 * Calls a driver and makes whatever it throws an EcloudError that names the driver: EcloudErrors keep
 * their code, aborts become CANCELLED, anything else DRIVER_FAILURE with the original as cause.
 * @internal
 */
export async function callDriver<T>(driver: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof EcloudError) {
      if (error.driver !== undefined) throw error;
      throw new EcloudError(error.code, error.message, {
        details: error.details,
        retryable: error.retryable,
        driver,
        cause: error,
      });
    }
    if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
      throw new EcloudError('CANCELLED', `Driver ${driver} call was aborted.`, { driver, cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new EcloudError('DRIVER_FAILURE', `Driver ${driver} failed: ${message}`, { driver, cause: error });
  }
}
