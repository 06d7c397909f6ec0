import { EcloudError } from '@ecloud/core';

/**
 * A libvirt message that is not well-formed XDR: truncated, a length past its end, a count no message
 * could hold. The daemon is not to be trusted to send sense, so this is a typed failure, never a crash.
 * @internal
 */
export function malformed(reason: string, offset: number): EcloudError {
  return new EcloudError('DRIVER_FAILURE', `Malformed libvirt message at byte ${offset}: ${reason}.`, {
    details: { reason, offset },
  });
}
