import { describe, expect, it } from 'vitest';
import { EcloudApiError } from '../src/index.js';
import { header, JSON_REPLY, mockApi, PROBLEM_REPLY, problem } from './mock-api.js';

/** The error `promise` rejects with; fails the test when it resolves. */
async function failureOf(promise: Promise<unknown>): Promise<EcloudApiError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(EcloudApiError);
  return outcome as EcloudApiError;
}

describe('errors of the API', () => {
  it('turns a problem document into an EcloudApiError with its fields', async () => {
    const { client, pool } = mockApi();
    pool
      .intercept({ path: '/v1/instances/vm-404', method: 'GET' })
      .reply(
        404,
        problem(404, 'NOT_FOUND', 'Instance vm-404 does not exist.', { details: { id: 'vm-404' } }),
        PROBLEM_REPLY,
      );
    const error = await failureOf(client.instances.get('vm-404'));
    expect(error).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      detail: 'Instance vm-404 does not exist.',
      message: 'Instance vm-404 does not exist.',
      retryable: false,
      details: { id: 'vm-404' },
    });
    expect(EcloudApiError.is(error, 'NOT_FOUND')).toBe(true);
    expect(EcloudApiError.is(error, 'CONFLICT')).toBe(false);
  });

  it('recognises an error of another copy of the package by its brand', () => {
    const foreign = Object.defineProperty(new Error('elsewhere'), Symbol.for('ecloud.api-error'), {
      value: true,
    });
    expect(foreign).toBeInstanceOf(EcloudApiError);
    expect(new Error('plain')).not.toBeInstanceOf(EcloudApiError);
    expect(null).not.toBeInstanceOf(EcloudApiError);
  });

  it.each([
    [
      'an HTML page from a proxy',
      502,
      '<html><body>Bad gateway</body></html>',
      { 'content-type': 'text/html' },
    ],
    ['an empty body', 500, '', {}],
    ['truncated JSON', 500, '{"code": "INTERN', PROBLEM_REPLY.headers],
    ['a JSON array', 400, '[1, 2]', JSON_REPLY.headers],
    ['JSON without a code', 403, '{"message": "nope"}', JSON_REPLY.headers],
    ['JSON null', 409, 'null', JSON_REPLY.headers],
  ])('never crashes on an error answer that is not a problem: %s', async (_case, status, body, headers) => {
    const { client, pool } = mockApi({ retry: { maxAttempts: 1 } });
    pool.intercept({ path: '/v1/hosts', method: 'GET' }).reply(status, body, { headers });
    const error = await failureOf(client.hosts.list());
    expect(error.status).toBe(status);
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.detail).toContain(String(status));
    expect(error.retryable).toBe(status === 502);
    if (body.trim() !== '') expect(error.details.body).toBe(body.trim());
  });

  it('reports a success answer whose body is not JSON as HTTP_ERROR', async () => {
    const { client, pool } = mockApi();
    pool.intercept({ path: '/v1/jobs/job-1', method: 'GET' }).reply(200, 'not json', JSON_REPLY);
    const error = await failureOf(client.jobs.get('job-1'));
    expect(error).toMatchObject({ status: 200, code: 'HTTP_ERROR', retryable: false });
  });

  it('reports no answer as NETWORK_ERROR with status 0, after the retries a read gets', async () => {
    const { client, pool, calls } = mockApi();
    pool
      .intercept({ path: '/v1/volumes', method: 'GET' })
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
      .times(3);
    const error = await failureOf(client.volumes.list());
    expect(error).toMatchObject({
      status: 0,
      code: 'NETWORK_ERROR',
      retryable: true,
      details: { cause: 'ECONNREFUSED' },
    });
    expect(calls()).toHaveLength(3);
  });

  it('gives up on a slow answer after timeoutMs with TIMEOUT', async () => {
    const { client, pool } = mockApi({ timeoutMs: 20, retry: { maxAttempts: 1 } });
    pool.intercept({ path: '/v1/images', method: 'GET' }).reply(200, { items: [] }, JSON_REPLY).delay(500);
    const error = await failureOf(client.images.list());
    expect(error).toMatchObject({ status: 0, code: 'TIMEOUT', retryable: true });
  });

  it('fails with CANCELLED, not retried, when the caller aborts', async () => {
    const { client, pool, calls } = mockApi();
    pool.intercept({ path: '/v1/offerings', method: 'GET' }).reply(200, { items: [] }, JSON_REPLY).delay(500);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user pressed ^C')), 10);
    const error = await failureOf(client.offerings.list({}, { signal: controller.signal }));
    expect(error).toMatchObject({ status: 0, code: 'CANCELLED', retryable: false });
    expect(calls()).toHaveLength(1);
  });

  it('sends the bearer token, and logs in without one, keeping the token it gets', async () => {
    const { client, pool, calls } = mockApi({ token: undefined });
    pool
      .intercept({ path: '/v1/auth/tokens', method: 'POST' })
      .reply(201, { token: 'tok-2', expiresAt: '2030-01-01T00:00:00Z', principalId: 'prn-1' }, JSON_REPLY);
    pool.intercept({ path: '/v1/instances', method: 'GET' }).reply(200, { items: [] }, JSON_REPLY);
    const token = await client.login('sysadmin', 'pw');
    expect(token.principalId).toBe('prn-1');
    await client.instances.list();
    const [login, list] = calls();
    expect(header(login, 'authorization')).toBeUndefined();
    expect(header(login, 'idempotency-key')).toBeUndefined();
    expect(JSON.parse(String(login?.body))).toEqual({ username: 'sysadmin', password: 'pw' });
    expect(header(list, 'authorization')).toBe('Bearer tok-2');
    expect(client.token).toBe('tok-2');
  });

  it('sends If-Match from an entity tag or from the record as read, and a 412 comes back as CONFLICT', async () => {
    const { client, pool, calls } = mockApi();
    pool
      .intercept({ path: '/v1/instances/vm-1', method: 'PATCH' })
      .reply(
        412,
        problem(412, 'CONFLICT', 'vm-1 has changed', { details: { reason: 'precondition-failed' } }),
        PROBLEM_REPLY,
      );
    pool.intercept({ path: '/v1/instances/vm-1', method: 'PATCH' }).reply(200, { id: 'vm-1' }, JSON_REPLY);
    const error = await failureOf(
      client.instances.update('vm-1', { name: 'b' }, { ifMatch: { id: 'vm-1', version: 3 } }),
    );
    expect(error).toMatchObject({
      status: 412,
      code: 'CONFLICT',
      details: { reason: 'precondition-failed' },
    });
    await client.instances.update('vm-1', { name: 'b' }, { ifMatch: '"vm-1.4"' });
    expect(calls().map((call) => header(call, 'if-match'))).toEqual(['"vm-1.3"', '"vm-1.4"']);
    expect(calls()).toHaveLength(2); // a PATCH is never sent twice on its own
  });

  it('encodes ids into one path segment', async () => {
    const { client, pool, calls } = mockApi();
    pool.intercept({ path: '/v1/instances/..%2Fhosts', method: 'GET' }).reply(200, { id: 'x' }, JSON_REPLY);
    await client.instances.get('../hosts');
    expect(calls()[0]?.path).toBe('/v1/instances/..%2Fhosts');
  });
});
