// The administration routes as a client author relies on them: roles, accounts, groups, API keys, the
// password policy, quotas, audit checkpoints, host HA, regions, domains and tenant changes — status
// codes, problem documents, ETag / If-Match, and that each route really does what the core does.

import { randomBytes } from 'node:crypto';
import {
  createCloud,
  createMemoryStore,
  generateAuditKeyPair,
  sha256Hex,
  signRequest,
  systemContext,
} from '@ecloud/core';
import { type SimulatorDriver, simulator } from '@ecloud/core/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmins } from '../src/bootstrap-admins.js';
import { seedDemoInventory } from '../src/demo-inventory.js';
import { buildServer } from '../src/server.js';
import { PASSWORD, type TestServer, testServer } from './test-server.js';

const PROBLEM = 'application/problem+json';
const sys = systemContext('admin-routes-test');

function expectProblem(answer: LightMyRequestResponse, status: number, code: string) {
  expect(answer.statusCode, answer.body.slice(0, 300)).toBe(status);
  expect(answer.headers['content-type']).toContain(PROBLEM);
  const body = answer.json();
  expect(body).toMatchObject({ status, code, type: `urn:ecloud:error:${code}` });
  expect(typeof body.detail).toBe('string');
  return body;
}

/** The fields a 400 names, first segment of each issue's path. */
function badFields(answer: LightMyRequestResponse): string[] {
  const problem = expectProblem(answer, 400, 'INVALID_ARGUMENT');
  return (problem.details.issues as { path: string }[]).map((issue) => issue.path.split(/[.[]/)[0] ?? '');
}

/** `"id.version"` of a record, as the server tags it. */
const tagOf = (record: { id: string; version: number }) => `"${record.id}.${record.version}"`;

/**
 * A server whose cloud has what the shared test server's lacks: a key-encryption key (API keys), an
 * audit signing key (checkpoints), and HA that fences a host after one missed round, on a simulator the
 * test can fail hosts of.
 */
interface KeyedServer {
  readonly app: FastifyInstance;
  readonly sim: SimulatorDriver;
  readonly cloud: Awaited<ReturnType<typeof createCloud>>;
  call(user: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

async function keyedServer(): Promise<KeyedServer> {
  const sim = simulator({ name: 'sim', hypervisor: 'kvm', hosts: { count: 2 } });
  const cloud = await createCloud({
    store: createMemoryStore(),
    drivers: [sim],
    nodeId: 'admin-routes-test',
    ha: { enabled: false, missedHeartbeats: 1 },
    identity: { apiKeyEncryptionKey: randomBytes(32) },
    audit: { signingKey: { id: 'test-audit-key', privateKey: generateAuditKeyPair().privateKey } },
  });
  await seedDemoInventory(cloud, 'sim');
  await bootstrapAdmins(cloud, PASSWORD);
  const app = await buildServer({ cloud });
  const tokens: Record<string, string> = {};
  for (const username of ['sysadmin', 'secadmin', 'auditadmin']) {
    const answer = await app.inject({
      method: 'POST',
      url: '/v1/auth/tokens',
      payload: { username, password: PASSWORD },
    });
    tokens[username] = answer.json().token;
  }
  return {
    app,
    sim,
    cloud,
    call: (user, options) =>
      app.inject({ ...options, headers: { authorization: `Bearer ${tokens[user]}`, ...options.headers } }),
    close: async () => {
      await app.close();
      await cloud.close();
    },
  };
}

describe('the administration routes', () => {
  let server: TestServer;
  let keyed: KeyedServer;

  beforeAll(async () => {
    [server, keyed] = await Promise.all([testServer(), keyedServer()]);
  });
  afterAll(async () => {
    await Promise.all([server?.close(), keyed?.close()]);
  });

  const login = (username: string, password = PASSWORD) =>
    server.call(undefined, { method: 'POST', url: '/v1/auth/tokens', payload: { username, password } });

  /** Creates a principal as the security administrator, over HTTP. */
  const principal = async (kind: 'user' | 'group' | 'serviceAccount', name: string, password?: string) => {
    const answer = await server.call('secadmin', {
      method: 'POST',
      url: '/v1/users',
      payload: { kind, name, ...(password === undefined ? {} : { password }) },
    });
    expect(answer.statusCode).toBe(201);
    return answer.json() as { id: string; version: number; state: string };
  };

  describe('roles', () => {
    it('creates, reads, lists, updates under If-Match and deletes a custom role', async () => {
      const created = await server.call('secadmin', {
        method: 'POST',
        url: '/v1/roles',
        payload: { name: 'viewer', permissions: ['instance:read', 'volume:read'] },
      });
      expect(created.statusCode).toBe(201);
      const role = created.json();
      expect(role).toMatchObject({
        name: 'viewer',
        description: '',
        permissions: ['instance:read', 'volume:read'],
      });
      expect(created.headers.etag).toBe(tagOf(role));
      const url = `/v1/roles/${role.id}`;

      const read = await server.call('secadmin', { method: 'GET', url });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ id: role.id, version: role.version, builtIn: false });
      expect(read.headers.etag).toBe(created.headers.etag);
      const list = await server.call('secadmin', { method: 'GET', url: '/v1/roles' });
      expect(list.json().items.map((r: { id: string }) => r.id)).toContain(role.id);

      const described = await server.call('secadmin', {
        method: 'PATCH',
        url,
        headers: { 'if-match': String(read.headers.etag) },
        payload: { description: 'sees, touches nothing' },
      });
      expect(described.statusCode).toBe(200);
      expect(described.json()).toMatchObject({
        description: 'sees, touches nothing',
        version: role.version + 1,
      });
      expect(described.headers.etag).toBe(tagOf(described.json()));
      // The tag the first change was based on is stale now.
      const stale = await server.call('secadmin', {
        method: 'PATCH',
        url,
        headers: { 'if-match': String(read.headers.etag) },
        payload: { description: 'lost update' },
      });
      expect(expectProblem(stale, 412, 'CONFLICT').details.etag).toBe(described.headers.etag);
      expect((await server.call('secadmin', { method: 'GET', url })).json().description).toBe(
        'sees, touches nothing',
      );

      const deleted = await server.call('secadmin', { method: 'DELETE', url });
      expect(deleted.statusCode).toBe(204);
      expect(deleted.body).toBe('');
      expectProblem(await server.call('secadmin', { method: 'GET', url }), 404, 'NOT_FOUND');
      expectProblem(await server.call('secadmin', { method: 'DELETE', url }), 404, 'NOT_FOUND');
    });

    it('answers the six built-in roles, which carry no ETag (they have no version)', async () => {
      const all = await server.call('secadmin', { method: 'GET', url: '/v1/roles/built-in' });
      expect(all.statusCode).toBe(200);
      const names = all.json().items.map((r: { name: string; builtIn: boolean }) => [r.name, r.builtIn]);
      expect(names).toHaveLength(6);
      expect(names).toContainEqual(['audit-admin', true]);
      const one = await server.call('secadmin', { method: 'GET', url: '/v1/roles/role-audit-admin' });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ id: 'role-audit-admin', builtIn: true });
      expect(one.json().permissions).toContain('audit:verify');
      expect(one.headers.etag).toBeUndefined();
    });

    it('refuses a role mixing duties naming permissions, a bound one to delete, and anyone but security', async () => {
      const mixed = await server.call('secadmin', {
        method: 'POST',
        url: '/v1/roles',
        payload: { name: 'overreach', permissions: ['instance:read', 'user:create'] },
      });
      expect(badFields(mixed)).toContain('permissions');
      const untyped = await server.call('secadmin', {
        method: 'POST',
        url: '/v1/roles',
        payload: { name: 'untyped', permissions: 'instance:read' },
      });
      expect(badFields(untyped)).toContain('permissions');

      const role = (
        await server.call('secadmin', {
          method: 'POST',
          url: '/v1/roles',
          payload: { name: 'bound-viewer', permissions: ['instance:read'] },
        })
      ).json();
      const user = await principal('user', 'bound-viewer-user');
      const binding = await server.call('secadmin', {
        method: 'POST',
        url: '/v1/bindings',
        payload: {
          principalId: user.id,
          roleId: role.id,
          scope: { kind: 'tenant', id: server.tenants.demo },
        },
      });
      expect(binding.statusCode).toBe(201);
      expectProblem(
        await server.call('secadmin', { method: 'DELETE', url: `/v1/roles/${role.id}` }),
        409,
        'ILLEGAL_STATE',
      );
      // A bound role keeps its duty: adding a security permission would hand the holder a second one.
      const widened = await server.call('secadmin', {
        method: 'PATCH',
        url: `/v1/roles/${role.id}`,
        payload: { permissions: ['user:read'] },
      });
      expectProblem(widened, 409, 'ILLEGAL_STATE');

      expectProblem(
        await server.call('sysadmin', {
          method: 'POST',
          url: '/v1/roles',
          payload: { name: 'sys-made', permissions: ['instance:read'] },
        }),
        403,
        'PERMISSION_DENIED',
      );
      expectProblem(
        await server.call('sysadmin', { method: 'PATCH', url: `/v1/roles/${role.id}`, payload: {} }),
        403,
        'PERMISSION_DENIED',
      );
    });
  });

  describe('user accounts', () => {
    it('disables and enables a user under If-Match: a disabled user cannot log in', async () => {
      const user = await principal('user', 'carol', PASSWORD);
      const url = `/v1/users/${user.id}`;
      expect((await login('carol')).statusCode).toBe(201);
      const disabled = await server.call('secadmin', {
        method: 'PATCH',
        url,
        headers: { 'if-match': tagOf(user) },
        payload: { state: 'disabled' },
      });
      expect(disabled.statusCode).toBe(200);
      expect(disabled.json()).toMatchObject({ id: user.id, state: 'disabled', version: user.version + 1 });
      expect(disabled.headers.etag).toBe(tagOf(disabled.json()));
      expectProblem(await login('carol'), 401, 'UNAUTHENTICATED');

      const stale = await server.call('secadmin', {
        method: 'PATCH',
        url,
        headers: { 'if-match': tagOf(user) },
        payload: { state: 'active' },
      });
      expectProblem(stale, 412, 'CONFLICT');
      expectProblem(await login('carol'), 401, 'UNAUTHENTICATED');

      const enabled = await server.call('secadmin', {
        method: 'PATCH',
        url,
        headers: { 'if-match': String(disabled.headers.etag) },
        payload: { state: 'active' },
      });
      expect(enabled.json().state).toBe('active');
      expect((await login('carol')).statusCode).toBe(201);

      expect(
        badFields(await server.call('secadmin', { method: 'PATCH', url, payload: { state: 'locked' } })),
      ).toEqual(['state']);
      expectProblem(
        await server.call('sysadmin', { method: 'PATCH', url, payload: { state: 'disabled' } }),
        403,
        'PERMISSION_DENIED',
      );
      expectProblem(
        await server.call('secadmin', {
          method: 'PATCH',
          url: '/v1/users/principal-00000000000000000000000000',
          payload: { state: 'disabled' },
        }),
        404,
        'NOT_FOUND',
      );
    });

    it("sets a user's password held to the policy: the new one logs in, the old one no longer", async () => {
      const user = await principal('user', 'dave', PASSWORD);
      const url = `/v1/users/${user.id}/password`;
      const weak = await server.call('secadmin', { method: 'POST', url, payload: { password: 'short' } });
      expectProblem(weak, 400, 'INVALID_ARGUMENT');
      expect(weak.body).not.toContain('short"');
      expect(badFields(await server.call('secadmin', { method: 'POST', url, payload: {} }))).toEqual([
        'password',
      ]);
      const set = await server.call('secadmin', {
        method: 'POST',
        url,
        payload: { password: 'Brand-new-passw0rd' },
      });
      expect(set.statusCode).toBe(204);
      expect((await login('dave', 'Brand-new-passw0rd')).statusCode).toBe(201);
      expectProblem(await login('dave'), 401, 'UNAUTHENTICATED');
      expectProblem(
        await server.call('sysadmin', { method: 'POST', url, payload: { password: 'Sys-chosen-passw0rd' } }),
        403,
        'PERMISSION_DENIED',
      );
    });

    it('deletes a user, but nobody deletes themselves', async () => {
      const user = await principal('user', 'erin', PASSWORD);
      const deleted = await server.call('secadmin', { method: 'DELETE', url: `/v1/users/${user.id}` });
      expect(deleted.statusCode).toBe(204);
      expectProblem(
        await server.call('secadmin', { method: 'GET', url: `/v1/users/${user.id}` }),
        404,
        'NOT_FOUND',
      );
      expectProblem(await login('erin'), 401, 'UNAUTHENTICATED');
      const me = (await server.cloud.identity.principals.list(sys, { kind: 'user', limit: 1000 })).items.find(
        (p) => p.name === 'secadmin',
      );
      expectProblem(
        await server.call('secadmin', { method: 'DELETE', url: `/v1/users/${me?.id}` }),
        403,
        'PERMISSION_DENIED',
      );
    });
  });

  describe('group membership', () => {
    it("gives a member the group's rights, and takes them away with the membership", async () => {
      const group = await principal('group', 'demo-viewers');
      const user = await principal('user', 'frank', PASSWORD);
      const granted = await server.call('secadmin', {
        method: 'POST',
        url: '/v1/bindings',
        payload: {
          principalId: group.id,
          roleId: 'role-tenant-member',
          scope: { kind: 'tenant', id: server.tenants.demo },
        },
      });
      expect(granted.statusCode).toBe(201);
      const token = (await login('frank')).json().token;
      const instances = () =>
        server.app.inject({
          method: 'GET',
          url: `/v1/instances?tenantId=${server.tenants.demo}`,
          headers: { authorization: `Bearer ${token}` },
        });
      // Not yet bound anywhere, the user cannot even see tenant demo (R-SEC-5).
      expect((await instances()).statusCode).toBe(404);

      const added = await server.call('secadmin', {
        method: 'POST',
        url: `/v1/groups/${group.id}/members`,
        payload: { userId: user.id },
      });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ groupId: group.id, userId: user.id });
      expect(added.headers.etag).toBe(tagOf(added.json()));
      expect((await instances()).statusCode).toBe(200);

      const removed = await server.call('secadmin', {
        method: 'DELETE',
        url: `/v1/groups/${group.id}/members/${user.id}`,
      });
      expect(removed.statusCode).toBe(204);
      expect((await instances()).statusCode).toBe(404);
      expectProblem(
        await server.call('secadmin', { method: 'DELETE', url: `/v1/groups/${group.id}/members/${user.id}` }),
        404,
        'NOT_FOUND',
      );
    });

    it('refuses a member without userId (400), a group that is a user (404), and the system administrator (403)', async () => {
      const group = await principal('group', 'empty-group');
      const user = await principal('user', 'grace');
      expect(
        badFields(
          await server.call('secadmin', {
            method: 'POST',
            url: `/v1/groups/${group.id}/members`,
            payload: {},
          }),
        ),
      ).toEqual(['userId']);
      expectProblem(
        await server.call('secadmin', {
          method: 'POST',
          url: `/v1/groups/${user.id}/members`,
          payload: { userId: user.id },
        }),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await server.call('sysadmin', {
          method: 'POST',
          url: `/v1/groups/${group.id}/members`,
          payload: { userId: user.id },
        }),
        403,
        'PERMISSION_DENIED',
      );
    });
  });

  describe('API keys', () => {
    /** Asks the core who a request signed with `secret` under `keyId` stands for. */
    const signedCaller = (keyId: string, secret: string) => {
      const parts = {
        method: 'GET',
        path: '/v1/instances',
        bodySha256: sha256Hex(''),
        keyId,
        nonce: randomBytes(16).toString('base64url'),
        timestamp: Date.now(),
      };
      return keyed.cloud.identity.apiKeys.authenticateRequest({
        ...parts,
        signature: signRequest(Buffer.from(secret, 'base64url'), parts),
      });
    };

    it('answers a working secret once (201), never again, and revokes the key', async () => {
      const account = await keyed.call('secadmin', {
        method: 'POST',
        url: '/v1/users',
        payload: { kind: 'serviceAccount', name: 'ci-robot' },
      });
      const accountId = account.json().id;
      const issued = await keyed.call('secadmin', { method: 'POST', url: `/v1/users/${accountId}/api-keys` });
      expect(issued.statusCode).toBe(201);
      const { keyId, secret, principalId } = issued.json();
      expect(principalId).toBe(accountId);
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(issued.headers.etag).toBeUndefined();
      expect(issued.headers['cache-control']).toBe('no-store');
      expect((await signedCaller(keyId, secret)).principal.id).toBe(accountId);

      // A keyed retry is neither shown the secret again nor given a second key.
      const keyedMake = () =>
        keyed.call('secadmin', {
          method: 'POST',
          url: `/v1/users/${accountId}/api-keys`,
          headers: { 'idempotency-key': 'make-key-1' },
        });
      const first = await keyedMake();
      expect(first.statusCode).toBe(201);
      const retry = await keyedMake();
      expect(expectProblem(retry, 409, 'CONFLICT').details.reason).toBe('answer-withheld');
      expect(retry.body).not.toContain(first.json().secret);

      // Nowhere to be read again: not on the account, not in the audit log of its making.
      const read = await keyed.call('secadmin', { method: 'GET', url: `/v1/users/${accountId}` });
      expect(read.statusCode).toBe(200);
      expect(read.body).not.toContain(secret);
      const audit = await keyed.call('auditadmin', { method: 'GET', url: '/v1/audit?limit=1000' });
      expect(audit.statusCode).toBe(200);
      expect(audit.body).toContain(keyId);
      expect(audit.body).not.toContain(secret);

      const revoked = await keyed.call('secadmin', { method: 'DELETE', url: `/v1/api-keys/${keyId}` });
      expect(revoked.statusCode).toBe(204);
      await expect(signedCaller(keyId, secret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expectProblem(
        await keyed.call('secadmin', {
          method: 'DELETE',
          url: '/v1/api-keys/apikey-00000000000000000000000000',
        }),
        404,
        'NOT_FOUND',
      );
    });

    it('makes keys for service accounts only, for the security administrator only, and only with a key-encryption key', async () => {
      const users = await keyed.cloud.identity.principals.list(sys, { kind: 'user', limit: 1000 });
      const sysadminId = users.items.find((p) => p.name === 'sysadmin')?.id;
      expectProblem(
        await keyed.call('secadmin', { method: 'POST', url: `/v1/users/${sysadminId}/api-keys` }),
        404,
        'NOT_FOUND',
      );
      const account = (
        await keyed.call('secadmin', {
          method: 'POST',
          url: '/v1/users',
          payload: { kind: 'serviceAccount', name: 'other-robot' },
        })
      ).json();
      expectProblem(
        await keyed.call('sysadmin', { method: 'POST', url: `/v1/users/${account.id}/api-keys` }),
        403,
        'PERMISSION_DENIED',
      );
      // The shared test server's cloud has no key-encryption key.
      const unsealed = await principal('serviceAccount', 'unsealed-robot');
      expectProblem(
        await server.call('secadmin', { method: 'POST', url: `/v1/users/${unsealed.id}/api-keys` }),
        409,
        'ILLEGAL_STATE',
      );
    });
  });

  describe('the password policy', () => {
    it('changes only the fields given, and holds new passwords to the result', async () => {
      const read = await server.call('secadmin', { method: 'GET', url: '/v1/password-policy' });
      expect(read.statusCode).toBe(200);
      const before = read.json();
      expect(before).toMatchObject({ minLength: 12, requireClasses: 3 });
      try {
        const first = await server.call('secadmin', {
          method: 'PATCH',
          url: '/v1/password-policy',
          payload: { requireClasses: 2 },
        });
        expect(first.statusCode).toBe(200);
        const second = await server.call('secadmin', {
          method: 'PATCH',
          url: '/v1/password-policy',
          payload: { minLength: 20 },
        });
        // The first change survives the second, which named only minLength.
        expect(second.json()).toEqual({ ...before, requireClasses: 2, minLength: 20 });
        expect((await server.call('secadmin', { method: 'GET', url: '/v1/password-policy' })).json()).toEqual(
          second.json(),
        );
        const user = await principal('user', 'heidi');
        const tooShort = await server.call('secadmin', {
          method: 'POST',
          url: `/v1/users/${user.id}/password`,
          payload: { password: 'Sixteen-chars-ok' },
        });
        expectProblem(tooShort, 400, 'INVALID_ARGUMENT');

        expect(
          badFields(
            await server.call('secadmin', {
              method: 'PATCH',
              url: '/v1/password-policy',
              payload: { minLength: 0 },
            }),
          ),
        ).toEqual(['minLength']);
        // The policy carries no version, so no tag can match it; `*` can.
        const tagged = await server.call('secadmin', {
          method: 'PATCH',
          url: '/v1/password-policy',
          headers: { 'if-match': '"password-policy.1"' },
          payload: { minLength: 30 },
        });
        expectProblem(tagged, 412, 'CONFLICT');
        expect(
          (await server.call('secadmin', { method: 'GET', url: '/v1/password-policy' })).json().minLength,
        ).toBe(20);
        expectProblem(
          await server.call('sysadmin', { method: 'GET', url: '/v1/password-policy' }),
          403,
          'PERMISSION_DENIED',
        );
        expectProblem(
          await server.call('sysadmin', {
            method: 'PATCH',
            url: '/v1/password-policy',
            headers: { 'if-match': '*' },
            payload: { minLength: 8 },
          }),
          403,
          'PERMISSION_DENIED',
        );
      } finally {
        const restored = await server.call('secadmin', {
          method: 'PATCH',
          url: '/v1/password-policy',
          headers: { 'if-match': '*' },
          payload: before,
        });
        expect(restored.json()).toEqual(before);
      }
    });
  });

  describe('quotas', () => {
    it("sets a tenant's limit under If-Match, and the next create over it is QUOTA_EXCEEDED", async () => {
      const url = `/v1/tenants/${server.tenants.other}/quota`;
      const read = await server.call('sysadmin', { method: 'GET', url });
      expect(read.statusCode).toBe(200);
      const quota = read.json();
      expect(quota).toMatchObject({ id: server.tenants.other, limits: { instances: null } });
      expect(read.headers.etag).toBe(tagOf(quota));

      const set = await server.call('sysadmin', {
        method: 'PATCH',
        url,
        headers: { 'if-match': String(read.headers.etag) },
        payload: { instances: quota.used.instances },
      });
      expect(set.statusCode).toBe(200);
      expect(set.json().limits).toMatchObject({ instances: quota.used.instances, vcpus: null });
      expect(set.headers.etag).toBe(tagOf(set.json()));
      expect(set.headers.etag).not.toBe(read.headers.etag);
      expectProblem(
        await server.call('sysadmin', {
          method: 'PATCH',
          url,
          headers: { 'if-match': String(read.headers.etag) },
          payload: { instances: null },
        }),
        412,
        'CONFLICT',
      );

      const create = () =>
        server.call('other-admin', {
          method: 'POST',
          url: '/v1/instances',
          payload: {
            name: 'over-quota',
            tenantId: server.tenants.other,
            offeringId: server.offeringId,
            imageId: server.imageId,
          },
        });
      const refused = expectProblem(await create(), 422, 'QUOTA_EXCEEDED');
      expect(JSON.stringify(refused.details)).toContain('instances');
      // The tenant's own admin reads its quota, and sees why.
      const own = await server.call('other-admin', { method: 'GET', url });
      expect(own.json().limits.instances).toBe(quota.used.instances);

      const lifted = await server.call('sysadmin', { method: 'PATCH', url, payload: { instances: null } });
      expect(lifted.json().limits.instances).toBeNull();
      expect((await create()).statusCode).toBe(202);
    });

    it('refuses a negative limit naming it, a tenant admin setting limits, and a foreign or unknown tenant', async () => {
      const url = `/v1/tenants/${server.tenants.demo}/quota`;
      expect(
        badFields(await server.call('sysadmin', { method: 'PATCH', url, payload: { vcpus: -1 } })),
      ).toEqual(['vcpus']);
      // A resource the quota does not count is refused, not ignored.
      const unknown = await server.call('sysadmin', { method: 'PATCH', url, payload: { cpus: 1 } });
      expect(JSON.stringify(expectProblem(unknown, 400, 'INVALID_ARGUMENT').details)).toContain('cpus');
      expectProblem(
        await server.call('demo-admin', { method: 'PATCH', url, payload: { vcpus: 1000 } }),
        403,
        'PERMISSION_DENIED',
      );
      expect((await server.call('demo-admin', { method: 'GET', url })).statusCode).toBe(200);
      expectProblem(await server.call('other-admin', { method: 'GET', url }), 404, 'NOT_FOUND');
      expectProblem(
        await server.call('sysadmin', {
          method: 'GET',
          url: '/v1/tenants/tnt-00000000000000000000000000/quota',
        }),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('audit checkpoints', () => {
    it('signs the head, verifies the log against it, and tells a forged checkpoint', async () => {
      const signed = await keyed.call('auditadmin', { method: 'POST', url: '/v1/audit/checkpoints' });
      expect(signed.statusCode).toBe(200);
      const checkpoint = signed.json();
      expect(checkpoint).toMatchObject({
        keyId: 'test-audit-key',
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(checkpoint.seq).toBeGreaterThan(0);

      const verify = (body: unknown) =>
        keyed.call('auditadmin', {
          method: 'POST',
          url: '/v1/audit/checkpoints/verify',
          payload: body as object,
        });
      const intact = await verify(checkpoint);
      expect(intact.statusCode).toBe(200);
      expect(intact.json()).toMatchObject({ ok: true });
      expect(intact.json().records).toBeGreaterThanOrEqual(checkpoint.seq);

      // A checkpoint claiming a head the key never signed.
      const forged = await verify({ ...checkpoint, seq: checkpoint.seq + 1000 });
      expect(forged.statusCode).toBe(200);
      expect(forged.json()).toMatchObject({ ok: false, problem: { kind: 'bad-checkpoint' } });

      const { signature: _, ...unsigned } = checkpoint;
      expect(badFields(await verify(unsigned))).toEqual(['signature']);
      expectProblem(
        await keyed.call('sysadmin', { method: 'POST', url: '/v1/audit/checkpoints' }),
        403,
        'PERMISSION_DENIED',
      );
      expectProblem(
        await keyed.call('secadmin', {
          method: 'POST',
          url: '/v1/audit/checkpoints/verify',
          payload: checkpoint,
        }),
        403,
        'PERMISSION_DENIED',
      );
    });

    it('signs nothing without an audit key (409)', async () => {
      expectProblem(
        await server.call('auditadmin', { method: 'POST', url: '/v1/audit/checkpoints' }),
        409,
        'ILLEGAL_STATE',
      );
    });
  });

  describe('host HA', () => {
    it('runs a round that fences a failed host, as GET /v1/hosts/{id} then shows', async () => {
      const hosts = await keyed.cloud.hosts.list(sys);
      const host = hosts.items[0];
      if (!host) throw new Error('no host');
      const quiet = await keyed.call('sysadmin', { method: 'POST', url: '/v1/ha/tick' });
      expect(quiet.statusCode).toBe(200);
      expect(quiet.json()).toMatchObject({ leader: true, suspect: [], fenced: [] });

      keyed.sim.failHost(host.ref);
      const round = await keyed.call('sysadmin', { method: 'POST', url: '/v1/ha/tick' });
      expect(round.statusCode).toBe(200);
      expect(round.json()).toMatchObject({ leader: true, suspect: [host.id], fenced: [host.id] });
      const after = await keyed.call('sysadmin', { method: 'GET', url: `/v1/hosts/${host.id}` });
      expect(after.json().state).toBe('fenced');
      expectProblem(
        await keyed.call('secadmin', { method: 'POST', url: '/v1/ha/tick' }),
        403,
        'PERMISSION_DENIED',
      );
    });
  });

  describe('regions and domains', () => {
    it('creates, reads and lists regions; a datacenter can name one', async () => {
      const created = await server.call('sysadmin', {
        method: 'POST',
        url: '/v1/regions',
        payload: { name: 'eu-west', description: 'Dublin' },
      });
      expect(created.statusCode).toBe(201);
      const region = created.json();
      expect(created.headers.etag).toBe(tagOf(region));
      const read = await server.call('demo-admin', { method: 'GET', url: `/v1/regions/${region.id}` });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(region);
      expect(read.headers.etag).toBe(created.headers.etag);
      const list = await server.call('sysadmin', { method: 'GET', url: '/v1/regions' });
      expect(list.json().items).toContainEqual(region);
      const dc = await server.call('sysadmin', {
        method: 'POST',
        url: '/v1/datacenters',
        payload: { name: 'dc-dublin', regionId: region.id },
      });
      expect(dc.json().regionId).toBe(region.id);

      expect(
        badFields(
          await server.call('sysadmin', { method: 'POST', url: '/v1/regions', payload: { name: '-bad' } }),
        ),
      ).toEqual(['name']);
      expectProblem(
        await server.call('secadmin', {
          method: 'POST',
          url: '/v1/regions',
          payload: { name: 'sec-region' },
        }),
        403,
        'PERMISSION_DENIED',
      );
      expectProblem(
        await server.call('sysadmin', {
          method: 'GET',
          url: '/v1/regions/region-00000000000000000000000000',
        }),
        404,
        'NOT_FOUND',
      );
    });

    it('creates a domain, disables it under If-Match, and then it takes no new tenants', async () => {
      const created = await server.call('secadmin', {
        method: 'POST',
        url: '/v1/domains',
        payload: { name: 'finance' },
      });
      expect(created.statusCode).toBe(201);
      const domain = created.json();
      expect(domain).toMatchObject({ name: 'finance', state: 'active' });
      expect(created.headers.etag).toBe(tagOf(domain));
      const url = `/v1/domains/${domain.id}`;
      expect((await server.call('secadmin', { method: 'GET', url })).headers.etag).toBe(created.headers.etag);
      const listed = await server.call('secadmin', { method: 'GET', url: '/v1/domains' });
      expect(listed.json().items.map((d: { id: string }) => d.id)).toContain(domain.id);

      const tenantIn = () =>
        server.call('secadmin', {
          method: 'POST',
          url: '/v1/tenants',
          payload: { name: 'ledger', domainId: domain.id },
        });
      const disabled = await server.call('secadmin', {
        method: 'PATCH',
        url,
        headers: { 'if-match': String(created.headers.etag) },
        payload: { state: 'disabled' },
      });
      expect(disabled.statusCode).toBe(200);
      expect(disabled.json()).toMatchObject({ state: 'disabled', version: domain.version + 1 });
      expect(disabled.headers.etag).toBe(tagOf(disabled.json()));
      expectProblem(await tenantIn(), 409, 'ILLEGAL_STATE');
      expectProblem(
        await server.call('secadmin', {
          method: 'PATCH',
          url,
          headers: { 'if-match': String(created.headers.etag) },
          payload: { state: 'active' },
        }),
        412,
        'CONFLICT',
      );
      await server.call('secadmin', { method: 'PATCH', url, payload: { state: 'active' } });
      expect((await tenantIn()).statusCode).toBe(201);

      expect(
        badFields(await server.call('secadmin', { method: 'PATCH', url, payload: { state: 'gone' } })),
      ).toEqual(['state']);
      // domain:update is the security duty's; the system administrator sees the domain but may not change it.
      expectProblem(
        await server.call('sysadmin', { method: 'PATCH', url, payload: { description: 'x' } }),
        403,
        'PERMISSION_DENIED',
      );
      expectProblem(
        await server.call('secadmin', {
          method: 'PATCH',
          url: '/v1/domains/dom-00000000000000000000000000',
          payload: { description: 'x' },
        }),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('tenants', () => {
    it('reclassifies a tenant under If-Match; a disabled tenant takes no new instances', async () => {
      const url = `/v1/tenants/${server.tenants.other}`;
      const read = await server.call('secadmin', { method: 'GET', url });
      const changed = await server.call('secadmin', {
        method: 'PATCH',
        url,
        headers: { 'if-match': String(read.headers.etag) },
        payload: { classification: 'internal' },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ classification: 'internal', version: read.json().version + 1 });
      expect(changed.headers.etag).toBe(tagOf(changed.json()));
      expectProblem(
        await server.call('secadmin', {
          method: 'PATCH',
          url,
          headers: { 'if-match': String(read.headers.etag) },
          payload: { classification: 'public' },
        }),
        412,
        'CONFLICT',
      );

      const create = () =>
        server.call('other-admin', {
          method: 'POST',
          url: '/v1/instances',
          payload: {
            name: 'in-disabled',
            tenantId: server.tenants.other,
            offeringId: server.offeringId,
            imageId: server.imageId,
          },
        });
      try {
        await server.call('secadmin', { method: 'PATCH', url, payload: { state: 'disabled' } });
        expectProblem(await create(), 409, 'ILLEGAL_STATE');
      } finally {
        const enabled = await server.call('secadmin', { method: 'PATCH', url, payload: { state: 'active' } });
        expect(enabled.json().state).toBe('active');
      }

      expectProblem(
        await server.call('sysadmin', { method: 'PATCH', url, payload: { classification: 'secret' } }),
        403,
        'PERMISSION_DENIED',
      );
      expectProblem(
        await server.call('demo-admin', { method: 'PATCH', url, payload: { classification: 'secret' } }),
        404,
        'NOT_FOUND',
      );
      expect(
        badFields(
          await server.call('secadmin', { method: 'PATCH', url, payload: { classification: 'top' } }),
        ),
      ).toEqual(['classification']);
    });
  });
});
