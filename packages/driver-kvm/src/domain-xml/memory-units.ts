import { unreadableDomainXml } from './domain-xml-error.js';

const MIB = 1024n * 1024n;
// libvirt's scaled integers: `b`/`bytes`, then k, M, G, T, P, E with `iB` (or nothing) for powers of
// 1024 and `B` for powers of 1000, case-insensitively.
const UNIT = /^(?:(b|bytes)|([kmgtpe])(i?b)?)$/i;
const PREFIXES = 'kmgtpe';

function bytesPerUnit(unit: string): bigint | undefined {
  const match = UNIT.exec(unit);
  if (match === null) return undefined;
  const [, bytes, prefix = '', suffix = ''] = match;
  if (bytes !== undefined) return 1n;
  const base = suffix.toLowerCase() === 'b' ? 1000n : 1024n;
  return base ** BigInt(PREFIXES.indexOf(prefix.toLowerCase()) + 1);
}

/**
 * `amount` of `unit` (libvirt's default for memory: KiB) in MiB, rounded up: ECloud sizes memory in
 * whole MiB, QEMU aligns guest memory to 1 MiB anyway, and rounding up never reads a guest as smaller
 * than it is. Computed on bigints: a byte count of a large guest exceeds exact JavaScript numbers.
 * @internal
 */
export function toMiB(amount: number, unit: string | undefined, what: string): number {
  const perUnit = bytesPerUnit(unit ?? 'KiB');
  if (perUnit === undefined) throw unreadableDomainXml(`${what} has an unknown unit ${unit}`, { what, unit });
  return Number((BigInt(amount) * perUnit + MIB - 1n) / MIB);
}
