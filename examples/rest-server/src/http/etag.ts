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
