import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let offset = POOL_SIZE;

/**
 * Cryptographically random bytes from a pool refilled a page at a time: ids and MAC addresses are made
 * tens of thousands of times a second, and one system call per page instead of per value shows.
 * The returned view is valid until the next call.
 * @internal
 */
export function randomBytes(count: number): Uint8Array {
  if (offset + count > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += count;
  return pool.subarray(offset - count, offset);
}
