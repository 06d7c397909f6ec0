import type { JsonPage, Page } from '@ecloud/core';
import type { FastifyReply } from 'fastify';
import type { RouteReply } from '../routes/route.js';
import { etagOf } from './etag.js';
import type { StoredResponse } from './idempotency.js';
import { jobView } from './job-view.js';

/** A handler's reply as status, headers and body (what an idempotent retry gets again). */
export async function responseOf(reply: RouteReply, url: string): Promise<StoredResponse> {
  switch (reply.kind) {
    case 'record':
      return { status: reply.status ?? 200, headers: { etag: etagOf(reply.record) }, body: reply.record };
    case 'page':
      return {
        status: 200,
        headers: reply.page.nextCursor === undefined ? {} : { link: nextLink(url, reply.page.nextCursor) },
        body: pageBody(reply.page),
      };
    case 'job': {
      const job = await reply.handle.get();
      return { status: 202, headers: { location: `/v1/jobs/${job.id}` }, body: jobView(job) };
    }
    case 'empty':
      return { status: 204, headers: {}, body: undefined };
    case 'json':
      return { status: reply.status, headers: { ...reply.headers }, body: reply.body };
  }
}

/** A body that is JSON already, sent as these bytes. */
export class RawJson {
  constructor(readonly bytes: Buffer) {}
}

/** Sends a response. */
export function send(reply: FastifyReply, response: StoredResponse): FastifyReply {
  reply.code(response.status).headers(response.headers);
  if (response.body === undefined) return reply.send();
  if (response.body instanceof RawJson)
    return reply.type('application/json; charset=utf-8').send(response.body.bytes);
  return reply.send(response.body);
}

/**
 * The bytes of each page the core handed out lately. The core answers an unchanged page with the same
 * `JsonPage` object, so its body is encoded once, not measured and encoded again per request (a tenth of
 * a list's cost); held weakly, it goes when the core's cache lets the page go.
 */
const PAGE_BODIES = new WeakMap<JsonPage, RawJson>();

/** A page's body: a `JsonPage`'s records spliced into the answer as the stored text they are. */
function pageBody(page: Page<unknown> | JsonPage): unknown {
  if (typeof page.items !== 'string') return page;
  const json = page as JsonPage;
  let body = PAGE_BODIES.get(json);
  if (body === undefined) {
    const cursor = json.nextCursor === undefined ? '' : `,"nextCursor":${JSON.stringify(json.nextCursor)}`;
    body = new RawJson(Buffer.from(`{"items":${json.items}${cursor}}`, 'utf8'));
    PAGE_BODIES.set(json, body);
  }
  return body;
}

/** `Link: <same URL with the cursor>; rel="next"`, so a client can follow pages without building URLs. */
function nextLink(url: string, cursor: string): string {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  // A path that could read as another host (`//host/...`) is normalised by the URL parser; the usual
  // one is taken as it is, which cost a tenth of what parsing the URL did.
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) {
    const next = new URL(url, 'http://x');
    next.searchParams.set('cursor', cursor);
    return `<${next.pathname}${next.search}>; rel="next"`;
  }
  const query = new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1));
  query.set('cursor', cursor);
  return `<${path}?${query}>; rel="next"`;
}
