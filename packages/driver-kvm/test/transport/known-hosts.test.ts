import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownHostsAllow, sshFingerprint } from '../../src/transport/known-hosts.js';

interface GeneratedKey {
  /** The `.pub` line: type, base64 blob, comment. */
  readonly line: string;
  readonly type: string;
  readonly base64: string;
  readonly blob: Buffer;
  /** What `ssh-keygen -lf` prints as the fingerprint. */
  readonly fingerprint: string;
}

let dir: string;
let ed25519: GeneratedKey;
let ecdsa: GeneratedKey;

function generate(type: string): GeneratedKey {
  const file = join(dir, `id_${type}`);
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', `test-${type}`, '-f', file]);
  const line = readFileSync(`${file}.pub`, 'utf8').trim();
  const [keyType, base64] = line.split(/\s+/) as [string, string];
  // "256 SHA256:… comment (ED25519)"
  const listed = execFileSync('ssh-keygen', ['-lf', `${file}.pub`], { encoding: 'utf8' }).trim();
  const fingerprint = listed.split(/\s+/)[1] as string;
  return { line, type: keyType, base64, blob: Buffer.from(base64, 'base64'), fingerprint };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecloud-known-hosts-'));
  ed25519 = generate('ed25519');
  ecdsa = generate('ecdsa');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('sshFingerprint', () => {
  it('equals what ssh-keygen -lf prints for an ed25519 key', () => {
    expect(ed25519.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(sshFingerprint(ed25519.blob)).toBe(ed25519.fingerprint);
  });

  it('equals what ssh-keygen -lf prints for an ECDSA key, and differs between keys', () => {
    expect(sshFingerprint(ecdsa.blob)).toBe(ecdsa.fingerprint);
    expect(sshFingerprint(ecdsa.blob)).not.toBe(sshFingerprint(ed25519.blob));
  });
});

describe('knownHostsAllow', () => {
  const entry = (hosts: string, key: GeneratedKey = ed25519) => `${hosts} ${key.type} ${key.base64}`;

  it('matches a plain host name for port 22 only', () => {
    const file = entry('kvm1.example.com');
    expect(knownHostsAllow(file, 'kvm1.example.com', 22, ed25519.blob)).toBe(true);
    expect(knownHostsAllow(file, 'kvm1.example.com', 2222, ed25519.blob)).toBe(false);
    expect(knownHostsAllow(file, 'kvm2.example.com', 22, ed25519.blob)).toBe(false);
  });

  it('matches [host]:port for any other port, and only that port', () => {
    const file = entry('[kvm1.example.com]:2222');
    expect(knownHostsAllow(file, 'kvm1.example.com', 2222, ed25519.blob)).toBe(true);
    expect(knownHostsAllow(file, 'kvm1.example.com', 2223, ed25519.blob)).toBe(false);
    expect(knownHostsAllow(file, 'kvm1.example.com', 22, ed25519.blob)).toBe(false);
    expect(knownHostsAllow(entry('[10.0.0.5]:16022'), '10.0.0.5', 16022, ed25519.blob)).toBe(true);
  });

  it('matches any name of a comma-separated list, but no substring of one', () => {
    const file = entry('kvm1,kvm1.example.com,10.0.0.5');
    for (const host of ['kvm1', 'kvm1.example.com', '10.0.0.5']) {
      expect(knownHostsAllow(file, host, 22, ed25519.blob)).toBe(true);
    }
    for (const host of ['kvm', 'example.com', '10.0.0', 'kvm1,kvm1.example.com']) {
      expect(knownHostsAllow(file, host, 22, ed25519.blob)).toBe(false);
    }
  });

  it('refuses a host listed with another key, and accepts it when one of its lines has the key', () => {
    expect(knownHostsAllow(entry('kvm1', ecdsa), 'kvm1', 22, ed25519.blob)).toBe(false);
    const file = [entry('kvm1', ecdsa), entry('kvm1', ed25519)].join('\n');
    expect(knownHostsAllow(file, 'kvm1', 22, ed25519.blob)).toBe(true);
    expect(knownHostsAllow(file, 'kvm1', 22, ecdsa.blob)).toBe(true);
    // One byte off is another key.
    const tampered = Buffer.from(ed25519.blob);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(knownHostsAllow(file, 'kvm1', 22, tampered)).toBe(false);
  });

  it('skips comments and blank lines, and tolerates tabs, CRLF and a trailing comment', () => {
    const file = ['# kvm1 is trusted', `  # ${entry('kvm2')}`, '', entry('kvm3')].join('\n');
    expect(knownHostsAllow(file, 'kvm1', 22, ed25519.blob)).toBe(false);
    expect(knownHostsAllow(file, 'kvm2', 22, ed25519.blob)).toBe(false);
    expect(knownHostsAllow(file, 'kvm3', 22, ed25519.blob)).toBe(true);
    const messy = `# header\r\nkvm4\t${ed25519.type}\t${ed25519.base64} root@kvm4\r\n`;
    expect(knownHostsAllow(messy, 'kvm4', 22, ed25519.blob)).toBe(true);
    expect(knownHostsAllow('', 'kvm4', 22, ed25519.blob)).toBe(false);
  });

  it('does not match hashed (|1|) lines, even one OpenSSH would match', () => {
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update('kvm1').digest();
    const file = entry(`|1|${salt.toString('base64')}|${hash.toString('base64')}`);
    expect(knownHostsAllow(file, 'kvm1', 22, ed25519.blob)).toBe(false);
  });

  it('does not take a @cert-authority line for a host key', () => {
    const file = `@cert-authority kvm1 ${ed25519.type} ${ed25519.base64}`;
    expect(knownHostsAllow(file, 'kvm1', 22, ed25519.blob)).toBe(false);
  });

  it('refuses a key marked @revoked for the host, wherever the revocation is in the file', () => {
    const revoked = `@revoked kvm1 ${ed25519.type} ${ed25519.base64}`;
    expect(knownHostsAllow([entry('kvm1'), revoked].join('\n'), 'kvm1', 22, ed25519.blob)).toBe(false);
    expect(knownHostsAllow([revoked, entry('kvm1')].join('\n'), 'kvm1', 22, ed25519.blob)).toBe(false);
    // The revocation is of that key for that host: another key, or another host, is unaffected.
    const file = [revoked, entry('kvm1', ecdsa), entry('kvm2')].join('\n');
    expect(knownHostsAllow(file, 'kvm1', 22, ecdsa.blob)).toBe(true);
    expect(knownHostsAllow(file, 'kvm2', 22, ed25519.blob)).toBe(true);
  });
});
