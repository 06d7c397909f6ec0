import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateAuditKeyPair,
  type SignedCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
} from '../../../src/identity/audit/audit-checkpoint.js';
import { canonicalJson } from '../../../src/identity/audit/canonical-json.js';
import { flipHex, KEYS, OTHER_KEYS, T0 } from './audit-fixture.js';

const HEAD = { seq: 42, hash: 'ab'.repeat(32) };
const KEY = { id: 'audit-2025', privateKey: KEYS.privateKey };
const WHEN = new Date(T0);
const invalid = expect.objectContaining({ code: 'INVALID_ARGUMENT' });

function signed(): SignedCheckpoint {
  return signCheckpoint(HEAD, KEY, WHEN);
}

describe('audit checkpoints', () => {
  it('signs the head with Ed25519 and verifies with the public key, as PEM or KeyObject', () => {
    const checkpoint = signed();
    expect(checkpoint).toMatchObject({ ...HEAD, at: WHEN.toISOString(), keyId: 'audit-2025' });
    expect(checkpoint.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyCheckpoint(checkpoint, KEYS.publicKey)).toBe(true);
    expect(verifyCheckpoint(checkpoint, createPublicKey(KEYS.publicKey))).toBe(true);
    const viaKeyObject = signCheckpoint(
      HEAD,
      { ...KEY, privateKey: createPrivateKey(KEYS.privateKey) },
      WHEN,
    );
    expect(verifyCheckpoint(viaKeyObject, KEYS.publicKey)).toBe(true);
  });

  it('signs exactly the domain prefix and the canonical JSON of seq, hash, at and keyId', () => {
    const { signature: _s, ...body } = signed();
    const data = (text: string) => Buffer.from(text, 'utf8');
    const bySpec = sign(null, data(`ecloud-audit-checkpoint-v1\n${canonicalJson(body)}`), KEYS.privateKey);
    expect(verifyCheckpoint({ ...body, signature: bySpec.toString('base64url') }, KEYS.publicKey)).toBe(true);
    // The same body signed without the domain prefix is a signature over something else.
    const bare = sign(null, data(canonicalJson(body)), KEYS.privateKey);
    expect(verifyCheckpoint({ ...body, signature: bare.toString('base64url') }, KEYS.publicKey)).toBe(false);
  });

  it('rejects a checkpoint signed by another key', () => {
    const forged = signCheckpoint(HEAD, { id: 'audit-2025', privateKey: OTHER_KEYS.privateKey }, WHEN);
    expect(verifyCheckpoint(forged, KEYS.publicKey)).toBe(false);
  });

  it('rejects any change to a signed field', () => {
    const checkpoint = signed();
    const tampered: SignedCheckpoint[] = [
      { ...checkpoint, seq: checkpoint.seq + 1 },
      { ...checkpoint, hash: flipHex(checkpoint.hash) },
      { ...checkpoint, at: new Date(T0 + 1).toISOString() },
      { ...checkpoint, keyId: 'audit-2026' },
      {
        ...checkpoint,
        signature: (checkpoint.signature[0] === 'A' ? 'B' : 'A') + checkpoint.signature.slice(1),
      },
    ];
    for (const candidate of tampered) expect(verifyCheckpoint(candidate, KEYS.publicKey)).toBe(false);
  });

  it('accepts one spelling of a signature only', () => {
    const checkpoint = signed();
    // 64 bytes leave 4 unused bits in the last character: another character decodes to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(checkpoint.signature.at(-1) ?? '');
    const twin = `${checkpoint.signature.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(twin, 'base64url')).toEqual(Buffer.from(checkpoint.signature, 'base64url'));
    expect(verifyCheckpoint({ ...checkpoint, signature: twin }, KEYS.publicKey)).toBe(false);
  });

  it('answers false, never throws, for a malformed checkpoint', () => {
    const { signature: _s, ...unsigned } = signed();
    const malformed: unknown[] = [
      null,
      'checkpoint',
      unsigned,
      { ...signed(), extra: 1 },
      { ...signed(), seq: '42' },
      { ...signed(), signature: `${signed().signature}=` },
      { ...signed(), signature: signed().signature.slice(0, 40) },
      { ...signed(), at: 'yesterday' },
    ];
    for (const value of malformed)
      expect(verifyCheckpoint(value as SignedCheckpoint, KEYS.publicKey)).toBe(false);
  });

  it('throws for a key that is not an Ed25519 key, so misconfiguration does not look like tampering', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => verifyCheckpoint(signed(), ec.publicKey)).toThrow(invalid);
    expect(() => verifyCheckpoint(signed(), 'not a pem')).toThrow(invalid);
    expect(() => signCheckpoint(HEAD, { id: 'k', privateKey: ec.privateKey }, WHEN)).toThrow(invalid);
    expect(() => signCheckpoint(HEAD, { id: 'k', privateKey: KEYS.publicKey }, WHEN)).toThrow(invalid);
  });

  it('refuses to sign what is not a record’s place, a bad key id or an invalid date', () => {
    expect(() => signCheckpoint({ seq: 0, hash: HEAD.hash }, KEY, WHEN)).toThrow(invalid);
    expect(() => signCheckpoint({ seq: 1, hash: 'AB'.repeat(32) }, KEY, WHEN)).toThrow(invalid);
    expect(() => signCheckpoint(HEAD, { ...KEY, id: 'has space' }, WHEN)).toThrow(invalid);
    expect(() => signCheckpoint(HEAD, KEY, new Date(Number.NaN))).toThrow(invalid);
  });

  it('generates distinct Ed25519 key pairs as PEM', () => {
    const pair = generateAuditKeyPair();
    expect(pair.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(pair.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(createPublicKey(pair.publicKey).asymmetricKeyType).toBe('ed25519');
    expect(pair.publicKey).not.toBe(KEYS.publicKey);
  });
});
