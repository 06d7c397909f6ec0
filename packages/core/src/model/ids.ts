import { z } from 'zod';
import { randomBytes } from './random-pool.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 16;

/** Id prefixes, one per resource kind. @public */
export const ID_PREFIXES = {
  region: 'rgn',
  datacenter: 'dc',
  cluster: 'cl',
  host: 'host',
  instance: 'vm',
  image: 'img',
  offering: 'off',
  volume: 'vol',
  snapshot: 'snap',
  tenant: 'tnt',
  job: 'job',
  event: 'evt',
  placementGroup: 'pg',
  principal: 'prn',
  domain: 'dom',
  apiKey: 'key',
  role: 'role',
  roleBinding: 'rb',
  membership: 'mbr',
} as const;

/** A resource kind that has ids. @public */
export type IdKind = keyof typeof ID_PREFIXES;

let lastTime = -1;
const lastRandom = new Uint8Array(RANDOM_CHARS);

function encodeTime(time: number): string {
  let out = '';
  let rest = time;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function nextRandom(now: number): string {
  if (now === lastTime) {
    // Monotonic within one millisecond: increment the previous random part so ids still sort.
    for (let i = RANDOM_CHARS - 1; i >= 0; i--) {
      const digit = (lastRandom[i] ?? 0) + 1;
      lastRandom[i] = digit % 32;
      if (digit < 32) break;
    }
  } else {
    lastTime = now;
    const random = randomBytes(RANDOM_CHARS);
    for (let i = 0; i < RANDOM_CHARS; i++) lastRandom[i] = (random[i] ?? 0) % 32;
    // Leave head-room so an increment within this millisecond never wraps.
    lastRandom[0] = (lastRandom[0] ?? 0) % 16;
  }
  let out = '';
  for (const digit of lastRandom) out += CROCKFORD.charAt(digit);
  return out;
}

/**
 * A new id for a resource kind: the kind's prefix, a dash and a ULID (time-ordered, so ids sort by
 * creation and serve as stable pagination cursors).
 * @public
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}-${encodeTime(Math.max(now, lastTime))}${nextRandom(Math.max(now, lastTime))}`;
}

/** The zod schema of an id of one kind. @public */
export function idSchema(kind: IdKind) {
  const prefix = ID_PREFIXES[kind];
  return z.string().regex(new RegExp(`^${prefix}-[0-9A-HJKMNP-TV-Z]{26}$`), {
    message: `must be a ${kind} id (${prefix}-…)`,
  });
}
