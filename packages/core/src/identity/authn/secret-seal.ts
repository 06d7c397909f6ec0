import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EcloudError } from '../../errors/ecloud-error.js';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a secret with a 32-byte key-encryption key (AES-256-GCM), so that a copy of the store alone
 * does not give away what it protects. The record id goes in as associated data: a sealed secret moved
 * onto another record does not open.
 * @internal
 */
export function sealSecret(kek: Buffer, recordId: string, secret: Buffer): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(Buffer.from(recordId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** Opens what {@link sealSecret} sealed; `UNAUTHENTICATED` if it was tampered with or the key is wrong. @internal */
export function openSecret(kek: Buffer, recordId: string, sealed: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(recordId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  } catch (error) {
    throw new EcloudError('UNAUTHENTICATED', 'The API key cannot be opened.', {
      details: { reason: 'sealed-secret' },
      cause: error,
    });
  }
}
