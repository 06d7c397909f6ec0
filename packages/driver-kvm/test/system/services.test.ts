import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kvmEnv } from './kvm-env.js';

// The services scripts/services.sh starts for the KVM driver, checked with virsh: libvirtd on its unix
// socket (test and QEMU drivers) and sshd in front of it, whose host key is verified against the
// exported known_hosts file (never accepted blindly). Run: bash scripts/services.sh start && source
// .ecloud/services.env && npx vitest run --project system packages/driver-kvm. A missing variable fails
// the run: it never skips.

const env = kvmEnv();
const execFileAsync = promisify(execFile);

let scratch: string;

/** virsh's output for `args` against `uri`; stdin is closed, so a host-key prompt is answered "no". */
async function virsh(uri: string, ...args: string[]): Promise<string> {
  const run = execFileAsync('virsh', ['-q', '-c', uri, ...args], { timeout: 60_000 });
  run.child.stdin?.end();
  return (await run).stdout;
}

/** What `promise` rejected with, as text (virsh's stderr included). */
async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw error;
  return `${error.message}\n${(error as { stderr?: string }).stderr ?? ''}`;
}

/** The test driver's default host through sshd, over libvirt's libssh transport (host key checked). */
function sshTestUri(knownHostsFile: string): string {
  const { host, port, user, keyFile } = env.ssh;
  return (
    `test+libssh://${user}@${host}:${port}/default?socket=${env.socket}` +
    `&keyfile=${keyFile}&sshauth=privkey&known_hosts=${knownHostsFile}&known_hosts_verify=normal`
  );
}

/** The wire form of a random ed25519 public key: a well-formed host key that is not sshd's. */
function randomEd25519Blob(): Buffer {
  const field = (data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, data]);
  };
  return Buffer.concat([field(Buffer.from('ssh-ed25519')), field(randomBytes(32))]);
}

/** Resolves once `path` exists; rejects when `child` exits first or after 10 s. */
async function socketAppears(path: string, child: ReturnType<typeof spawn>, log: () => string) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`ssh exited (${child.exitCode}): ${log()}`);
    const isSocket = await stat(path).then(
      (s) => s.isSocket(),
      () => false,
    );
    if (isSocket) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`ssh did not forward ${path} in 10 s: ${log()}`);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ecloud-kvm-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('libvirtd and sshd for the KVM driver', () => {
  it('lists the test driver’s default domain `test` on the unix socket', async () => {
    expect((await virsh(env.testUri, 'list', '--all', '--name')).split('\n')).toContain('test');
  });

  it('answers on the QEMU URI', async () => {
    expect((await virsh(env.qemuUri, 'uri')).trim()).toBe(env.qemuUri);
    expect(await virsh(env.qemuUri, 'version')).toMatch(/Running hypervisor: QEMU \d/);
  });

  it('exports the fingerprint of the host key that known_hosts holds for [host]:port', async () => {
    const lines = (await readFile(env.ssh.knownHostsFile, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const [pattern, type, key] = (lines[0] ?? '').split(' ');
    expect(pattern).toBe(`[${env.ssh.host}]:${env.ssh.port}`);
    expect(type).toBe('ssh-ed25519');
    const digest = createHash('sha256')
      .update(Buffer.from(key ?? '', 'base64'))
      .digest('base64');
    expect(`SHA256:${digest.replace(/=+$/, '')}`).toBe(env.ssh.hostKeyFingerprint);
  });

  it('reaches the same libvirtd through sshd, verifying the host key against known_hosts', async () => {
    const names = await virsh(sshTestUri(env.ssh.knownHostsFile), 'list', '--all', '--name');
    expect(names.split('\n')).toContain('test');
  });

  it('refuses sshd when known_hosts holds another key for [host]:port', async () => {
    const wrong = join(scratch, 'known_hosts.wrong');
    const key = randomEd25519Blob().toString('base64');
    await writeFile(wrong, `[${env.ssh.host}]:${env.ssh.port} ssh-ed25519 ${key}\n`);
    expect(await failure(virsh(sshTestUri(wrong), 'list', '--all'))).toMatch(/host key/i);
  });

  it('forwards the libvirt socket over direct-streamlocal, as the driver will', async () => {
    // `ssh -L local.sock:remote.sock` opens a direct-streamlocal@openssh.com channel per connection.
    const local = join(scratch, 'libvirt-fwd.sock');
    const { host, port, user, keyFile, knownHostsFile } = env.ssh;
    const ssh = spawn(
      'ssh',
      [
        ...['-F', 'none', '-N', '-p', String(port), '-i', keyFile],
        ...['-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'ExitOnForwardFailure=yes'],
        ...['-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHostsFile}`],
        ...['-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'UpdateHostKeys=no'],
        ...['-L', `${local}:${env.socket}`, `${user}@${host}`],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    ssh.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const exited = new Promise((resolve) => ssh.once('exit', resolve));
    try {
      await socketAppears(local, ssh, () => log);
      const names = await virsh(`test+unix:///default?socket=${local}`, 'list', '--all', '--name');
      expect(names.split('\n')).toContain('test');
    } finally {
      ssh.kill();
      await exited;
    }
  });
});
