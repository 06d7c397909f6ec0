import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { EcloudError } from '../../errors/ecloud-error.js';
import { parseInput } from '../../model/validate.js';

/** The longest password accepted anywhere, in UTF-16 code units. @public */
export const MAX_PASSWORD_LENGTH = 1024;

/** A password as accepted for hashing: 1 to {@link MAX_PASSWORD_LENGTH} characters. @public */
export const Password = z.string().min(1).max(MAX_PASSWORD_LENGTH);

const MiB = 1024 * 1024;
// Stored hashes are read back from the store; bounding their cost keeps a tampered row from making one
// verification allocate gigabytes or run for minutes.
const MAX_SCRYPT_MEMORY = 256 * MiB;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/**
 * The scrypt cost parameters: `ln` is log2 of N (CPU and memory cost), `r` the block size, `p` the
 * parallelism. Values below the defaults exist for tests only.
 * @public
 */
export const ScryptParams = z
  .strictObject({
    ln: z.number().int().min(1).max(20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
  })
  .refine((params) => scryptMemory(params) <= MAX_SCRYPT_MEMORY, { message: 'needs too much memory' });
/** The scrypt cost parameters (the type of the {@link ScryptParams} schema). @public */
export type ScryptParams = z.infer<typeof ScryptParams>;

/** The parameters new hashes use: N = 2^15, r = 8, p = 1 (about 32 MiB and 100 ms per hash). @public */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = Object.freeze({ ln: 15, r: 8, p: 1 });

interface DecodedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function scryptMemory(params: { readonly ln: number; readonly r: number }): number {
  return 128 * 2 ** params.ln * params.r;
}

/**
 * Hashes a password with scrypt and a fresh 16-byte salt, as
 * `scrypt$ln=15,r=8,p=1$<salt base64url>$<hash base64url>`. The parameters travel with the hash so that
 * they can be raised later without breaking existing hashes (see {@link needsRehash}).
 * @public
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  const valid = parseInput(ScryptParams, params, 'scrypt parameters');
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(checkPassword(password), salt, KEY_BYTES, valid);
  return encode({ params: valid, salt, hash });
}

/**
 * Whether `password` matches `encoded`, compared in constant time. Throws `INVALID_ARGUMENT` when
 * `encoded` is not a hash this module wrote; the error never contains the password or the hash.
 * @public
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const checked = checkPassword(password);
  const stored = decode(encoded);
  const candidate = await derive(checked, stored.salt, stored.hash.length, stored.params);
  return timingSafeEqual(candidate, stored.hash);
}

/**
 * Whether `encoded` was made with parameters other than `params`, so the caller should store a new hash
 * the next time the user proves the password (the only moment the plain password is at hand).
 * @public
 */
export function needsRehash(encoded: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const stored = decode(encoded);
  const { ln, r, p } = stored.params;
  return ln !== params.ln || r !== params.r || p !== params.p || stored.hash.length !== KEY_BYTES;
}

function checkPassword(password: string): string {
  // NFC so that the same password typed on systems that compose accents differently still matches.
  return parseInput(Password, password, 'password').normalize('NFC');
}

function derive(password: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.ln;
  // OpenSSL checks roughly 128·N·r bytes plus its working blocks; doubling leaves room for both.
  const maxmem = Math.max(64 * MiB, 2 * scryptMemory(params));
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { N, r: params.r, p: params.p, maxmem }, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}

function encode({ params, salt, hash }: DecodedHash): string {
  return `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

function malformed(reason: string): EcloudError {
  // Only the reason: the encoded string is as sensitive as the password it protects.
  return new EcloudError('INVALID_ARGUMENT', `Malformed password hash (${reason}).`, { details: { reason } });
}

function decode(encoded: string): DecodedHash {
  if (typeof encoded !== 'string' || encoded.length > 512) throw malformed('format');
  const fields = encoded.split('$');
  if (fields.length !== 4) throw malformed('format');
  const [algorithm, paramText, saltText, hashText] = fields as [string, string, string, string];
  if (algorithm !== 'scrypt') throw malformed('unknown algorithm');
  const params = decodeParams(paramText);
  const salt = strictBase64url(saltText);
  const hash = strictBase64url(hashText);
  if (salt === undefined || salt.length < SALT_BYTES) throw malformed('salt');
  if (hash === undefined || hash.length < 16 || hash.length > 64) throw malformed('hash');
  return { params, salt, hash };
}

function decodeParams(text: string): ScryptParams {
  const match = /^ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})$/.exec(text);
  const parsed = ScryptParams.safeParse(
    match === null ? undefined : { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) },
  );
  if (!parsed.success) throw malformed('parameters');
  return parsed.data;
}

// Canonical base64url only: Node's decoder skips stray characters and ignores trailing bits.
function strictBase64url(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64url');
  return /^[A-Za-z0-9_-]+$/.test(text) && bytes.toString('base64url') === text ? bytes : undefined;
}
