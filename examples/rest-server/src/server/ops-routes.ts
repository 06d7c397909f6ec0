import type { FastifyInstance } from 'fastify';
import type { RequestMetrics } from '../http/request-metrics.js';

/**
 * Operations endpoints, open to probes and scrapers: `/healthz` (the process answers), `/readyz`
 * (`ready` resolves — the store answers — and the server is not shutting down), `/metrics`
 * (Prometheus text).
 */
export function registerOpsRoutes(
  app: FastifyInstance,
  ready: () => Promise<void>,
  metrics: RequestMetrics,
  isClosing: () => boolean,
): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (isClosing()) return reply.code(503).send({ status: 'shutting down' });
    try {
      await ready();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'store unavailable' });
    }
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.render()),
  );
}
