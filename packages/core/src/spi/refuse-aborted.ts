import { EcloudError } from '../errors/ecloud-error.js';
import type { DriverCallOptions } from './compute-driver.js';

/**
 * What every driver method does first: a call whose signal is already aborted is refused with
 * `CANCELLED` before it touches the hypervisor (the driver contract checks that nothing changed).
 * @public
 */
export function refuseAborted(options: DriverCallOptions): void {
  if (options.signal.aborted) {
    throw new EcloudError('CANCELLED', 'The driver call was cancelled before it started.');
  }
}
