import { describe, expect, it } from 'vitest';
import { paginate } from '../src/index.js';
import { JSON_REPLY, mockApi, PROBLEM_REPLY, problem } from './mock-api.js';

const vm = (id: string) => ({ id, name: id });

describe('paginate', () => {
  it('walks every page by cursor, keeping the filter on every request', async () => {
    const { client, pool, calls } = mockApi();
    pool
      .intercept({ path: '/v1/instances', method: 'GET', query: { state: 'running', limit: '2' } })
      .reply(200, { items: [vm('vm-1'), vm('vm-2')], nextCursor: 'vm-2' }, JSON_REPLY);
    pool
      .intercept({
        path: '/v1/instances',
        method: 'GET',
        query: { state: 'running', limit: '2', cursor: 'vm-2' },
      })
      .reply(200, { items: [vm('vm-3'), vm('vm-4')], nextCursor: 'vm-4' }, JSON_REPLY);
    pool
      .intercept({
        path: '/v1/instances',
        method: 'GET',
        query: { state: 'running', limit: '2', cursor: 'vm-4' },
      })
      .reply(200, { items: [vm('vm-5')] }, JSON_REPLY);
    const ids: string[] = [];
    for await (const instance of client.paginate(client.instances.list, { state: 'running', limit: 2 })) {
      ids.push(instance.id);
    }
    expect(ids).toEqual(['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5']);
    expect(calls().map((call) => call.searchParams.cursor)).toEqual([undefined, 'vm-2', 'vm-4']);
  });

  it('fetches no further page once the reader stops', async () => {
    const { client, pool, calls } = mockApi();
    pool
      .intercept({ path: '/v1/hosts', method: 'GET' })
      .reply(200, { items: [vm('host-1'), vm('host-2')], nextCursor: 'host-2' }, JSON_REPLY)
      .persist();
    for await (const host of paginate(client.hosts.list)) {
      expect(host.id).toBe('host-1');
      break;
    }
    expect(calls()).toHaveLength(1);
  });

  it('throws a failing page from the loop, after the items before it', async () => {
    const { client, pool } = mockApi();
    pool
      .intercept({ path: '/v1/volumes', method: 'GET' })
      .reply(200, { items: [vm('vol-1')], nextCursor: 'vol-1' }, JSON_REPLY);
    pool
      .intercept({ path: '/v1/volumes', method: 'GET', query: { cursor: 'vol-1' } })
      .reply(401, problem(401, 'UNAUTHENTICATED', 'The token has expired.'), PROBLEM_REPLY);
    const seen: string[] = [];
    const walk = async () => {
      for await (const volume of paginate(client.volumes.list)) seen.push(volume.id);
    };
    await expect(walk()).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(seen).toEqual(['vol-1']);
  });

  it('stops when a server hands the same cursor out twice', async () => {
    const { client, pool, calls } = mockApi();
    pool
      .intercept({ path: (path) => path.startsWith('/v1/jobs'), method: 'GET' })
      .reply(200, { items: [vm('job-1')], nextCursor: 'job-1' }, JSON_REPLY)
      .persist();
    const ids: string[] = [];
    for await (const found of paginate(client.jobs.list)) ids.push(found.id);
    expect(ids).toEqual(['job-1', 'job-1']);
    expect(calls()).toHaveLength(2);
  });
});
