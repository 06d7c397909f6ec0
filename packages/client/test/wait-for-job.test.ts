import { describe, expect, it } from 'vitest';
import { EcloudApiError, EcloudJobError, type Job } from '../src/index.js';
import { JSON_REPLY, job, mockApi, PROBLEM_REPLY, problem } from './mock-api.js';

const FAST = { minDelayMs: 1, maxDelayMs: 5 };

/** Scripts GET /v1/jobs/job-1 to answer `states` in turn. */
function jobAnswers(pool: ReturnType<typeof mockApi>['pool'], states: Partial<Job>[]) {
  for (const fields of states) {
    pool.intercept({ path: '/v1/jobs/job-1', method: 'GET' }).reply(200, job(fields), JSON_REPLY);
  }
}

async function jobErrorOf(promise: Promise<unknown>): Promise<EcloudJobError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(EcloudJobError);
  return outcome as EcloudJobError;
}

describe('waitForJob', () => {
  it('resolves with the job when it succeeds, reporting each change of progress once', async () => {
    const { client, pool } = mockApi();
    jobAnswers(pool, [
      { progress: 10 },
      { progress: 10 },
      { progress: 60 },
      { state: 'succeeded', progress: 100, result: { instanceId: 'vm-1' } },
    ]);
    const seen: string[] = [];
    const done = await client.waitForJob('job-1', {
      ...FAST,
      onProgress: (j) => seen.push(`${j.state}:${j.progress}`),
    });
    expect(done.result).toEqual({ instanceId: 'vm-1' });
    expect(seen).toEqual(['running:10', 'running:60', 'succeeded:100']);
  });

  it('throws when the job fails, with the job’s error code and facts', async () => {
    const { client, pool } = mockApi();
    const error = {
      ...problem(503, 'INSUFFICIENT_CAPACITY', 'No host fits.'),
      code: 'INSUFFICIENT_CAPACITY' as const,
      details: { hosts: 8 },
    };
    jobAnswers(pool, [{ progress: 20 }, { state: 'failed', progress: 20, error }]);
    const failure = await jobErrorOf(client.waitForJob('job-1', FAST));
    expect(failure).toMatchObject({
      reason: 'failed',
      jobId: 'job-1',
      code: 'INSUFFICIENT_CAPACITY',
      details: { hosts: 8 },
    });
    expect(failure.message).toContain('No host fits.');
    expect(failure.job?.state).toBe('failed');
  });

  it('throws when the job is cancelled', async () => {
    const { client, pool } = mockApi();
    jobAnswers(pool, [{ state: 'cancelled', progress: 40 }]);
    const failure = await jobErrorOf(client.waitForJob('job-1', FAST));
    expect(failure).toMatchObject({ reason: 'cancelled', code: 'CANCELLED' });
  });

  it('throws a timeout once maxWaitTime has passed, polling once more at the deadline', async () => {
    const { client, pool, calls } = mockApi();
    pool
      .intercept({ path: '/v1/jobs/job-1', method: 'GET' })
      .reply(200, job({ progress: 5 }), JSON_REPLY)
      .persist();
    const started = Date.now();
    const failure = await jobErrorOf(
      client.waitForJob('job-1', { ...FAST, maxDelayMs: 20, maxWaitTime: 80 }),
    );
    expect(failure).toMatchObject({ reason: 'timeout', code: 'TIMEOUT' });
    expect(failure.job?.progress).toBe(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls().length).toBeGreaterThan(2);
  });

  it('throws at once when its signal aborts, between polls or during one', async () => {
    const { client, pool } = mockApi();
    pool.intercept({ path: '/v1/jobs/job-1', method: 'GET' }).reply(200, job(), JSON_REPLY).persist();
    const between = new AbortController();
    setTimeout(() => between.abort(), 30);
    const started = Date.now();
    const failure = await jobErrorOf(
      client.waitForJob('job-1', { signal: between.signal, minDelayMs: 10_000 }),
    );
    expect(failure.reason).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1000);

    const slow = mockApi();
    slow.pool.intercept({ path: '/v1/jobs/job-1', method: 'GET' }).reply(200, job(), JSON_REPLY).delay(5000);
    const during = new AbortController();
    setTimeout(() => during.abort(), 30);
    expect((await jobErrorOf(slow.client.waitForJob('job-1', { signal: during.signal }))).reason).toBe(
      'aborted',
    );
  });

  it('keeps polling through a retryable failure, and throws one that is not', async () => {
    const { client, pool } = mockApi({ retry: { maxAttempts: 1 } });
    pool.intercept({ path: '/v1/jobs/job-1', method: 'GET' }).reply(503, '<html>restarting</html>');
    jobAnswers(pool, [{ state: 'succeeded', progress: 100 }]);
    await expect(client.waitForJob('job-1', FAST)).resolves.toMatchObject({ state: 'succeeded' });

    pool
      .intercept({ path: '/v1/jobs/job-1', method: 'GET' })
      .reply(404, problem(404, 'NOT_FOUND', 'Job job-1 does not exist.'), PROBLEM_REPLY);
    const error = await client.waitForJob('job-1', FAST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcloudApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('recognises a job error of another copy of the package by its brand', () => {
    const foreign = Object.defineProperty(new Error('elsewhere'), Symbol.for('ecloud.job-error'), {
      value: true,
    });
    expect(foreign).toBeInstanceOf(EcloudJobError);
    expect(foreign).not.toBeInstanceOf(EcloudApiError);
  });
});
