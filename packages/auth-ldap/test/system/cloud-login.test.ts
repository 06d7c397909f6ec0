import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Cloud,
  createCloud,
  createSqliteStore,
  EcloudError,
  type GroupRoleBinding,
  systemContext,
} from '@ecloud/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ldapAuthenticator } from '../../src/ldap-authenticator.js';
import { env, password } from './ldap-env.js';

// A cloud whose users log in through the real slapd: principals made on first login, role bindings
// kept in step with the directory groups (R-SEC-4, and the group-to-role mapping of issue 4).

const admin = systemContext('test-admin');
const PLATFORM = { kind: 'platform' } as const;
let cloud: Cloud | undefined;

async function open(filename: string, groupRoles: Record<string, GroupRoleBinding[]>): Promise<Cloud> {
  cloud = await createCloud({
    store: createSqliteStore({ filename }),
    drivers: [],
    ha: { enabled: false },
    identity: { directories: [{ authenticator: ldapAuthenticator({ ...env, name: 'corp' }), groupRoles }] },
  });
  return cloud;
}

async function rejection(promise: Promise<unknown>): Promise<EcloudError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (!(error instanceof EcloudError)) throw error;
  return error;
}

describe('logging in to a cloud through LDAP', () => {
  afterEach(async () => {
    await cloud?.close();
    cloud = undefined;
  });

  it('makes the user on first login and binds the roles its groups map to, in step with the directory', async () => {
    const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-ldap-')), 'cloud.db');
    let c = await open(filename, { 'cloud-admins': [{ roleId: 'role-operator', scope: PLATFORM }] });
    const tenant = await c.tenants.create(admin, { name: 'dev' });
    const own = { kind: 'tenant', tenantId: tenant.id, domainId: null } as const;
    await c.close();
    const developers = [{ roleId: 'role-tenant-member', scope: { kind: 'tenant' as const, id: tenant.id } }];
    c = await open(filename, { 'cloud-admins': [{ roleId: 'role-operator', scope: PLATFORM }], developers });

    const alice = await c.identity.login({ username: 'alice', password: password.alice, directory: 'corp' });
    const aliceCtx = await c.identity.authenticate(alice.token);
    expect(await c.identity.allowed(aliceCtx, 'host:maintenance', PLATFORM)).toBe(true);
    expect(await c.identity.allowed(aliceCtx, 'instance:read', own)).toBe(true);
    const principal = await c.identity.principals.get(admin, alice.principalId);
    expect(principal).toMatchObject({
      name: 'corp.alice',
      source: 'corp',
      externalId: `uid=alice,ou=people,${env.baseDn}`,
    });

    const bob = await c.identity.authenticate(
      (await c.identity.login({ username: 'bob', password: password.bob, directory: 'corp' })).token,
    );
    expect(await c.identity.allowed(bob, 'instance:read', own)).toBe(true);
    expect(await c.identity.allowed(bob, 'host:maintenance', PLATFORM)).toBe(false);
    const carol = await c.identity.authenticate(
      (await c.identity.login({ username: 'carol', password: password.carol, directory: 'corp' })).token,
    );
    expect(await c.identity.allowed(carol, 'instance:read', own)).toBe(false);

    // A second login finds the same principal and adds no binding twice.
    const again = await c.identity.login({ username: 'alice', password: password.alice, directory: 'corp' });
    expect(again.principalId).toBe(alice.principalId);
    const bindings = async (principalId: string) =>
      (await c.identity.bindings.list(admin, { principalId })).items;
    expect((await bindings(alice.principalId)).map((b) => b.roleId).sort()).toEqual([
      'role-operator',
      'role-tenant-member',
    ]);

    const wrong = await rejection(
      c.identity.login({ username: 'alice', password: 'not-her-password', directory: 'corp' }),
    );
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect(
      (await rejection(c.identity.login({ username: 'alice', password: password.alice, directory: 'nope' })))
        .code,
    ).toBe('INVALID_ARGUMENT');

    // The mapping no longer gives cloud-admins anything: alice loses operator at her next login.
    await c.close();
    c = await open(filename, { developers });
    await c.identity.login({ username: 'alice', password: password.alice, directory: 'corp' });
    expect((await bindings(alice.principalId)).map((b) => b.roleId)).toEqual(['role-tenant-member']);
    const records = (await c.audit.list(admin, { limit: 100 })).items;
    expect(records.filter((r) => r.action === 'session:login').map((r) => r.outcome)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'succeeded',
      'failed',
      'succeeded',
    ]);
  });

  it('refuses a login whose groups would give two duties', async () => {
    const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-ldap-')), 'cloud.db');
    const c = await open(filename, {
      'cloud-admins': [{ roleId: 'role-security-admin', scope: PLATFORM }],
      developers: [{ roleId: 'role-audit-admin', scope: PLATFORM }],
    });
    const refused = await rejection(
      c.identity.login({ username: 'alice', password: password.alice, directory: 'corp' }),
    );
    expect(refused).toMatchObject({ code: 'PERMISSION_DENIED', details: { reason: 'separation-of-duties' } });
    expect((await c.identity.principals.list(admin)).items).toEqual([]);
  });
});
