import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from './test-server.js';

/** An open SSE connection: the events received so far, parsed. */
interface Stream {
  readonly status: number;
  readonly contentType: string;
  readonly events: { id: string; event: string; data: Record<string, unknown> }[];
  close(): void;
}

/** Opens `GET /v1/events` as Server-Sent Events over a real socket. */
function openStream(port: number, token: string | undefined): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        port,
        path: '/v1/events',
        headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const events: Stream['events'] = [];
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields = new Map(
              block
                .split('\n')
                .filter((line) => !line.startsWith(':'))
                .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
            );
            const data = fields.get('data');
            if (data)
              events.push({
                id: fields.get('id') ?? '',
                event: fields.get('event') ?? '',
                data: JSON.parse(data),
              });
          }
        });
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type']),
          events,
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 250; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('the live event stream (Server-Sent Events)', () => {
  let server: TestServer;
  let port = 0;

  beforeAll(async () => {
    server = await testServer();
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    port = (server.app.server.address() as AddressInfo).port;
  });
  afterAll(() => server?.close());

  it('streams each new event the caller may see, with its id and type, and nothing of other tenants', async () => {
    const platform = await openStream(port, server.tokens.sysadmin);
    const demo = await openStream(port, server.tokens['demo-admin']);
    const other = await openStream(port, server.tokens['other-admin']);
    try {
      expect(platform.status).toBe(200);
      expect(platform.contentType).toContain('text/event-stream');
      const created = await server.call('demo-admin', {
        method: 'POST',
        url: '/v1/instances',
        payload: {
          name: 'sse-1',
          tenantId: server.tenants.demo,
          offeringId: server.offeringId,
          imageId: server.imageId,
        },
      });
      expect(created.statusCode).toBe(202);
      const instanceId = String(created.json().resourceId);
      const about = (stream: Stream) => stream.events.filter((e) => e.data.resourceId === instanceId);
      await until(() => about(platform).length > 0 && about(demo).length > 0, 'the instance events');
      const [first] = about(demo);
      expect(first?.event).toBe(first?.data.type);
      expect(first?.id).toBe(first?.data.id);
      await server.call('sysadmin', { method: 'POST', url: '/v1/datacenters', payload: { name: 'dc-sse' } });
      await until(() => platform.events.some((e) => e.event === 'datacenter.created'), 'datacenter.created');
      expect(about(other)).toEqual([]);
    } finally {
      for (const stream of [platform, demo, other]) stream.close();
    }
  });

  it('refuses a stream without a valid token, as a problem document', async () => {
    const refused = await openStream(port, 'not-a-token');
    refused.close();
    expect(refused.status).toBe(401);
    expect(refused.contentType).toContain('application/problem+json');
  });

  it('ends open streams when the server shuts down, instead of being held open by them', async () => {
    const own = await testServer();
    await own.app.listen({ host: '127.0.0.1', port: 0 });
    const stream = await openStream((own.app.server.address() as AddressInfo).port, own.tokens.sysadmin);
    expect(stream.status).toBe(200);
    const closing = own.close();
    const finished = await Promise.race([
      closing.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
    ]);
    stream.close();
    expect(finished).toBe(true);
  });
});
