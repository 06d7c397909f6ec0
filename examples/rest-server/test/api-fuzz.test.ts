// Whatever a client sends — any JSON, broken JSON, odd media types, hostile paths, queries and headers —
// the server answers below 500, every refusal is an RFC 9457 problem document with one of the core's
// error codes, nothing pollutes a prototype, and a refused create leaves nothing behind.

import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateInstanceInput, ERROR_CODES, systemContext } from '@ecloud/core';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../src/routes/all-routes.js';
import type { RouteSpec } from '../src/routes/route.js';
import { type TestServer, testServer } from './test-server.js';

const sys = systemContext('api-fuzz-test');
const BODY_LIMIT = 1024 * 1024;
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** An answer, from `inject` or from a real socket. */
interface Answer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** Below 500; a refusal is a problem document whose `status` is the HTTP status and `code` a known one. */
function expectSound(answer: Answer): void {
  expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
  if (answer.status >= 400) expectProblem(answer);
}

function expectProblem(answer: Answer): Record<string, unknown> {
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(answer.body);
  expect(Object.keys(ERROR_CODES)).toContain(problem.code);
  expect(problem.status).toBe(answer.status);
  return problem;
}

function expectPrototypesClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

async function inject(server: TestServer, user: string | undefined, options: InjectOptions): Promise<Answer> {
  const answer = await server.call(user, options);
  const type = answer.headers['content-type'];
  return {
    status: answer.statusCode,
    contentType: typeof type === 'string' ? type : undefined,
    body: answer.body,
  };
}

/** Real ids of each kind, to put into paths besides random ones. */
type Pools = Record<string, readonly string[]>;

/** `/v1/instances/{id}` takes instance ids, `{snapshotId}` snapshot ids, `{volumeId}` volume ids. */
function kindOf(path: string, param: string): string {
  return param === 'id' ? (path.split('/')[2] ?? '') : `${param.replace(/Id$/, '')}s`;
}

const randomId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.stringMatching(/^(vm|vol|job|snap|host|dc|cl|img|off|tnt)-[0-9A-Z]{26}$/),
  fc.constantFrom('..', '.', '\u0000', '%', '__proto__', 'constructor', 'x'.repeat(101), 'x'.repeat(129)),
);

/** A route's path with each `{param}` replaced by a real id of its kind or a made-up one, escaped. */
function pathOf(
  spec: RouteSpec,
  pools: Pools,
  madeUp: fc.Arbitrary<string> = randomId,
): fc.Arbitrary<string> {
  const params = [...spec.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  const ids = params.map((param) => {
    const real = pools[kindOf(spec.path, param)] ?? [];
    return real.length > 0 ? fc.oneof(fc.constantFrom(...real), madeUp) : madeUp;
  });
  return fc.tuple(...ids).map((values) => {
    let i = 0;
    return spec.path.replace(/\{\w+\}/g, () => encodeURIComponent(values[i++] ?? ''));
  });
}

/** A request body as sent: its text and the content type it claims. */
interface Payload {
  readonly contentType: string | undefined;
  readonly text: string;
  readonly [fc.toStringMethod]?: () => string;
}

const asJson = (text: string): Payload => ({ contentType: 'application/json', text });

/** A JSON payload that a failing run reports by `label`, not by its up to a megabyte of text. */
const large = (text: string, label: string): Payload => ({
  ...asJson(text),
  [fc.toStringMethod]: () => `${label} (${text.length} characters of JSON)`,
});

/** A create that is valid but for `field`, which holds a value of a type the schema refuses. */
function wrongTypedCreate(base: Record<string, unknown>) {
  const shape = CreateInstanceInput.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  return fc.constantFrom(...Object.keys(shape)).chain((field) =>
    fc
      .oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(0, -1, 1.5, 1e308, '', true, null, [], {}))
      .filter((value) => value !== undefined && !shape[field]?.safeParse(value).success)
      .map((value) => ({ field, body: { ...base, [field]: value } })),
  );
}

