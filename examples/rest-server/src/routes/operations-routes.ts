import {
  CloudEvent,
  DiscoverHostsInput,
  EventFilter,
  Host,
  HostFilter,
  JobFilter,
  LoginInput,
  Volume,
  VolumeFilter,
} from '@ecloud/core';
import { z } from 'zod';
import { JobView, jobView } from '../http/job-view.js';
import { IdParams, JobAccepted, listQuery } from './http-schemas.js';
import { getRoute, listRoute, type RouteSpec, route } from './route.js';

const TokenAnswer = z.object({ token: z.string(), expiresAt: z.string(), principalId: z.string() });

/** Logging in: the one route without a caller. */
export const AUTH_ROUTES: readonly RouteSpec[] = [
  route({
    method: 'POST',
    path: '/v1/auth/tokens',
    operationId: 'createToken',
    summary: 'Logs in with a user name and password (local or a directory) and answers a bearer token.',
    tag: 'auth',
    auth: false,
    body: LoginInput,
    response: { status: 201, schema: TokenAnswer },
    handle: async ({ cloud, body }) => ({
      kind: 'json',
      status: 201,
      body: await cloud.identity.login(body),
    }),
  }),
];

/** Hosts, their maintenance (R-COMP-5) and usage (R-SCHED-1). */
export const HOST_ROUTES: readonly RouteSpec[] = [
  listRoute({
    path: '/v1/hosts',
    operationId: 'listHosts',
    summary: 'Lists hosts.',
    tag: 'hosts',
    query: listQuery(HostFilter),
    item: Host,
    list: (cloud, ctx, query) => cloud.hosts.list(ctx, query),
  }),
  route({
    method: 'POST',
    path: '/v1/hosts/discover',
    operationId: 'discoverHosts',
    summary: 'Registers every host a driver serves into a cluster; hosts already known are left as they are.',
    tag: 'hosts',
    body: DiscoverHostsInput,
    response: { status: 200, schema: z.object({ items: z.array(Host) }) },
    handle: async ({ cloud, ctx, body }) => ({
      kind: 'json',
      status: 200,
      body: { items: await cloud.hosts.discover(ctx, body) },
    }),
  }),
  getRoute({
    path: '/v1/hosts/{id}',
    operationId: 'getHost',
    summary: 'One host.',
    tag: 'hosts',
    record: Host,
    get: (cloud, ctx, id) => cloud.hosts.get(ctx, id),
  }),
  route({
    method: 'POST',
    path: '/v1/hosts/{id}/maintenance',
    operationId: 'enterHostMaintenance',
    summary: 'Puts a host into maintenance: it takes no new instances, and a job moves its instances off.',
    tag: 'hosts',
    params: IdParams,
    response: { status: 202, schema: JobAccepted },
    handle: async ({ cloud, ctx, params }) => ({
      kind: 'job',
      handle: await cloud.hosts.enterMaintenance(ctx, params.id),
    }),
  }),
  route({
    method: 'DELETE',
    path: '/v1/hosts/{id}/maintenance',
    operationId: 'exitHostMaintenance',
    summary: 'Returns a host in maintenance to service.',
    tag: 'hosts',
    params: IdParams,
    response: { status: 200, schema: Host },
    handle: async ({ cloud, ctx, params }) => ({
      kind: 'record',
      record: await cloud.hosts.exitMaintenance(ctx, params.id),
    }),
  }),
];

/** Volumes. */
export const VOLUME_ROUTES: readonly RouteSpec[] = [
  listRoute({
    path: '/v1/volumes',
    operationId: 'listVolumes',
    summary: 'Lists volumes.',
    tag: 'volumes',
    query: listQuery(VolumeFilter),
    item: Volume,
    list: (cloud, ctx, query) => cloud.volumes.list(ctx, query),
  }),
  getRoute({
    path: '/v1/volumes/{id}',
    operationId: 'getVolume',
    summary: 'One volume.',
    tag: 'volumes',
    record: Volume,
    get: (cloud, ctx, id) => cloud.volumes.get(ctx, id),
  }),
  route({
    method: 'DELETE',
    path: '/v1/volumes/{id}',
    operationId: 'deleteVolume',
    summary: 'Deletes a detached volume, wiped first.',
    tag: 'volumes',
    params: IdParams,
    response: { status: 202, schema: JobAccepted },
    handle: async ({ cloud, ctx, params }) => ({
      kind: 'job',
      handle: await cloud.volumes.delete(ctx, params.id),
    }),
  }),
];

/** Jobs (R-COMP-3) and the event log. */
export const JOB_ROUTES: readonly RouteSpec[] = [
  listRoute({
    path: '/v1/jobs',
    operationId: 'listJobs',
    summary: 'Lists jobs.',
    tag: 'jobs',
    query: listQuery(JobFilter),
    item: JobView,
    list: async (cloud, ctx, query) => {
      const page = await cloud.jobs.list(ctx, query);
      return { ...page, items: page.items.map(jobView) };
    },
  }),
  getRoute({
    path: '/v1/jobs/{id}',
    operationId: 'getJob',
    summary: 'One job: its state, progress and result or error.',
    tag: 'jobs',
    record: JobView,
    get: async (cloud, ctx, id) => jobView(await cloud.jobs.get(ctx, id)),
  }),
  route({
    method: 'POST',
    path: '/v1/jobs/{id}/cancel',
    operationId: 'cancelJob',
    summary: 'Asks a job to stop; what it did is undone.',
    tag: 'jobs',
    params: IdParams,
    response: { status: 204 },
    handle: async ({ cloud, ctx, params }) => {
      await cloud.jobs.cancel(ctx, params.id);
      return { kind: 'empty' };
    },
  }),
  listRoute({
    path: '/v1/events',
    operationId: 'listEvents',
    summary:
      'One page of the events the caller may see, oldest first (`Accept: text/event-stream` for the live stream).',
    tag: 'events',
    query: listQuery(EventFilter),
    item: CloudEvent,
    list: (cloud, ctx, query) => cloud.events.list(ctx, query),
  }),
];
