import { type ComputeCapabilities, EcloudError } from '@ecloud/core';

/** An operation this driver does not do, named with the capability that would allow it. @internal */
export function unsupported(operation: string, capability: keyof ComputeCapabilities): EcloudError {
  return new EcloudError('UNSUPPORTED', `The VMware driver does not ${operation}.`, {
    details: { operation, capability },
  });
}

/** `error` if it is not a vSphere `NOT_FOUND`; otherwise our own `NOT_FOUND` that names the object. @internal */
export function notFound(error: unknown, message: string, details: Record<string, string>): unknown {
  return EcloudError.is(error) && error.code === 'NOT_FOUND'
    ? new EcloudError('NOT_FOUND', message, { details })
    : error;
}

/** An instance the vCenter does not have. @internal */
export function instanceNotFound(instanceRef: string): EcloudError {
  return new EcloudError('NOT_FOUND', `Instance ${instanceRef} is not in vCenter.`, {
    details: { instanceRef },
  });
}
