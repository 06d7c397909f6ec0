// A client on undici's MockAgent: no server, every answer scripted per test, every request recorded.

import type { Interceptable, MockCallHistoryLog } from 'undici';
import { MockAgent } from 'undici';
import { EcloudClient, type EcloudClientOptions, type Job } from '../src/index.js';

export const BASE_URL = 'http://cloud.test';
export const JSON_REPLY = { headers: { 'content-type': 'application/json' } };
export const PROBLEM_REPLY = { headers: { 'content-type': 'application/problem+json' } };

export interface MockApi {
  readonly client: EcloudClient;
  readonly agent: MockAgent;
  /** Where the test scripts answers: `pool.intercept({ path, method }).reply(…)`. */
  readonly pool: Interceptable;
  /** Every request sent so far, oldest first. */
  calls(): MockCallHistoryLog[];
}

/** A client with a token (unless `token: undefined`) and fast retries (1–5 ms) on a fresh MockAgent. */
export function mockApi(
  options: Partial<Omit<EcloudClientOptions, 'token'>> & { token?: string | undefined } = {},
): MockApi {
  const { token: given, ...rest } = options;
  const token = 'token' in options ? given : 'tok-1';
  const agent = new MockAgent({ enableCallHistory: true });
  agent.disableNetConnect();
  const client = new EcloudClient({
    baseUrl: BASE_URL,
    ...(token === undefined ? {} : { token }),
    dispatcher: agent,
    retry: { minDelayMs: 1, maxDelayMs: 5 },
    ...rest,
  });
  return { client, agent, pool: agent.get(BASE_URL), calls: () => agent.getCallHistory()?.calls() ?? [] };
}

/** A problem document as the server writes it. */
export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return { type: `urn:ecloud:error:${code}`, title: code, status, detail, code, retryable: false, ...extra };
}

/** A job record with everything a job has; `fields` override. */
export function job(fields: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    operation: 'instance.create',
    state: 'running',
    progress: 0,
    tenantId: 'tnt-1',
    resourceType: 'instance',
    resourceId: 'vm-1',
    result: null,
    error: null,
    cancelRequested: false,
    startedAt: null,
    finishedAt: null,
    ...fields,
  };
}

/** The value of one request header, as the mock agent recorded it. */
export function header(call: MockCallHistoryLog | undefined, name: string): string | undefined {
  const value = call?.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}
