import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { EcloudError } from '../../errors/ecloud-error.js';
import { parseInput } from '../../model/validate.js';
import { AuditHead, auditTime, Hex64 } from './audit-record.js';
import { canonicalJson } from './canonical-json.js';

// Versioned and specific, so a signature made for anything else — another kind of message, or a
// later layout of this one — can never pass as a checkpoint.
const DOMAIN = 'ecloud-audit-checkpoint-v1';
const ED25519_SIGNATURE_BYTES = 64;

/**
 * A signed statement that the audit chain's head was at `seq` with `hash` at time `at`, kept apart from
 * the log (another store, a file, a ticket) so that whoever can rewrite the log cannot also rewrite it:
 * it proves a later cut of the newest records. `keyId` names the Ed25519 key that signed it, so keys can
 * be rotated; `signature` is base64url.
 * @public
 */
export const SignedCheckpoint = z.strictObject({
  seq: z.number().int().positive(),
  hash: Hex64,
  at: z.iso.datetime(),
  keyId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1–64 of [A-Za-z0-9._-]' }),
  signature: z.string().regex(/^[A-Za-z0-9_-]+$/, { message: 'must be base64url' }),
});
/** A signed statement of the audit chain's head (the type of the {@link SignedCheckpoint} schema). @public */
export type SignedCheckpoint = z.infer<typeof SignedCheckpoint>;

/** The key a checkpoint is signed with: an id recorded in the checkpoint, and the Ed25519 private key. @public */
export interface AuditSigningKey {
  readonly id: string;
  /** A private `KeyObject`, or a PKCS#8 PEM string. */
  readonly privateKey: KeyObject | string;
}

/** An Ed25519 key pair as PEM strings (PKCS#8 private, SPKI public). @public */
export interface AuditKeyPair {
  readonly privateKey: string;
  readonly publicKey: string;
}

/**
 * Signs the chain's head with Ed25519. Throws `INVALID_ARGUMENT` for a head that is not a record's
 * place, a key id the checkpoint cannot carry, an invalid date, or a key that is not an Ed25519 private key.
 * @public
 */
export function signCheckpoint(head: AuditHead, key: AuditSigningKey, at: Date): SignedCheckpoint {
  const { seq, hash } = parseInput(AuditHead, { seq: head.seq, hash: head.hash }, 'checkpoint head');
  const unsigned = { seq, hash, at: auditTime(at), keyId: key.id };
  parseInput(SignedCheckpoint.omit({ signature: true }), unsigned, 'checkpoint');
  const signature = sign(null, signedData(unsigned), privateKeyOf(key.privateKey)).toString('base64url');
  return { ...unsigned, signature };
}

/**
 * Whether `checkpoint` is well formed and signed by `publicKey` (a public `KeyObject` or an SPKI PEM
 * string). A malformed or forged checkpoint is just false — it is evidence, not a mistake of the
 * caller; a key that is not Ed25519 throws `INVALID_ARGUMENT`, so that a misconfiguration never looks
 * like tampering.
 * @public
 */
export function verifyCheckpoint(checkpoint: SignedCheckpoint, publicKey: KeyObject | string): boolean {
  const key = publicKeyOf(publicKey);
  const parsed = SignedCheckpoint.safeParse(checkpoint);
  if (!parsed.success) return false;
  const signature = Buffer.from(parsed.data.signature, 'base64url');
  // One encoding per signature: base64url decoding would forgive stray bits in the last character.
  if (signature.length !== ED25519_SIGNATURE_BYTES) return false;
  if (signature.toString('base64url') !== parsed.data.signature) return false;
  try {
    return verify(null, signedData(parsed.data), key, signature);
  } catch {
    return false;
  }
}

/** A fresh Ed25519 key pair for signing checkpoints; the operator keeps the private key away from the log. @public */
export function generateAuditKeyPair(): AuditKeyPair {
  return generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}

function signedData(checkpoint: Omit<SignedCheckpoint, 'signature'>): Buffer {
  const { seq, hash, at, keyId } = checkpoint;
  return Buffer.from(`${DOMAIN}\n${canonicalJson({ seq, hash, at, keyId })}`, 'utf8');
}

function privateKeyOf(key: KeyObject | string): KeyObject {
  const object = readKey(() => (key instanceof KeyObject ? key : createPrivateKey(key)), 'private');
  return requireEd25519(object, 'private');
}

function publicKeyOf(key: KeyObject | string): KeyObject {
  // A private key holds its public half; anything else is read as a public key.
  const object = readKey(
    () => (key instanceof KeyObject && key.type === 'public' ? key : createPublicKey(key)),
    'public',
  );
  return requireEd25519(object, 'public');
}

function readKey(read: () => KeyObject, type: 'private' | 'public'): KeyObject {
  try {
    return read();
  } catch (cause) {
    throw new EcloudError('INVALID_ARGUMENT', `Invalid audit ${type} key: it cannot be read.`, { cause });
  }
}

function requireEd25519(key: KeyObject, type: 'private' | 'public'): KeyObject {
  if (key.type === type && key.asymmetricKeyType === 'ed25519') return key;
  throw new EcloudError('INVALID_ARGUMENT', `Invalid audit ${type} key: it must be an Ed25519 ${type} key.`);
}
