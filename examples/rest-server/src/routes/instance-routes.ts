import { createHash } from 'node:crypto';
import {
  CloneInstanceInput,
  CreateInstanceInput,
  DataDiskInput,
  Instance,
  InstanceFilter,
  MigrateInstanceInput,
  ResizeInstanceInput,
  Snapshot,
  SnapshotInstanceInput,
  StopInstanceInput,
  UpdateInstanceInput,
} from '@ecloud/core';
import { z } from 'zod';
import { IdParams, JobAccepted, listQuery, PageQuery, pageOf } from './http-schemas.js';
import { getRoute, listRoute, patchRoute, type RouteSpec, route } from './route.js';

const tag = 'instances';
const accepted = { status: 202, schema: JobAccepted } as const;
const SnapshotParams = IdParams.extend({ snapshotId: z.string().min(1).max(128) });
const VolumeParams = IdParams.extend({ volumeId: z.string().min(1).max(128) });

/** A caller's `Idempotency-Key` as the core keeps it: the caller's id and a digest of the key (≤ 128). */
function callerKey(principalId: string, key: string): string {
  return `${principalId.slice(0, 60)}:${createHash('sha256').update(key).digest('base64url')}`;
}

/** An action on one instance that takes no input and answers with its job. */
function action(name: 'start' | 'reboot' | 'suspend' | 'resume', summary: string): RouteSpec {
  return route({
    method: 'POST',
    path: `/v1/instances/{id}/${name}`,
    operationId: `${name}Instance`,
    summary,
    tag,
    params: IdParams,
    response: accepted,
    handle: async ({ cloud, ctx, params }) => ({
      kind: 'job',
      handle: await cloud.instances[name](ctx, params.id),
    }),
  });
}

