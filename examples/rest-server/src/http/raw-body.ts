import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request body's bytes as received, when it had one Fastify parsed (JSON or plain text). */
    rawBody?: Buffer;
  }
}

/**
 * Keeps each parsed body's bytes on the request (`request.rawBody`), because a signed request's
 * signature covers the body exactly as sent — re-serialising the parsed JSON would not give the same
 * bytes back. Parsing is Fastify's own (its default JSON parser, prototype-poisoning refused), so bad
 * JSON, an empty JSON body and the body limit are refused exactly as before.
 */
export function keepRawBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // Fastify lets its default JSON parser be replaced without removing it first.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer;
    // Decoded as Fastify decodes a body it reads as a string, so JSON parses exactly as before.
    parseJson(request, (body as Buffer).toString('utf8'), done);
  });
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer;
    done(null, (body as Buffer).toString('utf8'));
  });
}
