import type { z } from 'zod';
import { EcloudError } from '../errors/ecloud-error.js';

/** One problem found in an input. @public */
export interface InputIssue {
  /** Dotted path of the bad field, `(root)` for the whole input. */
  readonly path: string;
  readonly message: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/**
 * Validates `input` against `schema` and returns the parsed value, or throws `INVALID_ARGUMENT` whose
 * message names the first bad field and whose details list every issue.
 * @public
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  const first = issues[0] ?? { path: '(root)', message: 'invalid' };
  throw new EcloudError('INVALID_ARGUMENT', `Invalid ${what}: ${first.path} ${first.message}`, {
    details: { issues },
  });
}
