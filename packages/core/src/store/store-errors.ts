import { EcloudError } from '../errors/ecloud-error.js';

// Every Store implementation builds its errors here so that callers (and the conformance suite) see the
// same codes, messages and details whichever store is configured.

/** `NOT_FOUND` for a record that is not in `collection`. @internal */
export function recordNotFound(collection: string, id: string): EcloudError {
  return new EcloudError('NOT_FOUND', `No ${collection} record ${id}.`, { details: { collection, id } });
}

/** `CONFLICT` for a write that carried a version other than the stored one (a lost update). @internal */
export function versionConflict(
  collection: string,
  id: string,
  expectedVersion: number,
  actualVersion: number,
): EcloudError {
  return new EcloudError(
    'CONFLICT',
    `The ${collection} record ${id} changed concurrently: expected version ${expectedVersion}, found ${actualVersion}.`,
    { details: { collection, id, expectedVersion, actualVersion } },
  );
}

/**
 * `ALREADY_EXISTS` for a write that would repeat a unique field set (`['id']` for a repeated id).
 * @internal
 */
export function uniqueViolation(
  collection: string,
  id: string | undefined,
  fields: readonly string[],
  cause?: unknown,
): EcloudError {
  const what = fields.length === 0 ? 'the same identity' : `the same ${fields.join(', ')}`;
  return new EcloudError('ALREADY_EXISTS', `A ${collection} record with ${what} already exists.`, {
    details: { collection, id: id ?? null, fields: [...fields] },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** `INVALID_ARGUMENT` for a query or record the store cannot serve (unknown filter, bad limit, no id). @internal */
export function invalidStoreInput(message: string, details: Record<string, unknown>): EcloudError {
  return new EcloudError('INVALID_ARGUMENT', message, { details });
}

/** Throws unless `limit` is a positive integer; SQLite would read a negative LIMIT as "no limit". @internal */
export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw invalidStoreInput(`A page limit must be a positive integer, got ${limit}.`, { limit });
  }
}

/** Throws unless the record carries a usable id; SQLite would otherwise accept a NULL primary key. @internal */
export function assertRecordId(collection: string, id: unknown): asserts id is string {
  if (typeof id !== 'string' || id === '') {
    throw invalidStoreInput(`A ${collection} record needs a non-empty string id.`, { collection });
  }
}

/**
 * Throws unless every key of `where` is an indexed field of the collection: a filter on anything else
 * would need a table scan (and in SQL, a column that does not exist).
 * @internal
 */
export function assertIndexedFilter(
  collection: string,
  indexed: readonly string[],
  where: Readonly<Record<string, unknown>>,
): void {
  for (const field of Object.keys(where)) {
    if (!indexed.includes(field)) {
      throw invalidStoreInput(
        `${collection} cannot be filtered by ${field}; indexed: ${indexed.join(', ')}.`,
        {
          collection,
          field,
          indexed: [...indexed],
        },
      );
    }
  }
}
