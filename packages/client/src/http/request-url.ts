/** A query parameter's value; undefined leaves the parameter out. @internal */
export type QueryValue = string | number | boolean | undefined;

/**
 * The URL of `path` under `baseUrl` — which may carry a path prefix of its own, as behind a reverse
 * proxy — with `query` encoded.
 * @internal
 */
export function requestUrl(
  baseUrl: string,
  path: string,
  query: Readonly<Record<string, QueryValue>> = {},
): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.toString();
}

/** One segment of a path, encoded: an id can never reach another route. @internal */
export function segment(id: string): string {
  return encodeURIComponent(id);
}
