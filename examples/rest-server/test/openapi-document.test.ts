import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../src/routes/all-routes.js';
import { fastifyPath } from '../src/server/register-route.js';
import { type TestServer, testServer } from './test-server.js';

describe('the OpenAPI document', () => {
  let server: TestServer;
  let document: Record<string, unknown>;

  beforeAll(async () => {
    server = await testServer();
    const answer = await server.call(undefined, { method: 'GET', url: '/v1/openapi.json' });
    expect(answer.statusCode).toBe(200);
    document = answer.json();
  });
  afterAll(() => server.close());

  it('validates as OpenAPI 3.1 with a validator we did not write', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every route the server runs, each with a unique operation id', () => {
    const paths = document.paths as Record<string, Record<string, { operationId: string }>>;
    const ids = ALL_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const spec of ALL_ROUTES) {
      expect(paths[spec.path]?.[spec.method.toLowerCase()]?.operationId).toBe(spec.operationId);
      expect(server.app.hasRoute({ method: spec.method, url: fastifyPath(spec.path) })).toBe(true);
    }
  });

  it('takes its request bodies from the core schemas (an instance needs a name and an offering)', () => {
    type Operation = {
      requestBody: { content: Record<string, { schema: { required: string[] } }> };
      responses: Record<string, { headers?: Record<string, unknown> }>;
    };
    const create = (document.paths as Record<string, Record<string, Operation>>)['/v1/instances']?.post;
    const schema = create?.requestBody.content['application/json']?.schema;
    expect(schema?.required).toEqual(expect.arrayContaining(['name', 'offeringId']));
    expect(create?.responses['202']?.headers?.Location).toBeDefined();
  });

  it('promises an ETag exactly where a stored record with a version is answered', () => {
    type Responses = Record<string, { headers?: Record<string, unknown> }>;
    const paths = document.paths as Record<string, Record<string, { responses: Responses }>>;
    const etag = (path: string, method: string, status: string) =>
      paths[path]?.[method]?.responses[status]?.headers?.ETag !== undefined;
    expect(etag('/v1/instances/{id}', 'get', '200')).toBe(true);
    expect(etag('/v1/instances/{id}', 'patch', '200')).toBe(true);
    expect(etag('/v1/tenants/{id}/quota', 'get', '200')).toBe(true);
    expect(etag('/v1/hosts/{id}/maintenance', 'delete', '200')).toBe(true);
    // A new key's one-time answer is not the stored key; a token and a page are no records.
    expect(etag('/v1/users/{id}/api-keys', 'post', '201')).toBe(false);
    expect(etag('/v1/auth/tokens', 'post', '201') || etag('/v1/auth/tokens', 'post', '200')).toBe(false);
    expect(etag('/v1/instances', 'get', '200')).toBe(false);
  });

  it('serves an interactive page and its assets from the installed package', async () => {
    const page = await server.call(undefined, { method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/v1/openapi.json');
    const bundle = await server.call(undefined, { method: 'GET', url: '/docs/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toContain('javascript');
    const other = await server.call(undefined, { method: 'GET', url: '/docs/..%2Fpackage.json' });
    expect(other.statusCode).toBe(404);
  });
});
