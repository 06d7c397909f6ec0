import { type CallContext, type Cloud, CustomRole, EcloudError, Permission, RoleInput } from '@ecloud/core';
import { z } from 'zod';
import { IdParams, PageQuery } from './http-schemas.js';
import { createRoute, listRoute, patchRoute, type RouteSpec, route } from './route.js';

const tag = 'roles';

/** One of the six roles every cloud has: not stored, so it has no version and cannot change. */
const BuiltInRole = z.object({
  id: z.string(),
  name: z.string(),
  permissions: z.array(Permission),
  builtIn: z.literal(true),
});

/** A role as `GET /v1/roles/{id}` answers it: `builtIn` tells the two kinds apart. */
const AnyRole = z.discriminatedUnion('builtIn', [
  CustomRole.extend({ builtIn: z.literal(false) }),
  BuiltInRole,
]);

/**
 * The body of `PATCH /v1/roles/{id}`: the core's `RoleUpdateInput`, which its entry point does not
 * export, rebuilt from the stored role's own fields — no defaults, so a field left out stays as it is.
 */
const RoleUpdate = z.strictObject({
  description: CustomRole.shape.description.optional(),
  permissions: CustomRole.shape.permissions.optional(),
});

/**
 * A custom role as stored, with its version. The core's `roles.get` answers a role without its version
 * or description, so the stored record is found among the custom roles the caller may list (`role:read`,
 * as `get` checks); there are a handful in any cloud, mostly one page.
 */
async function storedRole(cloud: Cloud, ctx: CallContext, id: string): Promise<CustomRole> {
  let cursor: string | undefined;
  do {
    const page = await cloud.identity.roles.list(ctx, { limit: 1000, ...(cursor ? { cursor } : {}) });
    const found = page.items.find((role) => role.id === id);
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  throw new EcloudError('NOT_FOUND', `Role ${id} does not exist.`, { details: { id } });
}

/**
 * Roles (R-SEC-1): the six built in, and custom roles the security administrator defines, each of one
 * duty only (R-SEC-2) — the core refuses a role that mixes them.
 */
export const ROLE_ROUTES: readonly RouteSpec[] = [
  listRoute({
    path: '/v1/roles',
    operationId: 'listRoles',
    summary: 'Lists the custom roles, oldest first (`/v1/roles/built-in` has the six built in).',
    tag,
    query: PageQuery,
    item: CustomRole,
    list: (cloud, ctx, query) => cloud.identity.roles.list(ctx, query),
  }),
  route({
    method: 'GET',
    path: '/v1/roles/built-in',
    operationId: 'listBuiltInRoles',
    summary: 'The roles every cloud has: the three administrators, operator, tenant admin and member.',
    tag,
    response: { status: 200, schema: z.object({ items: z.array(BuiltInRole) }) },
    handle: async ({ cloud, ctx }) => ({
      kind: 'json',
      status: 200,
      body: { items: await cloud.identity.roles.builtIn(ctx) },
    }),
  }),
  createRoute({
    path: '/v1/roles',
    operationId: 'createRole',
    summary: 'Defines a custom role: declared permissions of one duty only.',
    tag,
    body: RoleInput,
    record: CustomRole,
    create: (cloud, ctx, body) => cloud.identity.roles.create(ctx, body),
  }),
  route({
    method: 'GET',
    path: '/v1/roles/{id}',
    operationId: 'getRole',
    summary: 'One role, built in or custom; a custom role carries its `ETag`.',
    tag,
    params: IdParams,
    response: { status: 200, schema: AnyRole },
    handle: async ({ cloud, ctx, params }) => {
      // `get` first: it checks the right and knows the built-in roles, which have no version to tag.
      const role = await cloud.identity.roles.get(ctx, params.id);
      if (role.builtIn) return { kind: 'json', status: 200, body: role };
      return { kind: 'record', record: { ...(await storedRole(cloud, ctx, params.id)), builtIn: false } };
    },
  }),
  patchRoute({
    path: '/v1/roles/{id}',
    operationId: 'updateRole',
    summary:
      "Changes a custom role's description or permissions (a bound role keeps its duty); `If-Match` guards against another's change.",
    tag,
    body: RoleUpdate,
    record: CustomRole,
    current: (cloud, ctx, id) => storedRole(cloud, ctx, id),
    update: (cloud, ctx, id, body) => cloud.identity.roles.update(ctx, id, body),
  }),
  route({
    method: 'DELETE',
    path: '/v1/roles/{id}',
    operationId: 'deleteRole',
    summary: 'Deletes a custom role no binding uses.',
    tag,
    params: IdParams,
    response: { status: 204 },
    handle: async ({ cloud, ctx, params }) => {
      await cloud.identity.roles.delete(ctx, params.id);
      return { kind: 'empty' };
    },
  }),
];
