import { EcloudError } from '@ecloud/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_JSON, problemOf } from '../http/problem.js';

/**
 * Every failure as an RFC 9457 problem document: our errors with their code's status (a failed
 * `If-Match` is 412), Fastify's own refusals (bad JSON, too large, wrong media type, too many requests)
 * with theirs, unknown routes 404. Anything else is a bug: 500, logged, its message kept out of the
 * answer. The router's own refusals (a bad `%`-escape, a too long path segment) come before any route;
 * they reach {@link sendProblem} through Fastify's `frameworkErrors` option.
 */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler(sendProblem);
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type(PROBLEM_JSON)
      .send(
        problemOf(
          new EcloudError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`),
          request.url,
        ),
      ),
  );
}

/** Answers `error` as a problem document. */
export function sendProblem(
  error: FastifyError | EcloudError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const problem = EcloudError.is(error)
    ? problemOf(error, request.url, error.details.reason === 'precondition-failed' ? 412 : undefined)
    : edgeProblem(error, request.url);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer, ECLOUD1-HMAC-SHA256');
  return reply.code(problem.status).type(PROBLEM_JSON).send(problem);
}

/** A refusal by Fastify or a plugin before our code ran. */
function edgeProblem(error: FastifyError, url: string) {
  const status = error.statusCode;
  if (status === 429) return problemOf(new EcloudError('RATE_LIMITED', error.message), url, 429);
  if (status !== undefined && status >= 400 && status < 500)
    return problemOf(
      new EcloudError('INVALID_ARGUMENT', error.message, { details: { reason: error.code } }),
      url,
      status,
    );
  return problemOf(error, url);
}
