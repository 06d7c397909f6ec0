import { z } from 'zod';
import { RecordMeta } from '../model/common.js';

/**
 * An API key of a service account (R-SEC-1): requests signed with its secret act as the account. The
 * secret is stored sealed with the cloud's key-encryption key — HMAC needs the secret itself to verify,
 * so it cannot be hashed — and is shown once, when the key is made.
 * @public
 */
export const ApiKey = RecordMeta.extend({
  principalId: z.string(),
  state: z.enum(['active', 'revoked']),
  /** AES-256-GCM: nonce, tag and ciphertext, base64url. */
  sealedSecret: z.string(),
});
/** An API key of a service account (the type of the {@link ApiKey} schema). @public */
export type ApiKey = z.infer<typeof ApiKey>;

/** A new API key: its id and its secret, which is never shown again. @public */
export interface IssuedApiKey {
  readonly keyId: string;
  readonly secret: string;
  readonly principalId: string;
}
