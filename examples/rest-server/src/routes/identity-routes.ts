import {
  AuditRecord,
  CreatePrincipalInput,
  GrantRoleInput,
  PrincipalFilter,
  PrincipalRecord,
  RoleBinding,
  RoleBindingFilter,
} from '@ecloud/core';
import { z } from 'zod';
import { IdParams, listQuery, PageQuery } from './http-schemas.js';
import { createRoute, getRoute, listRoute, type RouteSpec, route } from './route.js';

/** The answer of an audit chain check: how many records passed, and the first problem if any. */
const AuditVerificationAnswer = z.object({
  ok: z.boolean(),
  records: z.number().int(),
  head: z.unknown().optional(),
  problem: z.unknown().optional(),
});

/**
 * Users and groups, role bindings (R-SEC-1, R-SEC-2) and the audit log (R-SEC-3). Who may do what is
 * the core's to decide: the security administrator manages principals and grants, the audit
 * administrator reads and verifies the log.
 */
export const IDENTITY_ROUTES: readonly RouteSpec[] = [
  listRoute({
    path: '/v1/users',
    operationId: 'listPrincipals',
    summary: 'Lists users and groups.',
    tag: 'identity',
    query: listQuery(PrincipalFilter),
    item: PrincipalRecord,
    list: (cloud, ctx, query) => cloud.identity.principals.list(ctx, query),
  }),
  createRoute({
    path: '/v1/users',
    operationId: 'createPrincipal',
    summary:
      'Creates a user (with a first password held to the password policy), a group or a service account.',
    tag: 'identity',
    body: CreatePrincipalInput,
    record: PrincipalRecord,
    create: (cloud, ctx, body) => cloud.identity.principals.create(ctx, body),
  }),
  getRoute({
    path: '/v1/users/{id}',
    operationId: 'getPrincipal',
    summary: 'One user, group or service account.',
    tag: 'identity',
    record: PrincipalRecord,
    get: (cloud, ctx, id) => cloud.identity.principals.get(ctx, id),
  }),
  listRoute({
    path: '/v1/bindings',
    operationId: 'listBindings',
    summary: 'Lists role bindings: who holds which role where.',
    tag: 'identity',
    query: listQuery(RoleBindingFilter),
    item: RoleBinding,
    list: (cloud, ctx, query) => cloud.identity.bindings.list(ctx, query),
  }),
  createRoute({
    path: '/v1/bindings',
    operationId: 'grantRole',
    summary: 'Grants a role to a principal on a scope (platform, domain, tenant or one resource).',
    tag: 'identity',
    body: GrantRoleInput,
    record: RoleBinding,
    create: (cloud, ctx, body) => cloud.identity.bindings.grant(ctx, body),
  }),
  route({
    method: 'DELETE',
    path: '/v1/bindings/{id}',
    operationId: 'revokeRole',
    summary: 'Revokes a role binding.',
    tag: 'identity',
    params: IdParams,
    response: { status: 204 },
    handle: async ({ cloud, ctx, params }) => {
      await cloud.identity.bindings.revoke(ctx, params.id);
      return { kind: 'empty' };
    },
  }),
  listRoute({
    path: '/v1/audit',
    operationId: 'listAudit',
    summary: 'One page of the tamper-evident audit log, oldest first.',
    tag: 'audit',
    query: PageQuery,
    item: AuditRecord,
    list: (cloud, ctx, query) => cloud.audit.list(ctx, query),
  }),
  route({
    method: 'POST',
    path: '/v1/audit/verify',
    operationId: 'verifyAudit',
    summary: 'Recomputes the audit chain and reports whether every record is intact.',
    tag: 'audit',
    response: { status: 200, schema: AuditVerificationAnswer },
    handle: async ({ cloud, ctx }) => ({ kind: 'json', status: 200, body: await cloud.audit.verify(ctx) }),
  }),
];
