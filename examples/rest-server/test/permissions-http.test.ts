// Who may do what, through HTTP. The server decides nothing here — the core's built-in roles do — so
// each expectation below is read off `built-in-roles.ts` and `permission-catalog.ts`:
//   sysadmin    role-system-admin on the platform: every `system` right and the shared reads.
//   secadmin    role-security-admin on the platform: every `security` right (tenants) and the shared reads.
//   auditadmin  role-audit-admin on the platform: the `audit` rights only (the log and its checkpoints).
//   demo-admin  role-tenant-admin on tenant demo: the `scoped` system rights (no hosts, clusters, migrate,
//               catalog creation) and the shared reads, on its tenant only.
//   other-admin the same on tenant other.
// A caller that may not see a record is told it does not exist (404, R-SEC-5); one that sees it but lacks
// the right is refused (403); one without a token is 401.

import { type Instance, systemContext } from '@ecloud/core';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type TestServer, testServer } from './test-server.js';

type Caller = 'sysadmin' | 'secadmin' | 'auditadmin' | 'demo-admin' | 'other-admin' | 'anonymous';
const CALLERS: readonly Caller[] = [
  'sysadmin',
  'secadmin',
  'auditadmin',
  'demo-admin',
  'other-admin',
  'anonymous',
];

/** What the tests work on: an instance of tenant demo, made by its admin, and the platform's records. */
interface Fixture {
  readonly instanceId: string;
  readonly volumeId: string;
  readonly jobId: string;
  readonly hostId: string;
  readonly clusterId: string;
  readonly datacenterId: string;
  readonly regionId: string;
  /** A custom role, a user, a group and a service account, made by the system context. */
  readonly roleId: string;
  readonly userId: string;
  readonly groupId: string;
  readonly serviceAccountId: string;
}

interface Row {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /**
   * Makes what one call acts on, fresh for each caller, and answers its id (`made`): where the core
   * looks a record up before it checks the right, a record the caller before deleted would be a 404.
   */
  readonly arrange?: (f: Fixture, s: TestServer) => Promise<string>;
  readonly path: (f: Fixture, s: TestServer, made: string) => string;
  readonly body?: (f: Fixture, s: TestServer, made: string) => unknown;
  /** The status each caller gets; `anonymous` is always 401, so it is not repeated. */
  readonly expect: Readonly<Record<Exclude<Caller, 'anonymous'>, number>>;
}

const sys = systemContext('permissions-http-test');

const createIn = (tenantId: string, s: TestServer, name: string) => ({
  name,
  offeringId: s.offeringId,
  imageId: s.imageId,
  tenantId,
});

/**
 * The table. Operations that succeed change little: a description, a reboot, a migration (waited out
 * after each test), one new catalog record or tenant per caller that may make it.
 */
