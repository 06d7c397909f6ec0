import { type CallContext, type Cloud, parseInput } from '@ecloud/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, authenticateBeforeBody } from '../http/authenticate.js';
import type { IdempotencyCache, StoredResponse } from '../http/idempotency.js';
import { responseOf, send } from '../http/send-reply.js';
import type { RouteSpec } from '../routes/route.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, once the route's authentication ran. */
    caller?: CallContext;
  }
}

/** `/v1/instances/{id}` in Fastify's form, `/v1/instances/:id`. */
export function fastifyPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * Registers one route: authenticate (unless open), validate path, query and body with the route's
 * schemas (`INVALID_ARGUMENT` names the field), run it — once per `Idempotency-Key` on POST — and send
 * its reply. Errors go to the server's error handler as problem documents.
 */
export function registerRoute(
  app: FastifyInstance,
  cloud: Cloud,
  spec: RouteSpec,
  idempotency: IdempotencyCache,
): void {
  app.route({
    method: spec.method,
    url: fastifyPath(spec.path),
    config: { operationId: spec.operationId },
    onRequest: async (request) => {
      const caller = spec.auth === false ? undefined : await authenticateBeforeBody(cloud, request);
      if (caller) request.caller = caller;
    },
    preValidation: async (request) => {
      // A signed request's signature covers its body, which is read by now.
      if (spec.auth !== false && request.caller === undefined)
        request.caller = await authenticate(cloud, request);
    },
    handler: async (request, reply) => {
      // Validated before the Idempotency-Key fingerprint is taken: hashing a hostile body as sent (JSON
      // nested 10,000 deep fits in the body limit) overflowed the stack, a 500 instead of a 400.
      const input = parseRequest(spec, request);
      const run = () => execute(cloud, spec, request, input);
      const key = request.headers['idempotency-key'];
      const response =
        spec.method === 'POST' && typeof key === 'string' && request.caller
          ? await idempotency.run(request.caller.principal.id, key, routeKey(spec, input), run)
          : await run();
      return send(reply, response);
    },
  });
}

/** The caller of an open route: a user with no bindings, so it may do nothing (deny by default). */
const ANONYMOUS: CallContext = { principal: { id: 'anonymous', type: 'user' } };

/** A request's path, query and body as the route's schemas parse them. */
interface ParsedRequest {
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
}

function parseRequest(spec: RouteSpec, request: FastifyRequest): ParsedRequest {
  return {
    params: spec.params ? parseInput(spec.params, request.params, 'path') : {},
    query: spec.query ? parseInput(spec.query, request.query, 'query') : {},
    body: spec.body ? parseInput(spec.body, request.body ?? undefined, 'body') : undefined,
  };
}

async function execute(
  cloud: Cloud,
  spec: RouteSpec,
  request: FastifyRequest,
  input: ParsedRequest,
): Promise<StoredResponse> {
  const ifMatch = request.headers['if-match'];
  const idempotencyKey = request.headers['idempotency-key'];
  const reply = await spec.handle({
    cloud,
    ctx: request.caller ?? ANONYMOUS,
    ...input,
    ifMatch: typeof ifMatch === 'string' ? ifMatch : undefined,
    idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
  });
  return responseOf(reply, request.url);
}

/** What makes two requests the same one, for `Idempotency-Key`. */
function routeKey(spec: RouteSpec, input: ParsedRequest) {
  return { operation: spec.operationId, params: input.params, body: input.body ?? null };
}
