import { readFileSync } from 'node:fs';
import { EcloudError } from '@ecloud/core';

/**
 * Replaces every secret reference in a configuration value — `{ "$env": "NAME" }` (an environment
 * variable) or `{ "$file": "path" }` (a file's content, trailing newline dropped; the path may itself be
 * an `$env` reference) — with the secret.
 * A configuration file thus never holds a password, and the value never reaches a log. A reference
 * that cannot be resolved is `INVALID_ARGUMENT` naming its place in the file (never the secret).
 */
export function resolveSecrets(value: unknown, path: readonly (string | number)[] = []): unknown {
  if (Array.isArray(value)) return value.map((item, i) => resolveSecrets(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && only && (only[0] === '$env' || only[0] === '$file'))
    return secretOf(only[0], resolveSecrets(only[1], [...path, only[0]]), path);
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveSecrets(item, [...path, key])]));
}

function secretOf(kind: '$env' | '$file', source: unknown, path: readonly (string | number)[]): string {
  const where = path.join('.');
  const refuse = (why: string) =>
    new EcloudError('INVALID_ARGUMENT', `Configuration ${where}: ${why}.`, { details: { path: where } });
  if (typeof source !== 'string' || source === '') throw refuse(`${kind} must name a variable or a file`);
  if (kind === '$env') {
    const secret = process.env[source];
    if (secret === undefined || secret === '') throw refuse(`environment variable ${source} is not set`);
    return secret;
  }
  try {
    return readFileSync(source, 'utf8').replace(/\r?\n$/, '');
  } catch {
    throw refuse(`file ${source} cannot be read`);
  }
}
