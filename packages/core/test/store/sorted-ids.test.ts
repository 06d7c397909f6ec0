import { describe, expect, it } from 'vitest';
import { SortedIds } from '../../src/store/memory/sorted-ids.js';

/** A deterministic pseudo-random sequence, so that a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function idOf(n: number): string {
  return `id-${String(n).padStart(8, '0')}`;
}

function everyId(set: SortedIds, after?: string): string[] {
  const ids: string[] = [];
  set.forEachAfter(after, (id) => {
    ids.push(id);
    return true;
  });
  return ids;
}

describe('SortedIds', () => {
  // Thousands of entries so that chunks split (at 1024) and empty out, in random order, checked against
  // a plain sorted array after every phase.
  it('keeps ids sorted and unique across chunk splits and removals', () => {
    const next = random(7);
    const set = new SortedIds();
    const reference = new Set<string>();
    for (let i = 0; i < 6000; i++) {
      const id = idOf(Math.floor(next() * 20000));
      set.add(id);
      reference.add(id);
    }
    expect(set.size).toBe(reference.size);
    expect(everyId(set)).toEqual([...reference].sort());

    for (const id of [...reference]) {
      if (next() < 0.7) {
        set.delete(id);
        reference.delete(id);
      }
    }
    set.delete(idOf(999999));
    expect(set.size).toBe(reference.size);
    expect(everyId(set)).toEqual([...reference].sort());
  });

  it('appends in order, ignores repeats and resumes after any cursor', () => {
    const set = new SortedIds();
    for (let i = 0; i < 3000; i++) set.add(idOf(i * 2));
    set.add(idOf(10));
    expect(set.size).toBe(3000);

    expect(everyId(set, idOf(2000)).slice(0, 2)).toEqual([idOf(2002), idOf(2004)]);
    // A cursor that is not in the set resumes at the next greater id.
    expect(everyId(set, idOf(2001))[0]).toBe(idOf(2002));
    expect(everyId(set, idOf(5998))).toEqual([]);
    expect(everyId(set, idOf(99999))).toEqual([]);

    const firstThree: string[] = [];
    set.forEachAfter(undefined, (id) => firstThree.push(id) < 3);
    expect(firstThree).toEqual([idOf(0), idOf(2), idOf(4)]);
  });

  it('empties out completely and can be refilled', () => {
    const set = new SortedIds();
    for (let i = 0; i < 2500; i++) set.add(idOf(i));
    for (let i = 0; i < 2500; i++) set.delete(idOf(i));
    expect(set.size).toBe(0);
    expect(everyId(set)).toEqual([]);
    set.add(idOf(5));
    set.add(idOf(1));
    expect(everyId(set)).toEqual([idOf(1), idOf(5)]);
  });
});