/** The instance routes (R-COMP-2, R-COMP-3): every long operation answers 202 with its job. */
export const INSTANCE_ROUTES: readonly RouteSpec[] = [
  listRoute({
    path: '/v1/instances',
    operationId: 'listInstances',
    summary: 'Lists the instances the caller may see, oldest first.',
    tag: tag,
    query: listQuery(InstanceFilter),
    item: Instance,
    list: (cloud, ctx, query) => cloud.instances.listJson(ctx, query),
  }),
  route({
    method: 'POST',
    path: '/v1/instances',
    operationId: 'createInstance',
    summary: 'Creates an instance from an offering and an image.',
    tag,
    body: CreateInstanceInput,
    response: accepted,
    // The header's key also goes to the core, which keeps it with the job: a retry after a restart of
    // this server (whose own key cache is in memory) still finds the first job instead of making a VM.
    // The core scopes keys by tenant; the caller's id in front keeps them the caller's own, as here.
    handle: async ({ cloud, ctx, body, idempotencyKey }) => ({
      kind: 'job',
      handle: await cloud.instances.create(ctx, {
        ...body,
        ...(body.idempotencyKey === undefined && idempotencyKey !== undefined
          ? { idempotencyKey: callerKey(ctx.principal.id, idempotencyKey) }
          : {}),
      }),
    }),
  }),
  getRoute({
    path: '/v1/instances/{id}',
    operationId: 'getInstance',
    summary: 'One instance.',
    tag: tag,
    record: Instance,
    get: (cloud, ctx, id) => cloud.instances.get(ctx, id),
  }),
  patchRoute({
    path: '/v1/instances/{id}',
    operationId: 'updateInstance',
    summary: "Renames an instance or changes its description; `If-Match` guards against another's change.",
    tag,
    body: UpdateInstanceInput,
    record: Instance,
    current: (cloud, ctx, id) => cloud.instances.get(ctx, id),
    update: (cloud, ctx, id, body, expectedVersion) =>
      cloud.instances.update(ctx, id, expectedVersion === undefined ? body : { ...body, expectedVersion }),
    checksVersion: true,
  }),
  route({
    method: 'DELETE',
    path: '/v1/instances/{id}',
    operationId: 'deleteInstance',
    summary: 'Deletes an instance with its attached disks, wiped first.',
    tag,
    params: IdParams,
    response: accepted,
    handle: async ({ cloud, ctx, params }) => ({
      kind: 'job',
      handle: await cloud.instances.delete(ctx, params.id),
    }),
  }),
  action('start', 'Powers a stopped instance on.'),
  action('reboot', 'Restarts a running instance.'),
  action('suspend', 'Pauses a running instance in memory.'),
  action('resume', 'Continues a suspended instance.'),
  route({
    method: 'POST',
    path: '/v1/instances/{id}/stop',
    operationId: 'stopInstance',
    summary: 'Stops an instance: the guest is asked, or with `force` the power is cut.',
    tag,
    params: IdParams,
    body: StopInstanceInput.optional(),
    response: accepted,
    handle: async ({ cloud, ctx, params, body }) => ({
      kind: 'job',
      handle: await cloud.instances.stop(ctx, params.id, body ?? {}),
    }),
  }),
  route({
    method: 'POST',
    path: '/v1/instances/{id}/resize',
    operationId: 'resizeInstance',
    summary: 'Gives an instance the size of another offering.',
    tag,
    params: IdParams,
    body: ResizeInstanceInput,
    response: accepted,
    handle: async ({ cloud, ctx, params, body }) => ({
      kind: 'job',
      handle: await cloud.instances.resize(ctx, params.id, body),
    }),
  }),
  route({
    method: 'POST',
    path: '/v1/instances/{id}/migrate',
    operationId: 'migrateInstance',
    summary: 'Moves an instance to another host: live while it runs, cold while it is stopped.',
    tag,
    params: IdParams,
    body: MigrateInstanceInput.optional(),
    response: accepted,
    handle: async ({ cloud, ctx, params, body }) => ({
      kind: 'job',
      handle: await cloud.instances.migrate(ctx, params.id, body ?? {}),
    }),
  }),
  route({
    method: 'POST',
    path: '/v1/instances/{id}/clone',
    operationId: 'cloneInstance',
    summary: 'Copies an instance and its disks into a new instance.',
    tag,
    params: IdParams,
    body: CloneInstanceInput,
    response: accepted,
    handle: async ({ cloud, ctx, params, body }) => ({
      kind: 'job',
      handle: await cloud.instances.clone(ctx, params.id, body),
    }),
  }),
  route({
    method: 'POST',
    path: '/v1/instances/{id}/snapshots',
    operationId: 'snapshotInstance',
    summary: 'Takes a snapshot of an instance.',
    tag,
    params: IdParams,
    body: SnapshotInstanceInput,
    response: accepted,
    handle: async ({ cloud, ctx, params, body }) => ({
      kind: 'job',
      handle: await cloud.instances.snapshot(ctx, params.id, body),
    }),
  }),
  route({
    method: 'GET',
    path: '/v1/instances/{id}/snapshots',
    operationId: 'listInstanceSnapshots',
    summary: "An instance's snapshots.",
    tag,
    params: IdParams,
    query: PageQuery,
    response: { status: 200, schema: pageOf(Snapshot) },
    handle: async ({ cloud, ctx, params, query }) => ({
      kind: 'page',
      page: await cloud.instances.listSnapshots(ctx, params.id, query),
    }),
  }),
  route({
    method: 'POST',
    path: '/v1/instances/{id}/snapshots/{snapshotId}/revert',
    operationId: 'revertInstanceSnapshot',
    summary: 'Returns a stopped instance to a snapshot.',
    tag,
    params: SnapshotParams,
    response: accepted,
    handle: async ({ cloud, ctx, params }) => ({
      kind: 'job',
      handle: await cloud.instances.revertSnapshot(ctx, params.id, params.snapshotId),
    }),
  }),
  route({
    method: 'DELETE',
    path: '/v1/instances/{id}/snapshots/{snapshotId}',
    operationId: 'deleteInstanceSnapshot',
    summary: 'Removes a snapshot.',
    tag,
    params: SnapshotParams,
    response: accepted,
    handle: async ({ cloud, ctx, params }) => ({
      kind: 'job',
      handle: await cloud.instances.deleteSnapshot(ctx, params.id, params.snapshotId),
    }),
  }),
  route({
    method: 'POST',
    path: '/v1/instances/{id}/volumes',
    operationId: 'attachInstanceDisk',
    summary: 'Makes a data disk and attaches it to the instance.',
    tag,
    params: IdParams,
    body: DataDiskInput,
    response: accepted,
    handle: async ({ cloud, ctx, params, body }) => ({
      kind: 'job',
      handle: await cloud.instances.attachDisk(ctx, params.id, body),
    }),
  }),
  route({
    method: 'DELETE',
    path: '/v1/instances/{id}/volumes/{volumeId}',
    operationId: 'detachInstanceDisk',
    summary: 'Detaches a data disk from the instance, keeping its data.',
    tag,
    params: VolumeParams,
    response: accepted,
    handle: async ({ cloud, ctx, params }) => ({
      kind: 'job',
      handle: await cloud.instances.detachDisk(ctx, params.id, params.volumeId),
    }),
  }),
];
