import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ECloud API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/docs/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/v1/openapi.json', dom_id: '#ui' });</script></body></html>`;

/**
 * The OpenAPI document at `/v1/openapi.json` and an interactive page at `/docs` (Swagger UI, served
 * from the installed `swagger-ui-dist` package: nothing is fetched from elsewhere at run time).
 */
export function registerDocs(app: FastifyInstance, document: Record<string, unknown>): void {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  app.get('/v1/openapi.json', async (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(document),
  );
  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  app.get<{ Params: { asset: string } }>('/docs/:asset', async (request, reply) => {
    const type = ASSETS[request.params.asset];
    if (!type) return reply.callNotFound();
    return reply.type(type).send(await readFile(join(dist, request.params.asset)));
  });
}
