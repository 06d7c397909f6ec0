import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/index.js';
import { mockServer, runInProcess } from './run-in-process.js';

const JSON_REPLY = { headers: { 'content-type': 'application/json' } };

function job(state: string, progress: number, error: unknown = null) {
  return {
    id: 'job-1',
    operation: 'instance.start',
    state,
    progress,
    resourceType: 'instance',
    resourceId: 'vm-1',
    error,
    cancelRequested: false,
  };
}

describe('exit codes', () => {
  let server: ReturnType<typeof mockServer>;
  beforeEach(() => {
    server = mockServer();
  });
  afterEach(() => server.restore());

  it('is 4 when the job of a --wait fails, with the job’s error on stderr', async () => {
    server.pool
      .intercept({ path: '/v1/instances/vm-1/start', method: 'POST' })
      .reply(202, job('running', 0), JSON_REPLY);
    const failure = {
      type: 'urn:ecloud:error:DRIVER_FAILURE',
      title: 'The hypervisor driver reported a failure.',
      status: 502,
      detail: 'The hypervisor said no.',
      code: 'DRIVER_FAILURE',
      retryable: false,
    };
    server.pool
      .intercept({ path: '/v1/jobs/job-1', method: 'GET' })
      .reply(200, job('failed', 30, failure), JSON_REPLY);
    const run = await runInProcess(['instance', 'start', 'vm-1', '--wait']);
    expect(run.code).toBe(EXIT_CODES.jobFailed);
    expect(run.stderr).toContain('The hypervisor said no.');
    expect(run.stderr).toContain('job-1 instance.start: running   0%');
    expect(run.stderr).toContain('job-1 instance.start: failed  30%');
  });

  it('is 5 when the wait runs out, and 5 when the job was cancelled', async () => {
    server.pool
      .intercept({ path: '/v1/jobs/job-1', method: 'GET' })
      .reply(200, job('running', 40), JSON_REPLY)
      .persist();
    const late = await runInProcess(['job', 'wait', 'job-1', '--timeout', '0.3']);
    expect(late.code).toBe(EXIT_CODES.jobNotFinished);
    expect(late.stderr).toMatch(/had not finished/);

    const other = mockServer();
    other.pool
      .intercept({ path: '/v1/jobs/job-1', method: 'GET' })
      .reply(200, job('cancelled', 40), JSON_REPLY)
      .persist();
    const cancelled = await runInProcess(['job', 'wait', 'job-1']);
    expect(cancelled.code).toBe(EXIT_CODES.jobNotFinished);
    expect(cancelled.stderr).toContain('was cancelled');
    other.restore();
  });

  it('is 3 when the server fails (5xx) or cannot be reached, 2 when it refuses (4xx)', async () => {
    server.pool.intercept({ path: '/v1/hosts', method: 'GET' }).reply(500, '<html>oops</html>').times(3);
    const failed = await runInProcess(['host', 'list']);
    expect(failed.code).toBe(EXIT_CODES.unavailable);
    expect(failed.stderr).toContain('HTTP_ERROR, HTTP 500');

    server.pool
      .intercept({ path: '/v1/volumes', method: 'GET' })
      .replyWithError(new Error('ECONNRESET'))
      .times(3);
    expect((await runInProcess(['volume', 'list'])).code).toBe(EXIT_CODES.unavailable);

    const problem = { code: 'PERMISSION_DENIED', status: 403, detail: 'Not yours.', retryable: false };
    server.pool.intercept({ path: '/v1/hosts/host-1', method: 'GET' }).reply(403, problem, JSON_REPLY);
    const refused = await runInProcess(['host', 'show', 'host-1']);
    expect(refused.code).toBe(EXIT_CODES.apiError);
    expect(refused.stderr).toBe('error: Not yours. (PERMISSION_DENIED, HTTP 403)\n');
  });

  it('is 0 when the audit log verifies and 4 when it does not, with what was found on stderr', async () => {
    server.pool
      .intercept({ path: '/v1/audit/verify', method: 'POST' })
      .reply(200, { ok: true, records: 12, head: { seq: 12, hash: 'a'.repeat(64) } }, JSON_REPLY);
    const intact = await runInProcess(['audit', 'verify']);
    expect(intact.code).toBe(EXIT_CODES.ok);
    expect(intact.stdout).toBe('audit chain intact: 12 records (head: record 12)\n');
    const broken = {
      ok: false,
      records: 3,
      problem: { kind: 'edited', seq: 4, message: 'Record 4 changed.' },
    };
    server.pool.intercept({ path: '/v1/audit/verify', method: 'POST' }).reply(200, broken, JSON_REPLY);
    const tampered = await runInProcess(['audit', 'verify', '--json']);
    expect(tampered.code).toBe(EXIT_CODES.jobFailed);
    expect(JSON.parse(tampered.stdout)).toEqual(broken);
    expect(tampered.stderr).toBe(
      'error: the audit log does not verify: edited at record 4: Record 4 changed.\n',
    );
  });

  it('is 1 for a usage error, 0 for --help', async () => {
    const missing = await runInProcess(['instance', 'create', 'web-1']);
    expect(missing.code).toBe(EXIT_CODES.usage);
    expect(missing.stderr).toContain("required option '--offering <name-or-id>' not specified");
    const help = await runInProcess(['--help']);
    expect(help.code).toBe(EXIT_CODES.ok);
    expect(help.stdout).toContain('Exit codes:');
    const unknownShell = await runInProcess(['completion', 'fish']);
    expect(unknownShell.code).toBe(EXIT_CODES.usage);
  });
});