const TABLE: Readonly<Record<string, Row>> = {
  'list instances': {
    method: 'GET',
    path: () => '/v1/instances',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  // auditadmin may not read tenants, so tenant demo does not exist for it: 404, not 403.
  'create an instance in tenant demo': {
    method: 'POST',
    path: () => '/v1/instances',
    body: (_f, s) => createIn(s.tenants.demo, s, 'perm-table'),
    expect: { sysadmin: 202, secadmin: 403, auditadmin: 404, 'demo-admin': 202, 'other-admin': 404 },
  },
  'read the demo instance': {
    method: 'GET',
    path: (f) => `/v1/instances/${f.instanceId}`,
    expect: { sysadmin: 200, secadmin: 404, auditadmin: 404, 'demo-admin': 200, 'other-admin': 404 },
  },
  'describe the demo instance': {
    method: 'PATCH',
    path: (f) => `/v1/instances/${f.instanceId}`,
    body: () => ({ description: 'described' }),
    expect: { sysadmin: 200, secadmin: 404, auditadmin: 404, 'demo-admin': 200, 'other-admin': 404 },
  },
  'reboot the demo instance': {
    method: 'POST',
    path: (f) => `/v1/instances/${f.instanceId}/reboot`,
    expect: { sysadmin: 202, secadmin: 404, auditadmin: 404, 'demo-admin': 202, 'other-admin': 404 },
  },
  // instance:migrate is a platform right: the tenant's admin sees the instance but may not move it.
  'migrate the demo instance': {
    method: 'POST',
    path: (f) => `/v1/instances/${f.instanceId}/migrate`,
    body: () => ({}),
    expect: { sysadmin: 202, secadmin: 404, auditadmin: 404, 'demo-admin': 403, 'other-admin': 404 },
  },
  'list the demo instance snapshots': {
    method: 'GET',
    path: (f) => `/v1/instances/${f.instanceId}/snapshots`,
    expect: { sysadmin: 200, secadmin: 404, auditadmin: 404, 'demo-admin': 200, 'other-admin': 404 },
  },
  'list volumes': {
    method: 'GET',
    path: () => '/v1/volumes',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  'read the demo volume': {
    method: 'GET',
    path: (f) => `/v1/volumes/${f.volumeId}`,
    expect: { sysadmin: 200, secadmin: 404, auditadmin: 404, 'demo-admin': 200, 'other-admin': 404 },
  },
  // Attached: whoever may delete it is told it is in use, whoever may not see it that it does not exist.
  'delete the demo volume': {
    method: 'DELETE',
    path: (f) => `/v1/volumes/${f.volumeId}`,
    expect: { sysadmin: 409, secadmin: 404, auditadmin: 404, 'demo-admin': 409, 'other-admin': 404 },
  },
  'list jobs': {
    method: 'GET',
    path: () => '/v1/jobs',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  'read the demo job': {
    method: 'GET',
    path: (f) => `/v1/jobs/${f.jobId}`,
    expect: { sysadmin: 200, secadmin: 404, auditadmin: 404, 'demo-admin': 200, 'other-admin': 404 },
  },
  // The job has ended: a caller with job:cancel learns that (409), the others that it does not exist.
  'cancel the demo job': {
    method: 'POST',
    path: (f) => `/v1/jobs/${f.jobId}/cancel`,
    expect: { sysadmin: 409, secadmin: 404, auditadmin: 404, 'demo-admin': 409, 'other-admin': 404 },
  },
  'list events': {
    method: 'GET',
    path: () => '/v1/events',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  'list hosts': {
    method: 'GET',
    path: () => '/v1/hosts',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'read a host': {
    method: 'GET',
    path: (f) => `/v1/hosts/${f.hostId}`,
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  // Hosts already known are left as they are, so the sysadmin's discovery changes nothing.
  'discover hosts': {
    method: 'POST',
    path: () => '/v1/hosts/discover',
    body: (f) => ({ clusterId: f.clusterId, driver: 'sim' }),
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'list datacenters': {
    method: 'GET',
    path: () => '/v1/datacenters',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  'read a datacenter': {
    method: 'GET',
    path: (f) => `/v1/datacenters/${f.datacenterId}`,
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  'create a datacenter': {
    method: 'POST',
    path: () => '/v1/datacenters',
    body: () => ({ name: 'perm-dc' }),
    expect: { sysadmin: 201, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'list clusters': {
    method: 'GET',
    path: () => '/v1/clusters',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'create a cluster': {
    method: 'POST',
    path: () => '/v1/clusters',
    body: (f) => ({ name: 'perm-cluster', datacenterId: f.datacenterId, hypervisor: 'kvm' }),
    expect: { sysadmin: 201, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'list images': {
    method: 'GET',
    path: () => '/v1/images',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  'register an image': {
    method: 'POST',
    path: () => '/v1/images',
    body: () => ({ name: 'perm-image', os: 'linux', sizeGiB: 8, hypervisors: ['kvm'] }),
    expect: { sysadmin: 201, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'list offerings': {
    method: 'GET',
    path: () => '/v1/offerings',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  'create an offering': {
    method: 'POST',
    path: () => '/v1/offerings',
    body: () => ({ name: 'perm-offering', vcpus: 1, memoryMiB: 512, rootDiskGiB: 10 }),
    expect: { sysadmin: 201, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  // tenant:read is shared — every admin but the auditor holds it; each tenant's admin sees its own.
  'list tenants': {
    method: 'GET',
    path: () => '/v1/tenants',
    expect: { sysadmin: 200, secadmin: 200, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  'read tenant demo': {
    method: 'GET',
    path: (_f, s) => `/v1/tenants/${s.tenants.demo}`,
    expect: { sysadmin: 200, secadmin: 200, auditadmin: 404, 'demo-admin': 200, 'other-admin': 404 },
  },
  // tenant:create is the security duty's: the system administrator may not.
  'create a tenant': {
    method: 'POST',
    path: () => '/v1/tenants',
    body: () => ({ name: 'perm-tenant' }),
    expect: { sysadmin: 403, secadmin: 201, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  // Only the security duty changes a tenant; a tenant's own admin sees it but may not.
  'reclassify tenant demo': {
    method: 'PATCH',
    path: (_f, s) => `/v1/tenants/${s.tenants.demo}`,
    body: () => ({ classification: 'public' }),
    expect: { sysadmin: 403, secadmin: 200, auditadmin: 404, 'demo-admin': 403, 'other-admin': 404 },
  },
  // quota:read is the system duty's, scoped: the tenant's admin reads its own.
  'read the demo quota': {
    method: 'GET',
    path: (_f, s) => `/v1/tenants/${s.tenants.demo}/quota`,
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 404, 'demo-admin': 200, 'other-admin': 404 },
  },
  // quota:update is checked on the platform before the tenant is looked at.
  'set the demo quota': {
    method: 'PATCH',
    path: (_f, s) => `/v1/tenants/${s.tenants.demo}/quota`,
    body: () => ({ instances: null }),
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'list regions': {
    method: 'GET',
    path: () => '/v1/regions',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  'read a region': {
    method: 'GET',
    path: (f) => `/v1/regions/${f.regionId}`,
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 200, 'other-admin': 200 },
  },
  'create a region': {
    method: 'POST',
    path: () => '/v1/regions',
    body: () => ({ name: 'perm-region' }),
    expect: { sysadmin: 201, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  // domain:read is shared, but a tenant's admin is bound on no domain: it may list none.
  'list domains': {
    method: 'GET',
    path: () => '/v1/domains',
    expect: { sysadmin: 200, secadmin: 200, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'read the default domain': {
    method: 'GET',
    path: () => '/v1/domains/dom-default',
    expect: { sysadmin: 200, secadmin: 200, auditadmin: 404, 'demo-admin': 404, 'other-admin': 404 },
  },
  'create a domain': {
    method: 'POST',
    path: () => '/v1/domains',
    body: () => ({ name: 'perm-domain' }),
    expect: { sysadmin: 403, secadmin: 201, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'describe the default domain': {
    method: 'PATCH',
    path: () => '/v1/domains/dom-default',
    body: () => ({ description: 'described' }),
    expect: { sysadmin: 403, secadmin: 200, auditadmin: 404, 'demo-admin': 404, 'other-admin': 404 },
  },
  'run an HA round': {
    method: 'POST',
    path: () => '/v1/ha/tick',
    expect: { sysadmin: 200, secadmin: 403, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  // Roles, accounts, groups, keys and the password policy are the security duty's alone.
  'list custom roles': {
    method: 'GET',
    path: () => '/v1/roles',
    expect: { sysadmin: 403, secadmin: 200, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'list built-in roles': {
    method: 'GET',
    path: () => '/v1/roles/built-in',
    expect: { sysadmin: 403, secadmin: 200, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'read a custom role': {
    method: 'GET',
    path: (f) => `/v1/roles/${f.roleId}`,
    expect: { sysadmin: 403, secadmin: 200, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'create a role': {
    method: 'POST',
    path: () => '/v1/roles',
    body: () => ({ name: 'perm-role', permissions: ['instance:read'] }),
    expect: { sysadmin: 403, secadmin: 201, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'describe a custom role': {
    method: 'PATCH',
    path: (f) => `/v1/roles/${f.roleId}`,
    body: () => ({ description: 'described' }),
    expect: { sysadmin: 403, secadmin: 200, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'delete a custom role': {
    method: 'DELETE',
    arrange: async (_f, s) =>
      (
        await s.cloud.identity.roles.create(sys, {
          name: uniqueName('perm-doomed'),
          permissions: ['instance:read'],
        })
      ).id,
    path: (_f, _s, made) => `/v1/roles/${made}`,
    expect: { sysadmin: 403, secadmin: 204, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'disable a user': {
    method: 'PATCH',
    path: (f) => `/v1/users/${f.userId}`,
    body: () => ({ state: 'disabled' }),
    expect: { sysadmin: 403, secadmin: 200, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'set a password': {
    method: 'POST',
    path: (f) => `/v1/users/${f.userId}/password`,
    body: () => ({ password: 'Perm-table-passw0rd' }),
    expect: { sysadmin: 403, secadmin: 204, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  // The core reads the principal before the right here, so each caller gets a user of its own to delete.
  'delete a user': {
    method: 'DELETE',
    arrange: async (_f, s) => (await newUser(s, 'perm-doomed')).id,
    path: (_f, _s, made) => `/v1/users/${made}`,
    expect: { sysadmin: 403, secadmin: 204, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'add a group member': {
    method: 'POST',
    arrange: async (_f, s) => (await newUser(s, 'perm-joiner')).id,
    path: (f) => `/v1/groups/${f.groupId}/members`,
    body: (_f, _s, made) => ({ userId: made }),
    expect: { sysadmin: 403, secadmin: 201, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'remove a group member': {
    method: 'DELETE',
    arrange: async (f, s) => {
      const user = await newUser(s, 'perm-leaver');
      await s.cloud.identity.principals.addMember(sys, f.groupId, user.id);
      return user.id;
    },
    path: (f, _s, made) => `/v1/groups/${f.groupId}/members/${made}`,
    expect: { sysadmin: 403, secadmin: 204, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  // The test cloud has no key-encryption key: the one caller allowed is told that no key can be made.
  'make an API key': {
    method: 'POST',
    path: (f) => `/v1/users/${f.serviceAccountId}/api-keys`,
    expect: { sysadmin: 403, secadmin: 409, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  // No key exists (none can be made here): whoever may revoke learns that, the others are refused first.
  'revoke an API key': {
    method: 'DELETE',
    path: () => '/v1/api-keys/apikey-00000000000000000000000000',
    expect: { sysadmin: 403, secadmin: 404, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'read the password policy': {
    method: 'GET',
    path: () => '/v1/password-policy',
    expect: { sysadmin: 403, secadmin: 200, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  'change the password policy': {
    method: 'PATCH',
    path: () => '/v1/password-policy',
    body: () => ({ minLength: 12 }),
    expect: { sysadmin: 403, secadmin: 200, auditadmin: 403, 'demo-admin': 403, 'other-admin': 403 },
  },
  // The test cloud has no audit signing key: the auditor may sign, and is told there is no key (409);
  // a checkpoint cannot be checked without the key's public half (400).
  'sign an audit checkpoint': {
    method: 'POST',
    path: () => '/v1/audit/checkpoints',
    expect: { sysadmin: 403, secadmin: 403, auditadmin: 409, 'demo-admin': 403, 'other-admin': 403 },
  },
  'verify the audit log against a checkpoint': {
    method: 'POST',
    path: () => '/v1/audit/checkpoints/verify',
    body: () => ({
      seq: 1,
      hash: '0'.repeat(64),
      at: new Date().toISOString(),
      keyId: 'offline-key',
      signature: 'c2lnbmF0dXJl',
    }),
    expect: { sysadmin: 403, secadmin: 403, auditadmin: 400, 'demo-admin': 403, 'other-admin': 403 },
  },
};

let made = 0;
/** A name no other call of the table uses: principals and roles are unique by name. */
function uniqueName(prefix: string): string {
  made += 1;
  return `${prefix}-${made}`;
}

/** A new user of a name of its own. */
function newUser(s: TestServer, prefix: string) {
  return s.cloud.identity.principals.create(sys, { kind: 'user', name: uniqueName(prefix) });
}

const EXPECTED_CODE: Readonly<Record<number, string>> = {
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
};

let server: TestServer;
let fixture: Fixture;

function call(caller: Caller, options: InjectOptions, body?: unknown): Promise<LightMyRequestResponse> {
  const request: InjectOptions = body === undefined ? options : { ...options, payload: body as object };
  return server.call(caller === 'anonymous' ? undefined : caller, request);
}

function expectProblem(answer: LightMyRequestResponse, status: number) {
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = answer.json();
  expect(problem.status).toBe(status);
  const code = EXPECTED_CODE[status];
  if (code) expect(problem.code).toBe(code);
}

/** Creates an instance of tenant demo as its admin, over HTTP, and waits for its job. */
async function demoInstance(name: string, start = true): Promise<{ instanceId: string; jobId: string }> {
  const answer = await call('demo-admin', {
    method: 'POST',
    url: '/v1/instances',
    payload: { ...createIn(server.tenants.demo, server, name), start },
  });
  expect(answer.statusCode).toBe(202);
  const job = answer.json();
  await (await server.cloud.jobs.handle(sys, job.id)).wait({ timeoutMs: 10_000 });
  return { instanceId: job.resourceId, jobId: job.id };
}

/** Waits until no job holds the instance, so one test's reboot or migration is not the next one's 409. */
async function settled(instanceId: string) {
  for (let i = 0; i < 200; i++) {
    const instance = await server.cloud.instances.get(sys, instanceId).catch(() => undefined);
    if (!instance?.jobId) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${instanceId} stayed busy`);
}

beforeAll(async () => {
  server = await testServer();
  const { instanceId, jobId } = await demoInstance('perm-fixture');
  const volume = (await server.cloud.volumes.list(sys, { instanceId })).items[0];
  const host = (await server.cloud.hosts.list(sys)).items[0];
  const cluster = (await server.cloud.clusters.list(sys)).items[0];
  const datacenter = (await server.cloud.datacenters.list(sys)).items[0];
  if (!volume || !host || !cluster || !datacenter) throw new Error('the test cloud is missing a record');
  const identity = server.cloud.identity;
  fixture = {
    instanceId,
    volumeId: volume.id,
    jobId,
    hostId: host.id,
    clusterId: cluster.id,
    datacenterId: datacenter.id,
    regionId: (await server.cloud.regions.create(sys, { name: 'perm-fixture' })).id,
    roleId: (await identity.roles.create(sys, { name: 'perm-fixture', permissions: ['instance:read'] })).id,
    userId: (
      await identity.principals.create(sys, { kind: 'user', name: 'perm-fixture', password: PASSWORD })
    ).id,
    groupId: (await identity.principals.create(sys, { kind: 'group', name: 'perm-fixture-group' })).id,
    serviceAccountId: (await identity.principals.create(sys, { kind: 'serviceAccount', name: 'perm-robot' }))
      .id,
  };
});
afterAll(() => server.close());
afterEach(() => settled(fixture.instanceId));

describe.each(CALLERS)('%s', (caller) => {
  it.each(Object.entries(TABLE))('%s', async (_name, row) => {
    const expected = caller === 'anonymous' ? 401 : row.expect[caller];
    const made = (await row.arrange?.(fixture, server)) ?? '';
    const answer = await call(
      caller,
      { method: row.method, url: row.path(fixture, server, made) },
      row.body?.(fixture, server, made),
    );
    expect(answer.statusCode).toBe(expected);
    if (expected >= 400) expectProblem(answer, expected);
    if (expected === 401) expect(answer.headers['www-authenticate']).toBe('Bearer, ECLOUD1-HMAC-SHA256');
  });
});

describe('logging in', () => {
  it('needs no token, and a wrong password is 401 for an existing user and for an unknown one', async () => {
    const right = await call('anonymous', {
      method: 'POST',
      url: '/v1/auth/tokens',
      payload: { username: 'auditadmin', password: PASSWORD },
    });
    expect(right.statusCode).toBe(201);
    expect(typeof right.json().token).toBe('string');
    for (const username of ['auditadmin', 'nobody-by-this-name']) {
      const wrong = await call('anonymous', {
        method: 'POST',
        url: '/v1/auth/tokens',
        payload: { username, password: 'Wrong-passw0rd!' },
      });
      expect(wrong.statusCode).toBe(401);
      expectProblem(wrong, 401);
      expect(wrong.json().detail).toBe('Invalid user name or password.');
    }
  });
});

describe("another tenant's instance", () => {
  it('does not exist for other-admin, whatever it tries, and is left exactly as it was', async () => {
    // Stopped, so that start, delete, rename, resize, snapshot and so on would each change it if allowed.
    const { instanceId } = await demoInstance('perm-foreign', false);
    const before = await server.cloud.instances.get(sys, instanceId);
    const jobsBefore = (await server.cloud.jobs.list(sys, { limit: 1000 })).items.length;
    const volumeId = (await server.cloud.volumes.list(sys, { instanceId })).items[0]?.id ?? 'vol-none';
    const unknown = 'vm-00000000000000000000000000';
    const attempts: readonly [NonNullable<InjectOptions['method']>, string, unknown?][] = [
      ['GET', ''],
      ['PATCH', '', { name: 'hijacked' }],
      ['DELETE', ''],
      ['POST', '/start'],
      ['POST', '/stop', { force: true }],
      ['POST', '/reboot'],
      ['POST', '/suspend'],
      ['POST', '/resume'],
      ['POST', '/resize', { offeringId: server.offeringId }],
      ['POST', '/migrate', {}],
      ['POST', '/clone', { name: 'stolen' }],
      ['POST', '/snapshots', { name: 'peek' }],
      ['GET', '/snapshots'],
      ['POST', '/volumes', { sizeGiB: 1 }],
      ['DELETE', `/volumes/${volumeId}`],
    ];
    for (const [method, suffix, body] of attempts) {
      const send = (id: string) => call('other-admin', { method, url: `/v1/instances/${id}${suffix}` }, body);
      const foreign = await send(instanceId);
      expect(foreign.statusCode, `${method} ${suffix}`).toBe(404);
      expectProblem(foreign, 404);
      // Word for word what an id that never existed gets: the answer tells nothing about the instance.
      const never = await send(unknown);
      expect(foreign.json().detail.replaceAll(instanceId, unknown), `${method} ${suffix}`).toBe(
        never.json().detail,
      );
    }
    const after = await server.cloud.instances.get(sys, instanceId);
    expect(after).toEqual(before);
    expect((await server.cloud.jobs.list(sys, { limit: 1000 })).items.length).toBe(jobsBefore);
    const owner = await call('demo-admin', { method: 'GET', url: `/v1/instances/${instanceId}` });
    expect(owner.statusCode).toBe(200);
    expect(owner.json().name).toBe('perm-foreign');
  });
});

describe("a tenant's admin at work", () => {
  it('creates an instance in its tenant and lists it; the other tenant does not see it', async () => {
    const { instanceId } = await demoInstance('perm-mine');
    const ids = async (caller: Caller) => {
      const answer = await call(caller, { method: 'GET', url: '/v1/instances?limit=1000' });
      expect(answer.statusCode).toBe(200);
      return (answer.json().items as Instance[]).map((instance) => instance.id);
    };
    const demoIds = await ids('demo-admin');
    expect(demoIds).toContain(instanceId);
    expect(await ids('sysadmin')).toContain(instanceId);
    expect(await ids('other-admin')).not.toContain(instanceId);
    const others = await server.cloud.instances.list(sys, { tenantId: server.tenants.other, limit: 1000 });
    expect(others.items.map((i) => i.id).filter((id) => demoIds.includes(id))).toEqual([]);
  });

  it('may not create in the other tenant: it does not exist for it, and nothing is made', async () => {
    const before = (await server.cloud.instances.list(sys, { limit: 1000 })).items.length;
    const answer = await call('demo-admin', {
      method: 'POST',
      url: '/v1/instances',
      payload: createIn(server.tenants.other, server, 'perm-trespass'),
    });
    expect(answer.statusCode).toBe(404);
    expectProblem(answer, 404);
    expect((await server.cloud.instances.list(sys, { limit: 1000 })).items.length).toBe(before);
  });
});