function bodies(base: Record<string, unknown>): fc.Arbitrary<Payload> {
  const nested = fc
    .record({ depth: fc.integer({ min: 1, max: 150_000 }), array: fc.boolean() })
    .map(({ depth, array }) =>
      large(
        array ? '['.repeat(depth) + ']'.repeat(depth) : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
        `${array ? 'arrays' : 'objects'} nested ${depth} deep`,
      ),
    );
  const huge = fc
    .record({
      budget: fc.integer({ min: 10_000, max: BODY_LIMIT - 1_000 }),
      // Not datacenterId or clusterId: any string passes their schema, and the core answers an unknown one
      // 503 INSUFFICIENT_CAPACITY (the refused-create property below covers those).
      field: fc.constantFrom(
        ...Object.keys(CreateInstanceInput.shape).filter((f) => f !== 'datacenterId' && f !== 'clusterId'),
        'unknown',
      ),
      char: fc.constantFrom('x', 'é', '\u0000', '"', '\\', '\u{1F600}'),
    })
    .map(({ budget, field, char }) => {
      const unit = Buffer.byteLength(JSON.stringify(char)) - 2;
      const repeat = Math.floor(budget / unit);
      return large(
        JSON.stringify({ ...base, [field]: char.repeat(repeat) }),
        `a create whose ${field} is ${JSON.stringify(char)} × ${repeat}`,
      );
    });
  const polluting = fc
    .record({
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', '\\u005f_proto__'),
      inner: fc.jsonValue({ maxDepth: 2 }),
      create: fc.boolean(),
    })
    .map(({ key, inner, create }) => {
      const poison = `"${key}":{"polluted":${JSON.stringify(inner ?? null)},"prototype":{"polluted":true}}`;
      return asJson(create ? `${JSON.stringify(base).slice(0, -1)},${poison}}` : `{${poison}}`);
    });
  const notJson = fc.oneof(
    fc.string().filter((text) => !parses(text)),
    fc.nat().map((n) => JSON.stringify(base).slice(0, n % JSON.stringify(base).length)),
  );
  const contentType = fc.oneof(
    fc.constantFrom(
      undefined,
      '',
      ';',
      'text/plain',
      'text/html',
      'application/xml',
      'application/octet-stream',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      'application/json;;',
      'APPLICATION/JSON',
      'application/merge-patch+json',
      'application/problem+json',
    ),
    fc.stringMatching(/^[\x21-\x7e]{1,40}$/),
  );
  return fc.oneof(
    fc.jsonValue().map((value) => asJson(JSON.stringify(value ?? null))),
    nested,
    huge,
    wrongTypedCreate(base).map(({ body }) => asJson(JSON.stringify(body))),
    polluting,
    notJson.map(asJson),
    fc.record({
      contentType,
      text: fc.oneof(
        fc.string(),
        fc.jsonValue().map((v) => JSON.stringify(v ?? null)),
      ),
    }),
  );
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Every record of a collection the system sees, counted across pages. */
async function count(server: TestServer, kind: 'instances' | 'volumes' | 'jobs'): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await server.cloud[kind].list(sys, { limit: 1000, ...(cursor ? { cursor } : {}) });
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

/** Creates a running instance of tenant demo and waits for it. */
async function instanceOfDemo(server: TestServer, name: string): Promise<string> {
  const handle = await server.cloud.instances.create(sys, {
    name,
    offeringId: server.offeringId,
    imageId: server.imageId,
    tenantId: server.tenants.demo,
  });
  return (await handle.wait({ timeoutMs: 10_000 })).id;
}

describe('the API under fuzzed requests', () => {
  let server: TestServer;
  let pools: Pools;
  let base: Record<string, unknown>;

  beforeAll(async () => {
    server = await testServer({ rateLimitPerMinute: 1_000_000 });
    // Several, as a fuzzed DELETE may take one away.
    const instances = await Promise.all(['fuzz-a', 'fuzz-b', 'fuzz-c'].map((n) => instanceOfDemo(server, n)));
    const first = instances[0] ?? '';
    const snapshot = await server.cloud.instances.snapshot(sys, first, { name: 'fuzz-snap' });
    await snapshot.wait({ timeoutMs: 10_000 });
    const ids = async (kind: 'volumes' | 'jobs' | 'datacenters' | 'clusters' | 'images' | 'offerings') =>
      (await server.cloud[kind].list(sys, { limit: 1000 })).items.map((record) => record.id);
    pools = {
      instances,
      snapshots: (await server.cloud.instances.listSnapshots(sys, first)).items.map((s) => s.id),
      volumes: await ids('volumes'),
      jobs: await ids('jobs'),
      datacenters: await ids('datacenters'),
      clusters: await ids('clusters'),
      images: await ids('images'),
      offerings: await ids('offerings'),
      tenants: [server.tenants.demo, server.tenants.other],
      // No host ids: a fuzzed maintenance on every host would make a later migrate a legitimate 503.
    };
    base = {
      name: 'fuzz',
      offeringId: server.offeringId,
      imageId: server.imageId,
      tenantId: server.tenants.demo,
    };
    await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('answers any body, to any route, as the platform or a tenant admin, below 500 and with a problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ALL_ROUTES).chain((spec) =>
          fc.record({
            method: fc.constantFrom(spec.method, 'POST', 'PATCH'),
            url: pathOf(spec, pools),
            user: fc.constantFrom('sysadmin', 'demo-admin'),
            payload: bodies(base),
            idempotencyKey: fc.option(fc.stringMatching(/^[\x21-\x7e]{1,64}$/), { nil: undefined }),
          }),
        ),
        async ({ method, url, user, payload, idempotencyKey }) => {
          const answer = await inject(server, user, {
            method,
            url,
            headers: {
              ...(payload.contentType === undefined ? {} : { 'content-type': payload.contentType }),
              ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
            },
            payload: payload.text,
          });
          expectSound(answer);
          expectPrototypesClean();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a create with a wrong-typed field as 400, naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(
        wrongTypedCreate(base),
        fc.constantFrom('sysadmin', 'demo-admin'),
        async ({ field, body }, user) => {
          const answer = await inject(server, user, { method: 'POST', url: '/v1/instances', payload: body });
          expect(answer.status).toBe(400);
          const problem = expectProblem(answer);
          expect(problem.code).toBe('INVALID_ARGUMENT');
          const issues = (problem.details as { issues: { path: string }[] }).issues;
          expect(issues.map((issue) => issue.path.split(/[.[]/)[0])).toContain(field);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers GET on random paths and queries, sent as they are over a socket, below 500', async () => {
    const port = (server.app.server.address() as AddressInfo).port;
    const realIds = Object.values(pools).flat();
    // What Node's HTTP parser lets through to Fastify: visible ASCII, a head under 16 KiB. Raw bytes
    // beyond ASCII and larger heads are refused by Node itself (see the next test).
    const raw = fc.stringMatching(/^[\x21-\x7e]{1,20}$/).map((s) => s.replace(/[?#]/g, '_'));
    const segment = fc.oneof(
      fc.constantFrom(
        'v1',
        'instances',
        'hosts',
        'volumes',
        'jobs',
        'events',
        'datacenters',
        'clusters',
        'images',
        'offerings',
        'tenants',
        'snapshots',
        'maintenance',
        'discover',
        'docs',
        'auth',
        'tokens',
        'openapi.json',
        'healthz',
        'readyz',
        'metrics',
        'swagger-ui.css',
      ),
      fc.constantFrom(
        '..',
        '.',
        '',
        '%00',
        '%2e%2e',
        '%2E%2E',
        '%2F',
        '%5C',
        '\\',
        '%',
        '%zz',
        '%E0%A4%A',
        '%C0%AE',
      ),
      fc.constantFrom(...realIds),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
      raw,
      fc.integer({ min: 50, max: 2_000 }).map((n) => 'a'.repeat(n)),
    );
    const queryPart = fc.oneof(
      fc.constantFrom('limit', 'cursor', 'tenantId', 'state', 'hostId', 'instanceId', 'type', 'resourceId'),
      fc.constantFrom('__proto__', 'constructor', '__proto__[polluted]', 'constructor[prototype][polluted]'),
      fc.constantFrom('', '-1', '0', '1e9', 'NaN', '%', '%00', '%zz', 'a'.repeat(2_000)),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
      raw.map((s) => s.replace(/[&=]/g, '_')),
    );
    const query = fc
      .array(fc.tuple(queryPart, fc.option(queryPart, { nil: undefined })), { maxLength: 5 })
      .map((pairs) => pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&'));
    const target = fc
      .record({
        prefix: fc.constantFrom('/', '/v1/', '//', '/v1/instances/'),
        segments: fc.array(segment, { maxLength: 5 }),
        query: fc.option(query, { nil: undefined }),
      })
      .map(
        ({ prefix, segments, query: q }) => `${prefix}${segments.join('/')}${q === undefined ? '' : `?${q}`}`,
      )
      .filter((path) => path.length < 12_000);
    await fc.assert(
      fc.asyncProperty(target, fc.constantFrom('sysadmin', 'demo-admin', undefined), async (path, user) => {
        const answer = await socketGet(
          port,
          path,
          user ? { authorization: `Bearer ${server.tokens[user]}` } : {},
        );
        expectSound(answer);
        expectPrototypesClean();
      }),
      { numRuns: 300 },
    );
  });

  it('leaves what Node refuses before routing (raw non-ASCII, a huge head) below 500', async () => {
    const port = (server.app.server.address() as AddressInfo).port;
    const paths = [
      '/v1/instances/\u00e9',
      '/v1/instances/\u00ff\u00fe',
      'v1/instances',
      `/v1/instances/${'a'.repeat(20_000)}`,
      `/v1/instances?cursor=${'a'.repeat(20_000)}`,
    ];
    for (const path of paths) {
      const answer = await socketGet(port, path, {});
      expect([400, 431]).toContain(answer.status);
    }
  });

  it('answers 401 to every bad credential on every authenticated route, whatever else is sent', async () => {
    // Never `.` or `..`, which a client resolves into another path before sending.
    const routableId = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,99}$/),
      fc.constant('x'.repeat(101)),
    );
    const routes = ALL_ROUTES.filter((spec) => spec.auth !== false);
    const real = server.tokens.sysadmin ?? '';
    const other = server.tokens['demo-admin'] ?? '';
    const [version, payload, signature] = real.split('.') as [string, string, string];
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    const headerText = fc.string({
      unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    });
    const token = fc.oneof(
      headerText,
      fc.string({
        unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
        minLength: 1,
      }),
      fc.nat({ max: real.length - 1 }).map((n) => real.slice(0, n)),
      fc
        .tuple(fc.nat({ max: real.length - 1 }), fc.constantFrom('A', 'z', '0', '-', '_', '.'))
        .map(([i, c]) => real.slice(0, i) + (real[i] === c ? 'B' : c) + real.slice(i + 1))
        .filter((t) => t !== real),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/).map((s) => `${real}${s}`),
      fc.constant(`${version}.${other.split('.')[1]}.${signature}`),
      fc.constant(`${version}.${payload}.${other.split('.')[2]}`),
      fc.constant(`V1.${payload}.${signature}`),
      fc.constant(`${version}.${payload}.${signature}.`),
      fc.constant(`${version}.${payload}.${signature}=`),
      fc
        .tuple(fc.jsonValue(), fc.uint8Array({ minLength: 1, maxLength: 40 }))
        .map(
          ([json, bytes]) =>
            `v1.${b64(JSON.stringify(json ?? null))}.${Buffer.from(bytes).toString('base64url')}`,
        ),
      fc
        .record({
          sub: fc.constantFrom('prn-x', 'sysadmin'),
          exp: fc.integer(),
          iat: fc.integer(),
          jti: fc.string(),
        })
        .map((claims) => `v1.${b64(JSON.stringify(claims))}.${signature}`),
    );
    const authorization = fc.oneof(
      fc.constant(undefined),
      headerText,
      token.map((t) => `Bearer ${t}`),
      token.map((t) => `bearer   ${t}  `),
      token.map((t) => `Basic ${t}`),
      fc.constantFrom('Bearer', 'Bearer ', `Bearer ${real} ${real}`, `Token ${real}`, real),
    );
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...routes)
          .chain((spec) => pathOf(spec, pools, routableId).map((url) => ({ method: spec.method, url }))),
        authorization,
        fc.option(
          fc.oneof(
            headerText,
            fc.integer({ min: 1, max: 50_000 }).map((n) => '"x",'.repeat(n)),
          ),
          {
            nil: undefined,
          },
        ),
        fc.option(headerText, { nil: undefined }),
        async ({ method, url }, auth, ifMatch, idempotencyKey) => {
          const answer = await inject(server, undefined, {
            method,
            url,
            headers: {
              ...(auth === undefined ? {} : { authorization: auth }),
              ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
              ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
            },
            ...(method === 'POST' || method === 'PATCH' ? { payload: {} } : {}),
          });
          // The router refuses a path segment over 256 characters (maxParamLength) before any route, or
          // its hook, runs.
          if (url.split('/').some((segment) => segment.length > 256)) {
            expect(answer.status).toBe(414);
            expectProblem(answer);
            return;
          }
          expect(answer.status, `${auth}`).toBe(401);
          expect(expectProblem(answer).code).toBe('UNAUTHENTICATED');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers any If-Match and Idempotency-Key from a valid caller below 500, and replays a key', async () => {
    // Its own instance: the fuzzing above may have deleted those of the pool.
    const instance = await instanceOfDemo(server, 'fuzz-headers');
    let accepted = 0;
    const headerText = fc.string({
      unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          headerText,
          fc.integer({ min: 1, max: 50_000 }).map((n) => 'W/"x", '.repeat(n)),
          fc
            .array(fc.stringMatching(/^[\x21\x23-\x29\x2b-\x7e]{0,30}$/))
            .map((tags) => tags.map((t) => `"${t}"`).join(',')),
        ),
        fc.stringMatching(/^[\x20-\x7e]{1,200}$/),
        fc.constantFrom('sysadmin', 'demo-admin'),
        async (ifMatch, key, user) => {
          // Neither `*` nor the instance's tag: the write must be refused as a failed precondition.
          const patch = await inject(server, user, {
            method: 'PATCH',
            url: `/v1/instances/${instance}`,
            headers: { 'if-match': ifMatch.replaceAll('*', '_') },
            payload: { description: 'fuzzed' },
          });
          expect(patch.status).toBe(412);
          expectProblem(patch);
          const snapshot = () =>
            inject(server, user, {
              method: 'POST',
              url: `/v1/instances/${instance}/snapshots`,
              headers: { 'idempotency-key': key },
              payload: { name: 'fuzz-idem' },
            });
          const first = await snapshot();
          const again = await snapshot();
          expectSound(first);
          expectSound(again);
          // A key's first success is what every retry gets: the same job, not a second snapshot.
          if (first.status === 202) {
            expect(again).toEqual(first);
            await (await server.cloud.jobs.handle(sys, JSON.parse(first.body).id)).wait({
              timeoutMs: 10_000,
            });
            accepted += 1;
          }
        },
      ),
      { numRuns: 100 },
    );
    // Else the replay above was never put to the test.
    expect(accepted).toBeGreaterThan(10);
  });
});

describe('a refused create', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await testServer({ rateLimitPerMinute: 1_000_000 });
    // Room for one more volume only, so a create with data disks fails on quota, inside the transaction.
    await server.cloud.quotas.set(sys, server.tenants.demo, { volumes: 2 });
    await instanceOfDemo(server, 'existing');
  });
  afterAll(() => server.close());

  it('writes nothing: no instance, volume or job, and no quota used', async () => {
    const unknownId = fc.stringMatching(/^[a-z]{2,4}-[0-9A-Z]{26}$/);
    const valid = () => ({
      name: 'refused',
      offeringId: server.offeringId,
      imageId: server.imageId,
      tenantId: server.tenants.demo,
    });
    // Each request has at least one fault, some found by validation, most only inside the transaction.
    const fault = fc.oneof(
      unknownId.map((id) => ({ offeringId: id })),
      unknownId.map((id) => ({ imageId: id })),
      unknownId.map((id) => ({ tenantId: id })),
      unknownId.map((id) => ({ placementGroupId: id })),
      // The core answers a placement no host can satisfy 503 INSUFFICIENT_CAPACITY, after the quota check.
      unknownId.map((id) => ({ clusterId: id })),
      unknownId.map((id) => ({ datacenterId: id })),
      fc.stringMatching(/^[a-z]{1,20}$/).map((zone) => ({ zone: `nowhere-${zone}` })),
      fc
        .integer({ min: 2, max: 16 })
        .map((n) => ({ dataDisks: Array.from({ length: n }, () => ({ sizeGiB: 1 })) })),
      wrongTypedCreate(valid()).map(({ body }) => body),
      fc.record({ unexpected: fc.jsonValue() }),
    );
    const extras = fc.record(
      {
        description: fc.string({ maxLength: 100 }),
        start: fc.boolean(),
        rootDiskGiB: fc.integer({ min: 20, max: 100 }),
        nics: fc.array(fc.record({ network: fc.stringMatching(/^[a-z]{1,10}$/) }), { maxLength: 3 }),
        haPriority: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        idempotencyKey: fc.stringMatching(/^[a-z0-9]{1,32}$/),
      },
      { requiredKeys: [] },
    );
    const users = fc.constantFrom('sysadmin', 'demo-admin', 'other-admin', 'secadmin', 'auditadmin');
    const snapshot = async () => ({
      instances: await count(server, 'instances'),
      volumes: await count(server, 'volumes'),
      jobs: await count(server, 'jobs'),
      used: (await server.cloud.quotas.get(sys, server.tenants.demo)).used,
    });
    await fc.assert(
      fc.asyncProperty(extras, fault, users, async (extra, faulty, user) => {
        const before = await snapshot();
        const answer = await inject(server, user, {
          method: 'POST',
          url: '/v1/instances',
          payload: { ...valid(), ...extra, ...faulty },
        });
        expect(answer.status).toBeGreaterThanOrEqual(400);
        const problem = expectProblem(answer);
        if (answer.status >= 500) expect(problem.code).toBe('INSUFFICIENT_CAPACITY');
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});

/** A GET sent over a real socket with the target exactly as given (`inject` would normalise it). */
function socketGet(port: number, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path, method: 'GET', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}
