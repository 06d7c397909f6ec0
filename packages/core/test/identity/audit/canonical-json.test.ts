import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/identity/audit/canonical-json.js';

// Rebuilds every object of a JSON value with its keys in the order `order` gives. `fromEntries` makes
// own properties, so a `__proto__` key (JSON.parse makes one) stays a key instead of a prototype.
function withKeyOrder(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => withKeyOrder(item, order));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(order(Object.keys(source)).map((key) => [key, withKeyOrder(source[key], order)]));
}

const invalid = (path: string) => expect.objectContaining({ code: 'INVALID_ARGUMENT', details: { path } });

describe('canonical JSON', () => {
  it('sorts keys at every level, keeps array order and writes no whitespace', () => {
    const value = { b: [3, { y: 1, x: 'é' }, 1], a: { d: null, c: true }, e: -0, f: 1e21, g: 0.1 };
    expect(canonicalJson(value)).toBe(
      '{"a":{"c":true,"d":null},"b":[3,{"x":"é","y":1},1],"e":0,"f":1e+21,"g":0.1}',
    );
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does, not by code points or locale', () => {
    // U+FF5A sorts after the surrogate pair of U+1F600 by code units, before it by code points.
    const value = { '\uff5a': 1, '\u{1f600}': 2, é: 3, z: 4, Z: 5 };
    expect(canonicalJson(value)).toBe('{"Z":5,"z":4,"é":3,"\u{1f600}":2,"\uff5a":1}');
  });

  it('does not depend on key order, and reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const canonical = canonicalJson(value);
        expect(canonicalJson(withKeyOrder(value, (keys) => keys.reverse()))).toBe(canonical);
        expect(canonicalJson(withKeyOrder(value, (keys) => keys.sort().reverse()))).toBe(canonical);
        expect(canonicalJson(JSON.parse(canonical))).toBe(canonical);
      }),
    );
  });

  it('keeps a `__proto__` key that JSON.parse made as an ordinary key', () => {
    const parsed = JSON.parse('{"b":2,"__proto__":{"a":1}}');
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"a":1},"b":2}');
    expect(canonicalJson(withKeyOrder(parsed, (keys) => keys.reverse()))).toBe(canonicalJson(parsed));
  });

  it('leaves out undefined properties, so an absent optional field hashes like one set to undefined', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe(canonicalJson({ b: 1 }));
  });

  it('accepts the same object twice in a tree: only a cycle is refused', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ p: shared, q: [shared, shared] })).toBe('{"p":{"k":1},"q":[{"k":1},{"k":1}]}');
  });

  it('refuses what JSON would change or drop, naming where', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    const arrayCycle: unknown[] = [];
    arrayCycle.push(arrayCycle);
    class Point {
      x = 1;
    }
    const cases: [unknown, string][] = [
      [Number.NaN, '(root)'],
      [{ n: Number.POSITIVE_INFINITY }, 'n'],
      [{ a: [1, Number.NEGATIVE_INFINITY] }, 'a[1]'],
      [[1, undefined], '[1]'],
      // biome-ignore lint/suspicious/noSparseArray: a hole is what this case is about
      [[1, , 3], '[1]'],
      [undefined, '(root)'],
      [{ f: () => 1 }, 'f'],
      [{ big: 10n }, 'big'],
      [{ s: Symbol('x') }, 's'],
      [cycle, 'self.back'],
      [arrayCycle, '[0]'],
      [{ when: new Date(0) }, 'when'],
      [{ m: new Map() }, 'm'],
      [{ p: new Point() }, 'p'],
    ];
    for (const [value, path] of cases) expect(() => canonicalJson(value)).toThrow(invalid(path));
  });

  it('refuses nesting deeper than 256 levels instead of overflowing the stack', () => {
    const nest = (depth: number): unknown => {
      let value: unknown = 0;
      for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { v: value };
      return value;
    };
    expect(() => canonicalJson(nest(256))).not.toThrow();
    expect(() => canonicalJson(nest(257))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
