import type { Cloud } from '@ecloud/core';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { answerClientError } from './http/client-error.js';
import { IdempotencyCache } from './http/idempotency.js';
import { limitByAddress } from './http/ip-rate-limit.js';
import { keepRawBodies } from './http/raw-body.js';
import { RequestMetrics } from './http/request-metrics.js';
import { openApiDocument } from './openapi/openapi-document.js';
import { ALL_ROUTES } from './routes/all-routes.js';
import type { RouteSpec } from './routes/route.js';
import { registerDocs } from './server/docs-routes.js';
import { streamEvents, wantsEventStream } from './server/event-stream.js';
import { registerOpsRoutes } from './server/ops-routes.js';
import { registerProblemHandlers, sendProblem } from './server/problem-handlers.js';
import { registerRoute } from './server/register-route.js';

/** How the server is built around a cloud. */
export interface ServerOptions {
  readonly cloud: Cloud;
  /** Whether the store answers, for `/readyz`. */
  readonly ready?: () => Promise<void>;
  /** Fastify's logger options (pino); false for none. Secrets are always redacted. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Largest request body, bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** Requests per caller (principal, else address) per minute (default 600). */
  readonly rateLimitPerMinute?: number;
  /**
   * Requests per client address per minute, counted before authentication so that bad credentials
   * count too (default ten times `rateLimitPerMinute`: room for ten callers behind one address).
   */
  readonly ipRateLimitPerMinute?: number;
  /** The API version in the OpenAPI document. */
  readonly version?: string;
}

/** What pino never writes: credentials in headers and bodies. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-ecloud-signature"]',
  '*.password',
  '*.token',
  '*.secret',
];

/**
 * The reference REST server: every route of {@link ALL_ROUTES} over the cloud's services (which do the
 * authorising — the server never decides who may do what), problem documents for every failure,
 * `Idempotency-Key`, `ETag`/`If-Match`, 202 + `Location` for jobs, Server-Sent Events, the OpenAPI 3.1
 * document and its page, health, readiness and metrics, rate limits per client address (before
 * authentication) and per caller, a body size limit, and Node's own refusals as problem documents.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { cloud } = options;
  const app: FastifyInstance = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    return503OnClosing: true,
    // Ids are up to 128 characters (IdParams); the router's default of 100 would refuse the longer ones.
    routerOptions: { maxParamLength: 256 },
    // Without it the router answers these itself, in its own JSON rather than a problem document.
    frameworkErrors: sendProblem,
    // Node's HTTP parser's refusals (431, a broken request line) as problem documents too.
    clientErrorHandler: answerClientError,
  });
  const metrics = new RequestMetrics();
  let closing = false;
  app.addHook('onClose', async () => {
    closing = true;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  registerProblemHandlers(app);
  keepRawBodies(app);
  const perCaller = options.rateLimitPerMinute ?? 600;
  limitByAddress(app, { max: options.ipRateLimitPerMinute ?? 10 * perCaller });
  await app.register(rateLimit, {
    max: perCaller,
    timeWindow: 60_000,
    hook: 'preHandler',
    keyGenerator: (request) => request.caller?.principal.id ?? request.ip,
  });
  const idempotency = new IdempotencyCache();
  for (const spec of ALL_ROUTES) {
    if (spec.operationId === 'listEvents') registerEvents(app, cloud, spec, idempotency);
    else registerRoute(app, cloud, spec, idempotency);
  }
  registerDocs(app, openApiDocument(ALL_ROUTES, options.version ?? '0.1.0'));
  registerOpsRoutes(app, options.ready ?? (async () => undefined), metrics, () => closing);
  return app;
}

/** `GET /v1/events`: the live stream when asked for, else one page of the log. */
function registerEvents(app: FastifyInstance, cloud: Cloud, page: RouteSpec, idempotency: IdempotencyCache) {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      if (wantsEventStream(request)) await streamEvents(cloud, request, reply, open);
    });
    registerRoute(scope, cloud, page, idempotency);
  });
}

function loggerOptions(logger: ServerOptions['logger']): NonNullable<FastifyServerOptions['logger']> {
  if (logger === undefined || logger === false) return false;
  const base = typeof logger === 'object' && logger !== null ? logger : {};
  return { ...base, redact: { paths: REDACT, censor: '[redacted]' } };
}
