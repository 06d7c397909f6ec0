import { EcloudError } from '../errors/ecloud-error.js';

/**
 * Refuses a change to `record` unless it is at `expectedVersion` (when one is given): `CONFLICT` with
 * `details.reason` `precondition-failed` and the current version, so an HTTP `If-Match` is checked in the
 * change's own transaction — no other write can land between the check and the change.
 * @internal
 */
export function assertVersion(
  record: { readonly id: string; readonly version: number },
  expectedVersion: number | undefined,
): void {
  if (expectedVersion === undefined || record.version === expectedVersion) return;
  throw new EcloudError(
    'CONFLICT',
    `${record.id} is at version ${record.version}, not ${expectedVersion}: it changed since it was read.`,
    {
      details: {
        id: record.id,
        expectedVersion,
        actualVersion: record.version,
        reason: 'precondition-failed',
      },
      retryable: false,
    },
  );
}
