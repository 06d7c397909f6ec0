import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../scripts/render-api-types.js';

describe('the generated API types', () => {
  it('are what the server’s routes give now (else run `npm run generate --workspace @ecloud/client`)', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    const current = await renderApiTypes();
    // Not toEqual on 6,000 lines: a short message says what to do, the first difference says where.
    if (current !== committed) {
      const line = current.slice(0, firstDifference(current, committed)).split('\n').length;
      expect.fail(
        `src/generated/api-types.ts is out of date from line ${line}: run \`npm run generate --workspace @ecloud/client\``,
      );
    }
  }, 60_000);
});

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
