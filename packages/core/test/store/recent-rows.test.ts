import { describe, expect, it } from 'vitest';
import { RecentRows } from '../../src/store/sqlite/recent-rows.js';

describe('recent rows', () => {
  it('never holds more than its limit and always keeps the latest half', () => {
    const rows = new RecentRows<number>(10);
    for (let i = 0; i < 1000; i++) {
      rows.set(`k${i}`, i);
      expect(rows.size).toBeLessThanOrEqual(10);
      for (let back = 0; back < 5 && back <= i; back++) expect(rows.get(`k${i - back}`)).toBe(i - back);
    }
    expect(rows.get('k0')).toBeUndefined();
  });

  it('answers with the newest value of a key written in both generations', () => {
    const rows = new RecentRows<string>(4);
    rows.set('a', 'old');
    rows.set('b', 'x');
    rows.set('c', 'y');
    rows.set('a', 'new');
    expect(rows.get('a')).toBe('new');
  });

  it('rewriting a key already in the young generation does not age the others out', () => {
    const rows = new RecentRows<number>(4);
    rows.set('a', 1);
    rows.set('b', 2);
    for (let i = 0; i < 10; i++) rows.set('b', i);
    expect(rows.get('a')).toBe(1);
  });

  it('forgets a deleted key in either generation, and everything on clear', () => {
    const rows = new RecentRows<number>(4);
    rows.set('a', 1);
    rows.set('b', 2);
    rows.set('c', 3);
    rows.delete('a');
    rows.delete('c');
    expect([rows.get('a'), rows.get('b'), rows.get('c')]).toEqual([undefined, 2, undefined]);
    rows.clear();
    expect(rows.get('b')).toBeUndefined();
    expect(rows.size).toBe(0);
  });
});
