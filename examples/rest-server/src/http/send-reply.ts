import type { FastifyReply } from 'fastify';
import type { RouteReply } from '../routes/route.js';
import { etagOf } from './etag.js';
import type { StoredResponse } from './idempotency.js';

/** A handler's reply as status, headers and body (what an idempotent retry gets again). */
export async function responseOf(reply: RouteReply, url: string): Promise<StoredResponse> {
  switch (reply.kind) {
    case 'record':
      return { status: reply.status ?? 200, headers: { etag: etagOf(reply.record) }, body: reply.record };
    case 'page':
      return {
        status: 200,
        headers: reply.page.nextCursor === undefined ? {} : { link: nextLink(url, reply.page.nextCursor) },
        body: reply.page,
      };
    case 'job': {
      const job = await reply.handle.get();
      return { status: 202, headers: { location: `/v1/jobs/${job.id}` }, body: job };
    }
    case 'empty':
      return { status: 204, headers: {}, body: undefined };
    case 'json':
      return { status: reply.status, headers: {}, body: reply.body };
  }
}

/** Sends a response. */
export function send(reply: FastifyReply, response: StoredResponse): FastifyReply {
  reply.code(response.status).headers(response.headers);
  return response.body === undefined ? reply.send() : reply.send(response.body);
}

/** `Link: <same URL with the cursor>; rel="next"`, so a client can follow pages without building URLs. */
function nextLink(url: string, cursor: string): string {
  const next = new URL(url, 'http://x');
  next.searchParams.set('cursor', cursor);
  return `<${next.pathname}${next.search}>; rel="next"`;
}
