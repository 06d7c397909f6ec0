/**
 * An element as xml2js's `Builder` takes it: `$` holds the attributes, `_` the text, and every other key
 * a child element (an array repeats it).
 * @internal
 */
export interface ElementSpec {
  readonly [key: string]: string | Readonly<Record<string, string>> | ElementSpec | readonly ElementSpec[];
}
