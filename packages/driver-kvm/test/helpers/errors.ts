export * from '../../../../test-support/ecloud-errors.js';

/** Bytes from a hex string that may contain spaces, for readable fixtures. */
export function hex(text: string): Buffer {
  const clean = text.replaceAll(/\s+/g, '');
  if (!/^([0-9a-f]{2})*$/i.test(clean)) throw new Error(`bad hex fixture: ${text}`);
  return Buffer.from(clean, 'hex');
}
