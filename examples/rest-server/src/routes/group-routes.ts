import { Membership } from '@ecloud/core';
import { z } from 'zod';
import { IdParams } from './http-schemas.js';
import { type RouteSpec, route } from './route.js';

const tag = 'identity';

/** A group's `{id}` and the `{userId}` of one of its members. */
const MemberParams = IdParams.extend({ userId: z.string().min(1).max(128) });

/** Who joins the group. */
const AddMemberBody = z.strictObject({ userId: z.string().min(1).max(128) });

/**
 * Group membership (R-SEC-1): a member holds its group's bindings. Groups themselves are principals of
 * kind `group`, made and listed at `/v1/users` (`?kind=group`). The core refuses a membership that would
 * give a user a second duty (R-SEC-2), or that a caller gives itself.
 */
export const GROUP_ROUTES: readonly RouteSpec[] = [
  route({
    method: 'POST',
    path: '/v1/groups/{id}/members',
    operationId: 'addGroupMember',
    summary: "Puts a user in a group: the group's role bindings apply to the user from now on.",
    tag,
    params: IdParams,
    body: AddMemberBody,
    response: { status: 201, schema: Membership },
    handle: async ({ cloud, ctx, params, body }) => ({
      kind: 'record',
      status: 201,
      record: await cloud.identity.principals.addMember(ctx, params.id, body.userId),
    }),
  }),
  route({
    method: 'DELETE',
    path: '/v1/groups/{id}/members/{userId}',
    operationId: 'removeGroupMember',
    summary: "Takes a user out of a group, and with it the group's rights.",
    tag,
    params: MemberParams,
    response: { status: 204 },
    handle: async ({ cloud, ctx, params }) => {
      await cloud.identity.principals.removeMember(ctx, params.id, params.userId);
      return { kind: 'empty' };
    },
  }),
];
