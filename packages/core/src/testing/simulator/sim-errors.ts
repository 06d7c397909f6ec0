import type { ErrorCode } from '../../errors/codes.js';
import { EcloudError } from '../../errors/ecloud-error.js';

/**
 * An error as the simulator reports it: always attributed to the driver instance, so a test that runs
 * several simulators side by side can tell which one refused.
 */
export function simError(
  driver: string,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
  retryable?: boolean,
): EcloudError {
  return new EcloudError(code, message, {
    details,
    driver,
    ...(retryable === undefined ? {} : { retryable }),
  });
}
