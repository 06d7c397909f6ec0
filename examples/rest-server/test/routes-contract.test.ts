import { systemContext } from '@ecloud/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from './test-server.js';

// The conventions a client author relies on, route by route: status codes, problem documents, paging,
// ETag / If-Match, Idempotency-Key, 202 with the job, and 401 / 403 / 404 as the identity model has them.

const PROBLEM = 'application/problem+json';

describe('the REST API conventions', () => {
  let server: TestServer;
  const sys = systemContext('contract-test');

  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(() => server?.close());

  const expectProblem = (answer: LightMyRequestResponse, status: number, code: string) => {
    expect(answer.statusCode).toBe(status);
    expect(answer.headers['content-type']).toContain(PROBLEM);
    const body = answer.json();
    expect(body).toMatchObject({ status, code, type: `urn:ecloud:error:${code}` });
    expect(typeof body.detail).toBe('string');
    return body;
  };

  /** Follows a job at its Location to its end. */
  const finished = async (location: string, user = 'sysadmin') => {
    for (let i = 0; i < 200; i++) {
      const job = (await server.call(user, { method: 'GET', url: location })).json();
      if (['succeeded', 'failed', 'cancelled'].includes(job.state)) return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`job ${location} did not finish`);
  };

  const create = async (user: string, name: string, headers: Record<string, string> = {}) =>
    server.call(user, {
      method: 'POST',
      url: '/v1/instances',
      headers,
      payload: {
        name,
        tenantId: server.tenants.demo,
        offeringId: server.offeringId,
        imageId: server.imageId,
      },
    });

  it('creates an instance with 202, the job at Location, and the instance when the job is done', async () => {
    const answer = await create('demo-admin', 'web-1');
    expect(answer.statusCode).toBe(202);
    expect(answer.headers.location).toBe(`/v1/jobs/${answer.json().id}`);
    expect(answer.json()).toMatchObject({ operation: 'instance.create' });
    const job = await finished(String(answer.headers.location), 'demo-admin');
    expect(job.state).toBe('succeeded');
    // Jobs are answered as their public view: the core's internals stay out of every job body.
    const listed = await server.call('demo-admin', {
      method: 'GET',
      url: `/v1/jobs?resourceId=${job.resourceId}`,
    });
    for (const body of [answer.json(), job, ...listed.json().items]) {
      for (const internal of ['input', 'steps', 'ownerNode', 'idempotencyKey']) {
        expect(body).not.toHaveProperty(internal);
      }
    }
    expect(job).toMatchObject({
      id: answer.json().id,
      resourceType: 'instance',
      tenantId: server.tenants.demo,
      progress: 100,
      result: { instanceId: job.resourceId },
      error: null,
    });
    expect(listed.json().items).toEqual([job]);
    const vm = await server.call('demo-admin', { method: 'GET', url: `/v1/instances/${job.resourceId}` });
    expect(vm.statusCode).toBe(200);
    expect(vm.json()).toMatchObject({ name: 'web-1', state: 'running', tenantId: server.tenants.demo });
  });

  it('answers a retried create with the same job, and makes one instance (Idempotency-Key)', async () => {
    const before = (await server.cloud.instances.list(sys, { limit: 1000 })).items.length;
    const key = { 'idempotency-key': 'create-web-2-once' };
    const [first, second] = await Promise.all([
      create('demo-admin', 'web-2', key),
      create('demo-admin', 'web-2', key),
    ]);
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(202);
    expect(second.json().id).toBe(first.json().id);
    const third = await create('demo-admin', 'web-2', key);
    expect(third.json().id).toBe(first.json().id);
    await finished(String(first.headers.location), 'demo-admin');
    expect((await server.cloud.instances.list(sys, { limit: 1000 })).items.length).toBe(before + 1);
    expectProblem(await create('demo-admin', 'web-2-other', key), 400, 'INVALID_ARGUMENT');
  });

  it('keeps the first job of a key across a restart of the server (the core holds the key too)', async () => {
    const key = { 'idempotency-key': 'survives-restart' };
    const first = await create('demo-admin', 'web-r', key);
    expect(first.statusCode).toBe(202);
    // A second server over the same cloud has an empty key cache, as after a restart.
    const { buildServer } = await import('../src/server.js');
    const restarted = await buildServer({ cloud: server.cloud });
    try {
      const retry = await restarted.inject({
        method: 'POST',
        url: '/v1/instances',
        headers: { authorization: `Bearer ${server.tokens['demo-admin']}`, ...key },
        payload: {
          name: 'web-r',
          tenantId: server.tenants.demo,
          offeringId: server.offeringId,
          imageId: server.imageId,
        },
      });
      expect(retry.statusCode).toBe(202);
      expect(retry.json().id).toBe(first.json().id);
    } finally {
      await restarted.close();
    }
  });

  it('keeps one caller’s Idempotency-Key from answering another’s request', async () => {
    const key = { 'idempotency-key': 'shared-key' };
    const mine = await create('demo-admin', 'web-k', key);
    const theirs = await create('sysadmin', 'web-k', key);
    expect(theirs.statusCode).toBe(202);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('guards an update with ETag and If-Match: a stale tag is 412, the current one succeeds', async () => {
    const job = await finished(String((await create('demo-admin', 'web-3')).headers.location), 'demo-admin');
    const url = `/v1/instances/${job.resourceId}`;
    const read = await server.call('demo-admin', { method: 'GET', url });
    const etag = String(read.headers.etag);
    expect(etag).toMatch(/^".+\.\d+"$/);
    const renamed = await server.call('demo-admin', {
      method: 'PATCH',
      url,
      headers: { 'if-match': etag },
      payload: { name: 'web-3b' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('web-3b');
    expect(renamed.headers.etag).not.toBe(etag);
    const stale = await server.call('demo-admin', {
      method: 'PATCH',
      url,
      headers: { 'if-match': etag },
      payload: { name: 'web-3c' },
    });
    expect(expectProblem(stale, 412, 'CONFLICT').details.etag).toBe(renamed.headers.etag);
    expect((await server.call('demo-admin', { method: 'GET', url })).json().name).toBe('web-3b');
    // Checked in the update's own transaction: of two changes sent with the same tag at once, one lands.
    const current = String(renamed.headers.etag);
    const racing = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        server.call('demo-admin', {
          method: 'PATCH',
          url,
          headers: { 'if-match': current },
          payload: { name: `web-race-${i}` },
        }),
      ),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, ...Array(7).fill(412)]);
    const winner = racing.find((r) => r.statusCode === 200)?.json().name;
    expect((await server.call('demo-admin', { method: 'GET', url })).json().name).toBe(winner);
    // A tag of another record never matches.
    const foreign = await server.call('demo-admin', {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"vm-other.1"' },
      payload: { name: 'web-3f' },
    });
    expectProblem(foreign, 412, 'CONFLICT');
  });

  it('pages lists with limit and cursor, in a stable order, with a Link to the next page', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/v1/offerings?limit=1';
    while (url) {
      const page: LightMyRequestResponse = await server.call('sysadmin', { method: 'GET', url });
      expect(page.statusCode).toBe(200);
      const body = page.json();
      expect(body.items.length).toBeLessThanOrEqual(1);
      seen.push(...body.items.map((o: { id: string }) => o.id));
      const link = page.headers.link as string | undefined;
      if (body.nextCursor) expect(link).toBe(`</v1/offerings?limit=1&cursor=${body.nextCursor}>; rel="next"`);
      url = link ? /<([^>]+)>/.exec(link)?.[1] : undefined;
    }
    const all = (await server.cloud.offerings.list(sys)).items.map((o) => o.id);
    expect(seen).toEqual(all);
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it('filters lists by state and refuses unknown query parameters', async () => {
    const running = await server.call('sysadmin', {
      method: 'GET',
      url: '/v1/instances?state=running&limit=1000',
    });
    expect(running.statusCode).toBe(200);
    expect(running.json().items.every((i: { state: string }) => i.state === 'running')).toBe(true);
    expectProblem(
      await server.call('sysadmin', { method: 'GET', url: '/v1/instances?colour=blue' }),
      400,
      'INVALID_ARGUMENT',
    );
    expectProblem(
      await server.call('sysadmin', { method: 'GET', url: '/v1/instances?limit=0' }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('tells 401 (no caller) from 403 (not permitted) from 404 (not visible)', async () => {
    const anonymous = await server.call(undefined, { method: 'GET', url: '/v1/instances' });
    expectProblem(anonymous, 401, 'UNAUTHENTICATED');
    expect(anonymous.headers['www-authenticate']).toBe('Bearer, ECLOUD1-HMAC-SHA256');
    expectProblem(
      await server.call(undefined, {
        method: 'GET',
        url: '/v1/instances',
        headers: { authorization: 'Bearer nope' },
      }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await server.call('auditadmin', { method: 'POST', url: '/v1/datacenters', payload: { name: 'dc-x' } }),
      403,
      'PERMISSION_DENIED',
    );
    const job = await finished(String((await create('demo-admin', 'web-4')).headers.location), 'demo-admin');
    const foreign = await server.call('other-admin', {
      method: 'GET',
      url: `/v1/instances/${job.resourceId}`,
    });
    expectProblem(foreign, 404, 'NOT_FOUND');
  });

  it('answers every failure as a problem document: bad JSON, unknown routes, invalid bodies, too large', async () => {
    expectProblem(
      await server.call('sysadmin', {
        method: 'POST',
        url: '/v1/datacenters',
        headers: { 'content-type': 'application/json' },
        payload: '{"name": ',
      }),
      400,
      'INVALID_ARGUMENT',
    );
    expectProblem(
      await server.call('sysadmin', { method: 'GET', url: '/v1/nothing-here' }),
      404,
      'NOT_FOUND',
    );
    const invalid = expectProblem(
      await server.call('sysadmin', {
        method: 'POST',
        url: '/v1/offerings',
        payload: { name: 'x', vcpus: -1 },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(JSON.stringify(invalid.details)).toContain('vcpus');
    expectProblem(
      await server.call('sysadmin', {
        method: 'POST',
        url: '/v1/datacenters',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      }),
      413,
      'INVALID_ARGUMENT',
    );
  });

  it('runs actions as jobs and refuses what the state does not allow with 409', async () => {
    const job = await finished(String((await create('demo-admin', 'web-5')).headers.location), 'demo-admin');
    const url = `/v1/instances/${job.resourceId}`;
    const stop = await server.call('demo-admin', {
      method: 'POST',
      url: `${url}/stop`,
      payload: { force: true },
    });
    expect(stop.statusCode).toBe(202);
    expect((await finished(String(stop.headers.location), 'demo-admin')).state).toBe('succeeded');
    expect((await server.call('demo-admin', { method: 'GET', url })).json().state).toBe('stopped');
    expectProblem(
      await server.call('demo-admin', { method: 'POST', url: `${url}/reboot` }),
      409,
      'ILLEGAL_STATE',
    );
    const deleting = await server.call('demo-admin', { method: 'DELETE', url });
    expect(deleting.statusCode).toBe(202);
    expect((await finished(String(deleting.headers.location), 'demo-admin')).state).toBe('succeeded');
  });

  it('limits requests per caller with 429 and a problem document', async () => {
    const limited = await testServer({ rateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await limited.call('sysadmin', { method: 'GET', url: '/v1/offerings' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expectProblem(
        await limited.call('sysadmin', { method: 'GET', url: '/v1/offerings' }),
        429,
        'RATE_LIMITED',
      );
      // Another caller has its own budget.
      expect((await limited.call('secadmin', { method: 'GET', url: '/v1/offerings' })).statusCode).not.toBe(
        429,
      );
    } finally {
      await limited.close();
    }
  });

  it('reports health, readiness and Prometheus metrics', async () => {
    expect((await server.call(undefined, { method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
    });
    expect((await server.call(undefined, { method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const metrics = await server.call(undefined, { method: 'GET', url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(
      /ecloud_http_requests_total\{method="GET",route="\/v1\/instances\/:id",status="200"\} \d+/,
    );
    expect(metrics.body).toContain('ecloud_http_request_duration_seconds_bucket');
  });

  it('manages users and grants as the security administrator, and nobody else', async () => {
    const user = await server.call('secadmin', {
      method: 'POST',
      url: '/v1/users',
      payload: { kind: 'user', name: 'carol', password: 'Tulip-Garden-42!' },
    });
    expect(user.statusCode, user.body).toBe(201);
    expect(user.json()).not.toHaveProperty('password');
    expect(JSON.stringify(user.json())).not.toContain('Tulip-Garden-42!');
    const grant = await server.call('secadmin', {
      method: 'POST',
      url: '/v1/bindings',
      payload: {
        principalId: user.json().id,
        roleId: 'role-tenant-member',
        scope: { kind: 'tenant', id: server.tenants.demo },
      },
    });
    expect(grant.statusCode).toBe(201);
    const mine = await server.call('secadmin', {
      method: 'GET',
      url: `/v1/bindings?principalId=${user.json().id}`,
    });
    expect(mine.json().items.map((b: { id: string }) => b.id)).toEqual([grant.json().id]);
    expectProblem(
      await server.call('sysadmin', {
        method: 'POST',
        url: '/v1/users',
        payload: { kind: 'user', name: 'mallory' },
      }),
      403,
      'PERMISSION_DENIED',
    );
    const carol = await server.call(undefined, {
      method: 'POST',
      url: '/v1/auth/tokens',
      payload: { username: 'carol', password: 'Tulip-Garden-42!' },
    });
    expect(carol.statusCode).toBe(201);
    expect(
      (await server.call('secadmin', { method: 'DELETE', url: `/v1/bindings/${grant.json().id}` }))
        .statusCode,
    ).toBe(204);
    expect(
      (
        await server.call('secadmin', { method: 'GET', url: `/v1/bindings?principalId=${user.json().id}` })
      ).json().items,
    ).toEqual([]);
  });

  it('lets the audit administrator read and verify the audit log, which records the API’s changes', async () => {
    expectProblem(
      await server.call('sysadmin', { method: 'GET', url: '/v1/audit' }),
      403,
      'PERMISSION_DENIED',
    );
    const records: { action?: string; operation?: string }[] = [];
    let url: string | undefined = '/v1/audit?limit=1000';
    while (url) {
      const page: LightMyRequestResponse = await server.call('auditadmin', { method: 'GET', url });
      expect(page.statusCode).toBe(200);
      records.push(...page.json().items);
      url = page.json().nextCursor ? `/v1/audit?limit=1000&cursor=${page.json().nextCursor}` : undefined;
    }
    expect(JSON.stringify(records)).toContain('instance:create');
    const verified = await server.call('auditadmin', { method: 'POST', url: '/v1/audit/verify' });
    expect(verified.statusCode).toBe(200);
    // Reading the log is itself recorded, so the chain has grown since the pages were read.
    expect(verified.json().ok).toBe(true);
    expect(verified.json().records).toBeGreaterThanOrEqual(records.length);
  });
});
