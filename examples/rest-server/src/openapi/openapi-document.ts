import { ERROR_CODES } from '@ecloud/core';
import { z } from 'zod';
import type { RouteSpec } from '../routes/route.js';

type Json = Record<string, unknown>;

/** The JSON Schema (2020-12, OpenAPI 3.1's dialect) of a schema, as the request or the answer sees it. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return json;
}

const PROBLEM: Json = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'retryable'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', enum: Object.keys(ERROR_CODES) },
    retryable: { type: 'boolean' },
    details: { type: 'object', additionalProperties: true },
    instance: { type: 'string' },
  },
};

/** Routes that answer one record carry its `ETag`: reads of `{id}`, creates and updates of records. */
const isRecord = (spec: RouteSpec) =>
  spec.response.status !== 204 &&
  (spec.path.endsWith('{id}') || spec.response.status === 201) &&
  spec.operationId !== 'createToken';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Each property of an object schema as a parameter `in` the path or the query. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** The request headers an operation honours: `Idempotency-Key` on POST, `If-Match` on PATCH. */
function headers(spec: RouteSpec): Json[] {
  if (spec.auth === false) return [];
  if (spec.method === 'POST') {
    return [
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'A retry with the same key and request answers the first response again.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      },
    ];
  }
  if (spec.method === 'PATCH') {
    return [
      {
        name: 'If-Match',
        in: 'header',
        required: false,
        description: 'The `ETag` the change is based on; a stale one is refused with 412.',
        schema: { type: 'string' },
      },
    ];
  }
  return [];
}

function operation(spec: RouteSpec): Json {
  const { status, schema } = spec.response;
  const responses: Json = {
    [status]: {
      description: status === 202 ? 'Accepted: the job that carries the operation out.' : 'Success.',
      ...(schema ? { content: { 'application/json': { schema: schemaOf(schema, 'output') } } } : {}),
      ...(status === 202
        ? { headers: { Location: { description: 'The job: `/v1/jobs/{id}`.', schema: { type: 'string' } } } }
        : {}),
      ...(status !== 202 && isRecord(spec)
        ? {
            headers: {
              ETag: { description: 'The record’s version, for `If-Match`.', schema: { type: 'string' } },
            },
          }
        : {}),
    },
    400: problem('The request is not valid.'),
    ...(spec.auth === false ? {} : { 401: problem('No valid credentials.'), 403: problem('Not permitted.') }),
    404: problem('Not found, or not visible to the caller.'),
    ...(spec.method === 'PATCH'
      ? { 412: problem('`If-Match` names a version that is no longer current.') }
      : {}),
    409: problem('In conflict with the resource’s state.'),
    429: problem('Too many requests from this caller.'),
    default: problem('Any other failure.'),
  };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: [spec.tag],
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query'), ...headers(spec)],
    ...(spec.body
      ? {
          requestBody: {
            required: !spec.body.safeParse(undefined).success,
            content: { 'application/json': { schema: schemaOf(spec.body, 'input') } },
          },
        }
      : {}),
    responses,
    ...(spec.auth === false ? { security: [] } : {}),
  };
}

/**
 * The OpenAPI 3.1 document of the API, written from the route definitions the server runs — the same
 * zod schemas validate requests and describe them here.
 */
export function openApiDocument(routes: readonly RouteSpec[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const spec of routes) {
    paths[spec.path] ??= {};
    (paths[spec.path] as Json)[spec.method.toLowerCase()] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ECloud API',
      version,
      description:
        'The ECloud reference REST API. Errors are RFC 9457 problem documents carrying a stable `code`; long ' +
        'operations answer 202 with the job at `Location`; lists page with `limit` and `cursor`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: { Problem: PROBLEM },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
