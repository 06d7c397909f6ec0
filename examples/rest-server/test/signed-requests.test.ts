// API-key signed requests at the HTTP edge: a service account's key made through the core, requests
// signed with core's own signRequest (the reference), sent to the server, and tampered with.

import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { EcloudApiError, EcloudClient } from '@ecloud/client';
import {
  type Cloud,
  createCloud,
  createMemoryStore,
  type IssuedApiKey,
  sha256Hex,
  signRequest,
  systemContext,
} from '@ecloud/core';
import { simulator } from '@ecloud/core/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmins } from '../src/bootstrap-admins.js';
import { seedDemoInventory } from '../src/demo-inventory.js';
import { buildServer } from '../src/server.js';

const sys = systemContext('signed-requests-test');
const PASSWORD = 'Test-passw0rd!';

let cloud: Cloud;
let app: FastifyInstance;
let key: IssuedApiKey;
let robotId: string;
let demo: string;
let url: string;
let other: string;
let create: { name: string; tenantId: string; offeringId: string; imageId: string };

/** What to sign, and how; each field can be set apart from what is then sent, to tamper. */
interface Signing {
  readonly method: string;
  readonly url: string;
  readonly body?: string;
  readonly keyId?: string;
  readonly secret?: string;
  readonly timestamp?: number | string;
  readonly nonce?: string;
}

/** The `Authorization` header of a request signed as the documented scheme says, by core's signRequest. */
function authorization(signing: Signing): string {
  const [path = '', query = ''] = signing.url.split('?');
  const keyId = signing.keyId ?? key.keyId;
  const nonce = signing.nonce ?? randomUUID().replaceAll('-', '');
  const timestamp = signing.timestamp ?? Date.now();
  const signature = signRequest(Buffer.from(signing.secret ?? key.secret, 'base64url'), {
    method: signing.method,
    path,
    query: new URLSearchParams(query),
    bodySha256: sha256Hex(signing.body ?? ''),
    keyId,
    nonce,
    timestamp,
  });
  return `ECLOUD1-HMAC-SHA256 Credential=${keyId}, Nonce=${nonce}, Timestamp=${timestamp}, Signature=${signature}`;
}

/** Sends a request with the given Authorization (the body raw, as JSON). */
function send(
  method: string,
  url: string,
  auth: string | undefined,
  body?: string,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: method as 'GET',
    url,
    headers: {
      ...(auth === undefined ? {} : { authorization: auth }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: body }),
  });
}

/** Writes `text` to the listening server as it is, and reads the answer to the end. */
function rawRequest(text: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.end(text);
  });
}

/** Signs and sends the same request. */
function signed(signing: Signing): Promise<LightMyRequestResponse> {
  return send(signing.method, signing.url, authorization(signing), signing.body);
}

/** Expects a 401 problem with the given reason. */
function expectRefused(answer: LightMyRequestResponse, reason: string) {
  expect(answer.statusCode, answer.body).toBe(401);
  expect(answer.headers['content-type']).toContain('application/problem+json');
  const problem = answer.json();
  expect(problem).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', details: { reason } });
  return problem;
}

beforeAll(async () => {
  cloud = await createCloud({
    store: createMemoryStore(),
    drivers: [simulator({ name: 'sim', hypervisor: 'kvm', hosts: { count: 4 } })],
    nodeId: 'signed-test',
    ha: { enabled: false },
    identity: { apiKeyEncryptionKey: randomBytes(32) },
  });
  await seedDemoInventory(cloud, 'sim');
  await bootstrapAdmins(cloud, PASSWORD);
  demo = (await cloud.tenants.list(sys)).items[0]?.id ?? '';
  other = (await cloud.tenants.create(sys, { name: 'other' })).id;
  const robot = await cloud.identity.principals.create(sys, { kind: 'serviceAccount', name: 'ci-robot' });
  robotId = robot.id;
  await cloud.identity.bindings.grant(sys, {
    principalId: robot.id,
    roleId: 'role-tenant-admin',
    scope: { kind: 'tenant', id: demo },
  });
  key = await cloud.identity.apiKeys.create(sys, robot.id);
  create = {
    name: 'signed-vm',
    tenantId: demo,
    offeringId: (await cloud.offerings.list(sys)).items.find((o) => o.name === 'small')?.id ?? '',
    imageId: (await cloud.images.list(sys)).items[0]?.id ?? '',
  };
  app = await buildServer({ cloud, rateLimitPerMinute: 1_000_000 });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  await cloud?.close();
});

