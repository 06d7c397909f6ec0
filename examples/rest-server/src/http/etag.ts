import { EcloudError } from '@ecloud/core';

/** A stored record's identity and write count: every write bumps `version`. */
export interface Versioned {
  readonly id: string;
  readonly version: number;
}

/** The strong entity tag of a record: its id and version, so any write changes it. */
export function etagOf(record: Versioned): string {
  return `"${record.id}.${record.version}"`;
}

/**
 * What `If-Match` asks of a change to record `id`, for the core to check in the change's own transaction:
 * one of our tags for that record gives its version; none or `*` asks nothing (`undefined`); several
 * tags of the record can only be compared with a read (`'read'`, see {@link checkIfMatch}). A header naming
 * only other records' tags can never match: `CONFLICT` (412) at once.
 */
export function expectedVersionOf(header: string | undefined, id: string): number | 'read' | undefined {
  if (header === undefined) return undefined;
  const tags = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (tags.includes('*')) return undefined;
  const prefix = `"${id}.`;
  const versions = tags
    .filter((tag) => tag.startsWith(prefix) && tag.endsWith('"'))
    .map((tag) => Number(tag.slice(prefix.length, -1)))
    .filter((version) => Number.isInteger(version) && version >= 1);
  if (versions.length === 1) return versions[0];
  if (versions.length > 1) return 'read';
  throw new EcloudError('CONFLICT', `No tag of If-Match ${header} is one of ${id}.`, {
    details: { id, reason: 'precondition-failed' },
    retryable: false,
  });
}

/**
 * Checks `If-Match` against the record as stored now: absent or `*` passes; otherwise one of the listed
 * tags must be the record's, else `CONFLICT` (answered 412) names the current tag — the client read a
 * version someone has since changed.
 */
export function checkIfMatch(header: string | undefined, record: Versioned): void {
  if (header === undefined) return;
  const tags = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (tags.includes('*') || tags.includes(etagOf(record))) return;
  throw new EcloudError('CONFLICT', `${record.id} has changed since it was read (If-Match ${header}).`, {
    details: { id: record.id, etag: etagOf(record), reason: 'precondition-failed' },
    retryable: false,
  });
}

/**
 * Rethrows the core's refusal of a stale `expectedVersion` with the record's current `etag` in its
 * details, as a 412 from {@link checkIfMatch} has it; any other error as it is.
 */
export function withCurrentTag(error: unknown): never {
  if (EcloudError.is(error, 'CONFLICT') && error.details.reason === 'precondition-failed') {
    const { id, actualVersion } = error.details;
    if (typeof id === 'string' && typeof actualVersion === 'number') {
      throw new EcloudError('CONFLICT', error.message, {
        details: { ...error.details, etag: etagOf({ id, version: actualVersion }) },
        retryable: false,
        cause: error,
      });
    }
  }
  throw error;
}
