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

/**
 * Routes that answer one stored record carry its `ETag` (`{id}.{version}`): those whose answer is an
 * object with a `version` — whatever their path, and no others (a new API key's one-time answer is not
 * the stored key).
 */
const isRecord = (spec: RouteSpec) => {
  const schema = spec.response.schema;
  return spec.response.status !== 202 && schema instanceof z.ZodObject && 'version' in schema.shape;
};

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
 * How callers authenticate: a bearer token from `POST /v1/auth/tokens`, or a request signed with a
 * service account's API key (`ECLOUD1-HMAC-SHA256`, its canonical request described for client authors).
 */
const SECURITY_SCHEMES: Json = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from `POST /v1/auth/tokens`: `Authorization: Bearer <token>`.',
  },
  signedRequest: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: [
      'A request signed with a service account’s API key (`keyId`, `secret` as issued):',
      '',
      '`Authorization: ECLOUD1-HMAC-SHA256 Credential=<keyId>, Nonce=<nonce>, Timestamp=<ms>, Signature=<hex>`',
      '',
      'Parameter names are case-insensitive, each given once, values optionally in double quotes. `Nonce`: ' +
        '16–128 of `[A-Za-z0-9_-]`, new for every request (a repeat is refused). `Timestamp`: epoch ' +
        'milliseconds, or ISO 8601 with an offset; within 5 minutes of the server’s clock.',
      '',
      '`Signature` is the lower-case hex HMAC-SHA256, keyed with the secret’s bytes (base64url-decoded), ' +
        'of the canonical request: these lines joined by `\n`, with no trailing newline:',
      '',
      '1. `ECLOUD1-HMAC-SHA256`',
      '2. the method, upper-case',
      '3. the path exactly as sent (percent-encoding kept), without the query',
      '4. the query: each `name=value` pair decoded (`application/x-www-form-urlencoded`), both re-encoded ' +
        "per RFC 3986 (`encodeURIComponent`, and `!'()*` as `%21 %27 %28 %29 %2A`), sorted by name then " +
        'value (code units), joined by `&`; empty when there is none',
      '5. the lower-case hex SHA-256 of the body’s bytes as sent (of nothing when there is no body)',
      '6. the timestamp in epoch milliseconds',
      '7. the nonce',
      '8. the key id',
      '',
      'A refusal is 401 `UNAUTHENTICATED` with `details.reason`: `malformed`, `unknown-key` (unknown or ' +
        'revoked), `clock-skew`, `signature`, `replay`, `principal` (the account is not active).',
    ].join('\n'),
  },
};

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
    security: [{ bearer: [] }, { signedRequest: [] }],
    paths,
    components: {
      schemas: { Problem: PROBLEM },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
