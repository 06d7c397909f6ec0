import { EcloudError, PasswordPolicy } from '@ecloud/core';
import { z } from 'zod';
import { type RouteSpec, route } from './route.js';

const tag = 'identity';
const field = PasswordPolicy.shape;

/**
 * The body of a policy change: the policy's fields without their defaults. With them, a body naming one
 * field would come out of validation with every other field at its default, and the core — which keeps
 * what is left out — would be told to reset them all.
 */
const PasswordPolicyChange = z.strictObject({
  minLength: field.minLength.unwrap().optional(),
  requireClasses: field.requireClasses.unwrap().optional(),
  historySize: field.historySize.unwrap().optional(),
  maxFailures: field.maxFailures.unwrap().optional(),
  lockoutMs: field.lockoutMs.unwrap().optional(),
});

/**
 * `If-Match` on the policy: the core keeps it without a version, so its answers carry no `ETag` and no
 * listed tag can be its (RFC 9110 §13.1.1: 412); only `*` — "as long as there is a policy" — passes.
 */
function refuseEntityTags(header: string): void {
  if (header.split(',').some((tag) => tag.trim() === '*')) return;
  throw new EcloudError('CONFLICT', `The password policy has no entity tag (If-Match ${header}).`, {
    details: { id: 'password-policy', reason: 'precondition-failed' },
    retryable: false,
  });
}

/**
 * The password and lockout policy local users are held to (R-SEC-4), shared by every management process
 * on the store. Reading and changing it are the security administrator's.
 */
export const PASSWORD_POLICY_ROUTES: readonly RouteSpec[] = [
  route({
    method: 'GET',
    path: '/v1/password-policy',
    operationId: 'getPasswordPolicy',
    summary: 'The password policy: the one last set, else the configured one.',
    tag,
    response: { status: 200, schema: PasswordPolicy },
    handle: async ({ cloud, ctx }) => ({
      kind: 'json',
      status: 200,
      body: await cloud.identity.passwordPolicy(ctx),
    }),
  }),
  route({
    method: 'PATCH',
    path: '/v1/password-policy',
    operationId: 'updatePasswordPolicy',
    summary:
      'Changes the password policy; fields left out keep their value. Passwords already set stay until changed.',
    tag,
    body: PasswordPolicyChange,
    response: { status: 200, schema: PasswordPolicy },
    handle: async ({ cloud, ctx, body, ifMatch }) => {
      if (ifMatch !== undefined) {
        // Read first, so a caller without the right is told that (403), not that its tag is stale.
        await cloud.identity.passwordPolicy(ctx);
        refuseEntityTags(ifMatch);
      }
      return { kind: 'json', status: 200, body: await cloud.identity.setPasswordPolicy(ctx, body) };
    },
  }),
];
