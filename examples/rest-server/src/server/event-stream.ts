import type { Cloud } from '@ecloud/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../http/authenticate.js';

/** A comment line every so often keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;
/** Events waiting for a slow client beyond this close its stream rather than grow without bound. */
const MAX_BACKLOG = 10_000;

/** Whether a request asks for the live stream rather than a page. */
export function wantsEventStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/event-stream');
}

/**
 * `GET /v1/events` with `Accept: text/event-stream`: Server-Sent Events of every new event the caller
 * may see (the core filters by the caller's rights, re-read when they change), each with its id, until
 * the client goes away or the server shuts down. `open` holds every open stream's closer, so that a
 * shutdown can end them: a stream never ends on its own, and would hold the server open.
 */
export async function streamEvents(
  cloud: Cloud,
  request: FastifyRequest,
  reply: FastifyReply,
  open: Set<() => void>,
): Promise<void> {
  const ctx = await authenticate(cloud, request);
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  out.write(': connected\n\n');
  let backlog = 0;
  const unsubscribe = await cloud.events.subscribe(ctx, (event) => {
    if (backlog > MAX_BACKLOG) return close();
    const written = out.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    if (!written) backlog += 1;
  });
  out.on('drain', () => {
    backlog = 0;
  });
  const keepalive = setInterval(() => out.write(': keepalive\n\n'), KEEPALIVE_MS);
  let closed = false;
  function close() {
    if (closed) return;
    closed = true;
    open.delete(close);
    clearInterval(keepalive);
    unsubscribe();
    out.end();
  }
  open.add(close);
  request.raw.on('close', close);
}
