import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcloudError } from '../../../src/errors/ecloud-error.js';
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../../src/identity/authn/password-hash.js';

// Cheap parameters for every test but the one that pins the defaults: scrypt at N = 2^15 takes ~100 ms.
const CHEAP = { ln: 4, r: 8, p: 1 };

async function captureError(run: () => Promise<unknown> | unknown): Promise<EcloudError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof EcloudError) return error;
    throw error;
  }
  throw new Error('expected an EcloudError');
}

describe('password hashing', () => {
  it('hashes with N = 2^15, r = 8, p = 1 by default, in a self-describing encoding that verifies', async () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ ln: 15, r: 8, p: 1 });
    const encoded = await hashPassword('correct horse battery staple');
    expect(encoded).toMatch(/^scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', encoded)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', encoded)).toBe(false);
    expect(needsRehash(encoded)).toBe(false);
    expect(needsRehash(encoded, { ln: 16, r: 8, p: 1 })).toBe(true);
  });

  it('salts every hash, and verifies with the parameters stored in the hash', async () => {
    const first = await hashPassword('same password', CHEAP);
    const second = await hashPassword('same password', CHEAP);
    expect(first).not.toBe(second);
    expect(first.startsWith('scrypt$ln=4,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('same password', first)).toBe(true);
    expect(await verifyPassword('same password', second)).toBe(true);
    // Made with other parameters than the current ones: due for a new hash at the next login.
    expect(needsRehash(first)).toBe(true);
    expect(needsRehash(first, CHEAP)).toBe(false);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const encoded = await hashPassword('caf\u00e9-Pa55word', CHEAP);
    expect(await verifyPassword('cafe\u0301-Pa55word', encoded)).toBe(true);
  });

  it('rejects a wrong password, whatever the password', async () => {
    const encoded = await hashPassword('the-right-one', CHEAP);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }).filter((p) => p !== 'the-right-one'),
        async (wrong) => {
          expect(await verifyPassword(wrong, encoded)).toBe(false);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('accepts passwords of 1 to 1024 characters only', async () => {
    await expect(hashPassword('x'.repeat(1024), CHEAP)).resolves.toMatch(/^scrypt\$/);
    const encoded = await hashPassword('x', CHEAP);
    for (const bad of ['', 'x'.repeat(1025), 42 as unknown as string]) {
      await expect(hashPassword(bad, CHEAP)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(verifyPassword(bad, encoded)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });

  it('refuses parameters that are out of range or would need too much memory', async () => {
    for (const params of [
      { ln: 0, r: 8, p: 1 },
      { ln: 21, r: 8, p: 1 },
      { ln: 20, r: 32, p: 1 },
      { ln: 4, r: 8, p: 1.5 },
    ]) {
      await expect(hashPassword('pw', params)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });

  it('refuses malformed hashes and unknown algorithms without revealing the password or the hash', async () => {
    const password = 'Secret-Password-123';
    const encoded = await hashPassword(password, CHEAP);
    const [, params, salt, hash] = encoded.split('$') as [string, string, string, string];
    const malformed = [
      '',
      'scrypt',
      `scrypt$${params}$${salt}`,
      `scrypt$${params}$${salt}$${hash}$extra`,
      `argon2id$${params}$${salt}$${hash}`,
      `scrypt$ln=99,r=8,p=1$${salt}$${hash}`,
      `scrypt$ln=4;r=8;p=1$${salt}$${hash}`,
      `scrypt$${params}$${salt.slice(0, 8)}$${hash}`,
      `scrypt$${params}$${salt}$${hash.slice(0, 8)}`,
      `scrypt$${params}$${salt}$${hash.slice(0, -1)}*`,
      // Decodes to the same bytes in Node's lenient decoder, but is not the canonical form.
      `scrypt$${params}$${salt}$${hash}=`,
    ];
    for (const bad of malformed) {
      const error = await captureError(() => verifyPassword(password, bad));
      expect(error.code).toBe('INVALID_ARGUMENT');
      const visible = JSON.stringify(error.toJSON());
      expect(visible).not.toContain(password);
      expect(visible).not.toContain(hash);
      expect(visible).not.toContain(salt);
    }
    expect(() => needsRehash(`argon2id$${params}$${salt}$${hash}`)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
