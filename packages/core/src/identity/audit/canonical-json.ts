import { EcloudError } from '../../errors/ecloud-error.js';

// Far deeper than any audit record nests, far below what would overflow the stack.
const MAX_DEPTH = 256;

type Path = (string | number)[];

/**
 * The one serialisation of a JSON value: object keys sorted by UTF-16 code units at every level, no
 * whitespace, arrays in order, numbers and strings as `JSON.stringify` writes them — the JSON
 * Canonicalization Scheme (RFC 8785) for the values it accepts. Hashes are taken over this form, so
 * that they do not depend on the order in which fields happened to be set or stored.
 *
 * Object properties whose value is `undefined` are left out, as in `JSON.stringify`, so that an absent
 * optional field and one set to `undefined` hash alike. Everything JSON would silently change or drop
 * is refused with `INVALID_ARGUMENT` (`details.path` names the place): non-finite numbers, `undefined`
 * in an array, functions, symbols, BigInts, objects other than plain objects and arrays (a `Date` or a
 * `Map` would not read back as itself), cycles, and nesting deeper than 256 levels.
 * @public
 */
export function canonicalJson(value: unknown): string {
  return write(value, [], []);
}

function write(value: unknown, path: Path, ancestors: object[]): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) refuse(path, `${value} is not a finite number`);
      return JSON.stringify(value);
    case 'object':
      return value === null ? 'null' : writeContainer(value, path, ancestors);
    default:
      return refuse(path, `a ${typeof value} has no JSON form`);
  }
}

function writeContainer(value: object, path: Path, ancestors: object[]): string {
  // A stack, not a set: it is as deep as the nesting, and only ancestors count — the same object twice
  // side by side is a tree, not a cycle.
  if (ancestors.includes(value)) refuse(path, 'the value contains itself (a cycle)');
  if (ancestors.length >= MAX_DEPTH) refuse(path, `nesting deeper than ${MAX_DEPTH} levels`);
  ancestors.push(value);
  const json = Array.isArray(value)
    ? writeArray(value, path, ancestors)
    : writeObject(value, path, ancestors);
  ancestors.pop();
  return json;
}

function writeArray(value: readonly unknown[], path: Path, ancestors: object[]): string {
  let json = '[';
  // An index loop, not map: map skips holes, which must be refused like undefined.
  for (let i = 0; i < value.length; i++) {
    path.push(i);
    if (value[i] === undefined) refuse(path, 'undefined in an array (JSON would write null)');
    json += `${i === 0 ? '' : ','}${write(value[i], path, ancestors)}`;
    path.pop();
  }
  return `${json}]`;
}

function writeObject(value: object, path: Path, ancestors: object[]): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    refuse(path, `a ${value.constructor?.name ?? 'non-plain object'} is not plain JSON`);
  }
  const record = value as Record<string, unknown>;
  let json = '{';
  for (const key of Object.keys(record).sort()) {
    const field = record[key];
    if (field === undefined) continue;
    path.push(key);
    json += `${json.length === 1 ? '' : ','}${JSON.stringify(key)}:${write(field, path, ancestors)}`;
    path.pop();
  }
  return `${json}}`;
}

function refuse(path: Path, reason: string): never {
  const where = formatPath(path);
  throw new EcloudError('INVALID_ARGUMENT', `Not canonical JSON at ${where}: ${reason}.`, {
    details: { path: where },
  });
}

function formatPath(path: Path): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${part}`))
    .join('');
}
