import { describe, expect, it } from 'vitest';
import { ID_PREFIXES, idSchema, newId } from '../../src/model/ids.js';

describe('ids', () => {
  it('are prefixed by kind and match their schema', () => {
    for (const kind of Object.keys(ID_PREFIXES) as (keyof typeof ID_PREFIXES)[]) {
      const id = newId(kind);
      expect(id.startsWith(`${ID_PREFIXES[kind]}-`)).toBe(true);
      expect(idSchema(kind).safeParse(id).success).toBe(true);
    }
    expect(idSchema('instance').safeParse(newId('host')).success).toBe(false);
  });

  it('sort in creation order, also many within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => newId('instance', 1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(newId('instance', 1_700_000_000_001) > (ids.at(-1) ?? '')).toBe(true);
  });

  it('sort by time across milliseconds, and never go backwards when the clock does', () => {
    const early = newId('job', Date.now());
    const later = newId('job', Date.now() + 5);
    expect(later > early).toBe(true);
    expect(newId('job', Date.now() - 60_000) > later).toBe(true);
  });
});
