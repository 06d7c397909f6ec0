import { PrincipalRecord } from '@ecloud/core';
import { z } from 'zod';
import { IdParams } from './http-schemas.js';
import { patchRoute, type RouteSpec, route } from './route.js';

const tag = 'identity';

/** The body of `PATCH /v1/users/{id}`: the one field of a principal the core lets an administrator change. */
const PrincipalUpdate = z.strictObject({ state: PrincipalRecord.shape.state });

/**
 * The body of a password change. Only its size is checked here: the policy (length, classes, history)
 * is the core's, and its refusal lists every rule broken without echoing the password.
 */
const PasswordBody = z.strictObject({ password: z.string().min(1).max(1024) });

/**
 * What the security administrator does to an account (R-SEC-1): disable or enable it, set a user's
 * password, delete it. Nobody does any of it to their own account — the core refuses that.
 */
export const USER_ACCOUNT_ROUTES: readonly RouteSpec[] = [
  patchRoute({
    path: '/v1/users/{id}',
    operationId: 'updatePrincipal',
    summary:
      "Disables (no login, no rights) or enables a user, group or service account; `If-Match` guards against another's change.",
    tag,
    body: PrincipalUpdate,
    record: PrincipalRecord,
    current: (cloud, ctx, id) => cloud.identity.principals.get(ctx, id),
    update: (cloud, ctx, id, body) => cloud.identity.principals.setState(ctx, id, body.state),
  }),
  route({
    method: 'POST',
    path: '/v1/users/{id}/password',
    operationId: 'setPassword',
    summary: "Sets a local user's password, held to the password policy and its history; clears a lockout.",
    tag,
    params: IdParams,
    body: PasswordBody,
    response: { status: 204 },
    handle: async ({ cloud, ctx, params, body }) => {
      await cloud.identity.principals.setPassword(ctx, params.id, body.password);
      return { kind: 'empty' };
    },
  }),
  route({
    method: 'DELETE',
    path: '/v1/users/{id}',
    operationId: 'deletePrincipal',
    summary: 'Deletes a user, group or service account with its bindings, memberships and credentials.',
    tag,
    params: IdParams,
    response: { status: 204 },
    handle: async ({ cloud, ctx, params }) => {
      await cloud.identity.principals.delete(ctx, params.id);
      return { kind: 'empty' };
    },
  }),
];
