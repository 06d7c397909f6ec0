import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedList } from '../../src/collections/sorted-list.js';

const byNumber = (a: number, b: number) => a - b;

describe('SortedList', () => {
  // Enough items to split into several chunks, so that walks cross chunk boundaries both ways.
  it('walks up from and down below any point as a sorted array would, after adds and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 0, maxLength: 3000 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 500 }),
        fc.integer({ min: -1, max: 5001 }),
        (added, deleted, probe) => {
          const list = new SortedList<number>(byNumber);
          for (const n of added) list.add(n);
          for (const n of deleted) list.delete(n);
          const gone = new Set(deleted);
          const expected = [...new Set(added)].filter((n) => !gone.has(n)).sort(byNumber);
          expect(list.size).toBe(expected.length);
          expect([...list.from()]).toEqual(expected);
          expect([...list.from(probe)]).toEqual(expected.filter((n) => n >= probe));
          expect([...list.downFrom(probe)]).toEqual(expected.filter((n) => n < probe).reverse());
          expect([...list.downFrom()]).toEqual([...expected].reverse());
        },
      ),
      { numRuns: 60, seed: 20261127 },
    );
  });
});
