import { describe, expect, it } from 'vitest';
import { EcloudApiError } from '../src/index.js';
import { header, JSON_REPLY, job, mockApi, PROBLEM_REPLY, problem } from './mock-api.js';

const CREATE = { name: 'web-1', tenantId: 'tnt-1', offeringId: 'off-1', imageId: 'img-1' };
const UNAVAILABLE = problem(503, 'STORE_FAILURE', 'The store is busy.', { retryable: true });

describe('Idempotency-Key and retries', () => {
  it('sends the same key again when a create is retried after a retryable problem', async () => {
    const { client, pool, calls } = mockApi();
    pool.intercept({ path: '/v1/instances', method: 'POST' }).reply(503, UNAVAILABLE, PROBLEM_REPLY);
    pool.intercept({ path: '/v1/instances', method: 'POST' }).reply(202, job(), JSON_REPLY);
    const accepted = await client.instances.create(CREATE);
    expect(accepted.id).toBe('job-1');
    const keys = calls().map((call) => header(call, 'idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(calls().map((call) => JSON.parse(String(call.body)))).toEqual([CREATE, CREATE]);
  });

  it('sends the same key again after a lost connection', async () => {
    const { client, pool, calls } = mockApi();
    pool
      .intercept({ path: '/v1/instances/vm-1/start', method: 'POST' })
      .replyWithError(new Error('socket hang up'));
    pool.intercept({ path: '/v1/instances/vm-1/start', method: 'POST' }).reply(202, job(), JSON_REPLY);
    await client.instances.start('vm-1');
    const [first, second] = calls().map((call) => header(call, 'idempotency-key'));
    expect(first).toBeDefined();
    expect(second).toBe(first);
  });

  it('makes a new key for every call, and uses the caller’s own when given', async () => {
    const { client, pool, calls } = mockApi();
    pool.intercept({ path: '/v1/instances', method: 'POST' }).reply(202, job(), JSON_REPLY).times(3);
    await client.instances.create(CREATE);
    await client.instances.create(CREATE);
    await client.instances.create(CREATE, { idempotencyKey: 'order-42' });
    const keys = calls().map((call) => header(call, 'idempotency-key'));
    expect(new Set(keys).size).toBe(3);
    expect(keys[2]).toBe('order-42');
  });

  it('does not retry what is unsafe to repeat (DELETE) or refused for good (a 409)', async () => {
    const { client, pool, calls } = mockApi();
    pool.intercept({ path: '/v1/instances/vm-1', method: 'DELETE' }).reply(503, UNAVAILABLE, PROBLEM_REPLY);
    pool
      .intercept({ path: '/v1/instances/vm-1/reboot', method: 'POST' })
      .reply(409, problem(409, 'ILLEGAL_STATE', 'vm-1 is stopped'), PROBLEM_REPLY);
    await expect(client.instances.delete('vm-1')).rejects.toMatchObject({
      code: 'STORE_FAILURE',
      status: 503,
    });
    await expect(client.instances.reboot('vm-1')).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
      status: 409,
    });
    expect(calls()).toHaveLength(2);
    expect(header(calls()[0], 'idempotency-key')).toBeUndefined();
  });

  it('honours Retry-After within its limit, and gives a longer one back to the caller', async () => {
    const { client, pool, calls } = mockApi({ retry: { minDelayMs: 1, maxDelayMs: 1000 } });
    const limited = problem(429, 'RATE_LIMITED', 'Slow down.', { retryable: true });
    pool
      .intercept({ path: '/v1/jobs', method: 'GET' })
      .reply(429, limited, { headers: { 'retry-after': '0' } });
    pool.intercept({ path: '/v1/jobs', method: 'GET' }).reply(200, { items: [] }, JSON_REPLY);
    await expect(client.jobs.list()).resolves.toEqual({ items: [] });
    pool
      .intercept({ path: '/v1/jobs', method: 'GET' })
      .reply(429, limited, { headers: { 'retry-after': '60' } });
    const error = await client.jobs.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcloudApiError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 60_000 });
    expect(calls()).toHaveLength(3);
  });
});
