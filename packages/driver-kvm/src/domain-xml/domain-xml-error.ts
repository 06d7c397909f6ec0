import { EcloudError } from '@ecloud/core';

/**
 * The error for domain XML that cannot be read: libvirt (the driver's peer) sent something this code
 * cannot make sense of. Not retryable: asking again returns the same document.
 * @internal
 */
export function unreadableDomainXml(reason: string, details: Record<string, unknown> = {}, cause?: unknown) {
  return new EcloudError('DRIVER_FAILURE', `Cannot read libvirt domain XML: ${reason}`, {
    retryable: false,
    details,
    ...(cause === undefined ? {} : { cause }),
  });
}