describe('API-key signed requests', () => {
  it('accepts a signed GET as the service account, with its own rights', async () => {
    const mine = await signed({ method: 'GET', url: `/v1/instances?tenantId=${demo}&limit=5` });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toHaveProperty('items');
    // The account is bound on the demo tenant only: another tenant is not visible to it.
    const foreign = await signed({ method: 'GET', url: `/v1/instances?tenantId=${other}` });
    expect(foreign.statusCode).toBe(404);
  });

  it('accepts a signed POST with a body, and the change is recorded as the service account’s', async () => {
    const body = JSON.stringify(create);
    const answer = await signed({ method: 'POST', url: '/v1/instances', body });
    expect(answer.statusCode, answer.body).toBe(202);
    const jobId = answer.json().id as string;
    const records = (await cloud.audit.list(sys, { limit: 1000 })).items;
    const record = records.find((r) => r.action === 'instance:create' && r.outcome === 'succeeded');
    expect(record?.principal).toEqual({ id: robotId, type: 'service' });
    expect(record?.source).toMatchObject({ ip: '127.0.0.1' });
    expect((await cloud.jobs.get(sys, jobId)).tenantId).toBe(demo);
  });

  it('accepts the documented alternatives: quoted values, any-case names, an ISO 8601 timestamp', async () => {
    const header = authorization({ method: 'GET', url: '/v1/offerings', timestamp: new Date().toISOString() })
      .replace('Credential=', 'credential=')
      .replace(/Nonce=(\S+),/, 'NONCE="$1",');
    const answer = await send('GET', '/v1/offerings', header);
    expect(answer.statusCode, answer.body).toBe(200);
  });

  it('refuses a changed body, path, query or method: the signature no longer matches', async () => {
    const body = JSON.stringify({ ...create, name: 'a' });
    const changedBody = await send(
      'POST',
      '/v1/instances',
      authorization({ method: 'POST', url: '/v1/instances', body }),
      JSON.stringify({ ...create, name: 'b' }),
    );
    expectRefused(changedBody, 'signature');
    // The same bytes with one added space: still another body.
    expectRefused(
      await send(
        'POST',
        '/v1/instances',
        authorization({ method: 'POST', url: '/v1/instances', body }),
        `${body} `,
      ),
      'signature',
    );
    const path = await send('GET', '/v1/volumes', authorization({ method: 'GET', url: '/v1/instances' }));
    expectRefused(path, 'signature');
    const query = await send(
      'GET',
      `/v1/instances?tenantId=${other}`,
      authorization({ method: 'GET', url: `/v1/instances?tenantId=${demo}` }),
    );
    expectRefused(query, 'signature');
    const instances = (await cloud.instances.list(sys, { tenantId: demo })).items;
    const target = instances[0]?.id ?? 'none';
    const method = await send(
      'DELETE',
      `/v1/instances/${target}`,
      authorization({ method: 'GET', url: `/v1/instances/${target}` }),
    );
    expectRefused(method, 'signature');
    expect((await cloud.instances.list(sys, { tenantId: demo })).items.map((i) => i.id)).toContain(target);
  });

  it('refuses a stale timestamp, a replayed nonce, a revoked and an unknown key', async () => {
    expectRefused(
      await signed({ method: 'GET', url: '/v1/offerings', timestamp: Date.now() - 10 * 60_000 }),
      'clock-skew',
    );
    const once = authorization({ method: 'GET', url: '/v1/offerings' });
    expect((await send('GET', '/v1/offerings', once)).statusCode).toBe(200);
    expectRefused(await send('GET', '/v1/offerings', once), 'replay');

    const revoked = await cloud.identity.apiKeys.create(sys, robotId);
    const good = { keyId: revoked.keyId, secret: revoked.secret };
    expect((await signed({ method: 'GET', url: '/v1/offerings', ...good })).statusCode).toBe(200);
    await cloud.identity.apiKeys.revoke(sys, revoked.keyId);
    expectRefused(await signed({ method: 'GET', url: '/v1/offerings', ...good }), 'unknown-key');

    expectRefused(
      await signed({ method: 'GET', url: '/v1/offerings', keyId: 'apikey-00000000000000000000000000' }),
      'unknown-key',
    );
    expectRefused(
      await signed({ method: 'GET', url: '/v1/offerings', secret: randomBytes(32).toString('base64url') }),
      'signature',
    );
  });

  it('refuses a malformed header with 401 naming what is wrong, never a 400 or a 500', async () => {
    const valid = authorization({ method: 'GET', url: '/v1/offerings' });
    const cases: Array<[string, string | undefined]> = [
      ['ECLOUD1-HMAC-SHA256', undefined],
      ['ECLOUD1-HMAC-SHA256 garbage', undefined],
      [valid.replace(/, Signature=\S+$/, ''), 'signature'],
      [valid.replace(/Nonce=\S+,/, 'Nonce=short,'), 'nonce'],
      [valid.replace(/Timestamp=\d+/, 'Timestamp=yesterday'), 'timestamp'],
      [valid.replace(/Signature=(\S+)$/, (_, s: string) => `Signature=${s.toUpperCase()}`), 'signature'],
      [`${valid}, Extra=1`, ''],
      [`${valid}, Nonce=${'n'.repeat(20)}`, undefined],
      [`${valid}${' '.repeat(2000)}x`, undefined],
    ];
    for (const [header, path] of cases) {
      const problem = expectRefused(await send('GET', '/v1/offerings', header), 'malformed');
      if (path !== undefined) {
        expect(
          problem.details.issues.map((i: { path: string }) => i.path),
          header,
        ).toContain(path);
      }
    }
    // A header that cannot be parsed is refused before the body is read; a POST refused alike.
    expectRefused(
      await send('POST', '/v1/instances', 'ECLOUD1-HMAC-SHA256 x', JSON.stringify(create)),
      'malformed',
    );
    // A request target core cannot sign (a fragment, which inject would strip) is malformed too, not a 400.
    const fragment = await rawRequest(
      `GET /v1/offerings#x HTTP/1.1\r\nHost: x\r\nAuthorization: ${valid}\r\nConnection: close\r\n\r\n`,
    );
    expect(fragment).toMatch(/^HTTP\/1\.1 401 /);
    expect(fragment).toContain('"reason":"malformed"');
  });

  it('still refuses bad JSON, an empty JSON body and a body over the limit as before', async () => {
    const bearer = `Bearer ${(await cloud.identity.login({ username: 'sysadmin', password: PASSWORD })).token}`;
    const bad = await send('POST', '/v1/instances', bearer, '{"name":');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { reason: 'FST_ERR_CTP_INVALID_JSON_BODY' },
    });
    const empty = await send('POST', '/v1/instances', bearer, '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ details: { reason: 'FST_ERR_CTP_EMPTY_JSON_BODY' } });
    const poisoned = await send('POST', '/v1/instances', bearer, '{"__proto__":{"x":1}}');
    expect(poisoned.statusCode).toBe(400);
    const large = await send(
      'POST',
      '/v1/instances',
      bearer,
      JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { reason: 'FST_ERR_CTP_BODY_TOO_LARGE' },
    });
  });

  it('accepts requests signed by @ecloud/client over a real socket, and refuses a wrong secret', async () => {
    const client = new EcloudClient({ baseUrl: url, apiKey: { keyId: key.keyId, secret: key.secret } });
    const page = await client.instances.list({ tenantId: demo, limit: 100 });
    expect(page.items.some((instance) => instance.name === 'signed-vm')).toBe(true);
    const job = await client.instances.create({ ...create, name: 'client-signed-vm' });
    const done = await client.waitForJob(job.id, { maxWaitTime: 10_000 });
    expect(done.state).toBe('succeeded');
    const vm = await client.instances.get(done.resourceId ?? '');
    expect(vm.name).toBe('client-signed-vm');

    const stranger = new EcloudClient({
      baseUrl: url,
      apiKey: { keyId: key.keyId, secret: randomBytes(32).toString('base64url') },
      retry: { maxAttempts: 1 },
    });
    const error = await stranger.offerings.list().catch((e: unknown) => e);
    expect(EcloudApiError.is(error, 'UNAUTHENTICATED')).toBe(true);
    expect((error as EcloudApiError).details.reason).toBe('signature');
  });
});
