// The CLI end to end: a real reference server (SQLite in a fresh directory, the simulator) in a
// process of its own, and `ecloud` run from its source as a child process, as a user would run it.

import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from './run-cli.js';
import { type RunningServer, startServer } from './server-process.js';

const PASSWORD = 'Str0ng-pass!word';

describe('ecloud against a real server', () => {
  let server: RunningServer;
  let configHome: string;
  const ecloud = (args: string[], stdin?: string): Promise<CliRun> =>
    runCli(args, { XDG_CONFIG_HOME: configHome }, stdin);
  let instanceId = '';

  beforeAll(async () => {
    configHome = await mkdtemp(join(tmpdir(), 'ecloud-cli-config-'));
    server = await startServer(PASSWORD);
  });
  afterAll(async () => {
    await server?.stop();
    if (configHome) await rm(configHome, { recursive: true, force: true });
  });

  it('logs in with --password-stdin and keeps the token, readable by its owner only', async () => {
    const run = await ecloud(
      ['login', '--server', server.url, '-u', 'sysadmin', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('logged in');
    const file = join(configHome, 'ecloud', 'config.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved).toMatchObject({ server: server.url, username: 'sysadmin' });
    expect(saved.token).toMatch(/\S{20,}/);
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
  });

  it('lists offerings as JSON for scripts', async () => {
    const run = await ecloud(['offering', 'list', '--json']);
    expect(run.code).toBe(0);
    const page = JSON.parse(run.stdout);
    expect(page.items.map((offering: { name: string }) => offering.name)).toEqual(
      expect.arrayContaining(['small', 'large']),
    );
  });

  it('creates an instance and waits for it, reporting the job’s progress on stderr', async () => {
    const run = await ecloud([
      'instance',
      'create',
      'cli-vm-1',
      '--offering',
      'small',
      '--image',
      'debian-12',
      '--tenant',
      'demo',
      '--wait',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const job = JSON.parse(run.stdout);
    expect(job).toMatchObject({ operation: 'instance.create', state: 'succeeded', progress: 100 });
    // stderr is not a terminal here: a plain line per change, ending at 100 %.
    expect(run.stderr).toMatch(new RegExp(`${job.id} instance\\.create: \\w+ +\\d+%`));
    expect(run.stderr).toMatch(/instance\.create: succeeded 100%\n$/);
    instanceId = job.resourceId;
    const shown = JSON.parse((await ecloud(['instance', 'show', instanceId, '--json'])).stdout);
    expect(shown.state).toBe('running');
  });

  it('lists instances in a table for people', async () => {
    const run = await ecloud(['instance', 'list']);
    expect(run.code).toBe(0);
    const [heading, ...rows] = run.stdout.trimEnd().split('\n');
    expect(heading).toMatch(/^ID +NAME +STATE +VCPUS +MEMORY_MIB +HOST$/);
    const row = rows.find((line) => line.startsWith(instanceId));
    expect(row).toMatch(new RegExp(`^${instanceId} +cli-vm-1 +running +2 +4096 +host-`));
  });

  it('stops the instance and waits until it is stopped', async () => {
    const run = await ecloud(['instance', 'stop', instanceId, '--wait']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`instance.stop succeeded: ${instanceId}`);
    expect(run.stderr).toMatch(/instance\.stop: succeeded 100%/);
    const shown = await ecloud(['instance', 'show', instanceId, '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: instanceId, name: 'cli-vm-1', state: 'stopped' });
  });

  it('exits 2 with the problem’s detail on stderr when the server refuses (an unknown id)', async () => {
    const run = await ecloud(['instance', 'show', 'vm-missing']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(await problemDetail(server.url, configHome, '/v1/instances/vm-missing'));
    expect(run.stderr).toContain('NOT_FOUND, HTTP 404');
  });

  it('exits 1 on a wrong command line, and when not logged in', async () => {
    const wrong = await ecloud(['instance', 'frobnicate']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("unknown command 'frobnicate'");
    const elsewhere = await runCli(['instance', 'list'], { XDG_CONFIG_HOME: join(configHome, 'nobody') });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('not logged in');
  });

  it('prints a bash completion script that completes commands and options', async () => {
    const run = await ecloud(['completion', 'bash']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('complete -F _ecloud ecloud');
    const script = join(configHome, 'ecloud.bash');
    await writeFile(script, run.stdout);
    expect(completeInBash(script, ['ecloud', 'instance', 'st'])).toEqual(['start', 'stop']);
    expect(completeInBash(script, ['ecloud', 'instance', 'list', '--st'])).toEqual(['--state']);
    expect(completeInBash(script, ['ecloud', 'au'])).toEqual(['audit']);
    expect(completeInBash(script, ['ecloud', 'audit', 'v'])).toEqual(['verify']);
    expect(completeInBash(script, ['ecloud', 'audit', 'list', '--cu'])).toEqual(['--cursor']);
  });

  it('lists the audit log and verifies its chain as auditadmin', async () => {
    const login = await ecloud(
      ['login', '--server', server.url, '-u', 'auditadmin', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(login.code, login.stderr).toBe(0);
    const page = await ecloud(['audit', 'list', '--limit', '3']);
    expect(page.code, page.stderr).toBe(0);
    const [heading, ...rows] = page.stdout.trimEnd().split('\n');
    expect(heading).toMatch(/^ *SEQ +AT +PRINCIPAL +ACTION +RESOURCE +OUTCOME +SCOPE$/);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(
      /^ *1 +\S+ +system demo-inventory +datacenter:create +datacenter dc-\S+ +succeeded +platform$/,
    );
    expect(page.stderr).toMatch(/more: --cursor \S+ \(or --all\)/);
    const all = await ecloud(['audit', 'list', '--all', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const records = JSON.parse(all.stdout).items as { seq: number; action: string; outcome: string }[];
    expect(records.map((record) => record.seq)).toEqual(records.map((_, i) => i + 1));
    expect(records).toContainEqual(
      expect.objectContaining({ action: 'instance:create', outcome: 'succeeded' }),
    );
    const verify = await ecloud(['audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^audit chain intact: \d+ records \(head: record \d+\)\n$/);
    const json = await ecloud(['audit', 'verify', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true });
  });

  it('exits 2, permission denied, when sysadmin reads or verifies the audit log', async () => {
    const login = await ecloud(
      ['login', '--server', server.url, '-u', 'sysadmin', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(login.code, login.stderr).toBe(0);
    for (const args of [
      ['audit', 'list'],
      ['audit', 'verify'],
    ]) {
      const run = await ecloud(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('PERMISSION_DENIED, HTTP 403');
    }
  });
});

/** The detail of the problem the server answers for `path`, asked for directly with the saved token. */
async function problemDetail(url: string, configHome: string, path: string): Promise<string> {
  const { token } = JSON.parse(await readFile(join(configHome, 'ecloud', 'config.json'), 'utf8'));
  const answer = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  return ((await answer.json()) as { detail: string }).detail;
}

/** What bash completes the last of `words` to, with the script loaded. */
function completeInBash(script: string, words: string[]): string[] {
  const line = `source '${script}'; COMP_WORDS=(${words.join(' ')}); COMP_CWORD=${words.length - 1}; _ecloud; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', line], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter(Boolean);
}
