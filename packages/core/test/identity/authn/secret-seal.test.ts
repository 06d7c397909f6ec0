import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from '../../../src/identity/authn/secret-seal.js';

describe('sealed secrets', () => {
  const kek = randomBytes(32);
  const secret = randomBytes(32);

  it('open with the same key on the same record, differently sealed each time', () => {
    const sealed = sealSecret(kek, 'key-1', secret);
    expect(openSecret(kek, 'key-1', sealed)).toEqual(secret);
    expect(sealSecret(kek, 'key-1', secret)).not.toBe(sealed);
    expect(sealed).not.toContain(secret.toString('base64url'));
  });

  it('refuse another key, another record, and any changed byte', () => {
    const sealed = sealSecret(kek, 'key-1', secret);
    expect(() => openSecret(randomBytes(32), 'key-1', sealed)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => openSecret(kek, 'key-2', sealed)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    const bytes = Buffer.from(sealed, 'base64url');
    for (const at of [0, 12, 28, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] ?? 0) ^ 1;
      expect(() => openSecret(kek, 'key-1', changed.toString('base64url'))).toThrow(
        expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      );
    }
    expect(() => openSecret(kek, 'key-1', '')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
