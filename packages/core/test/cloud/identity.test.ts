import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/context/call-context.js';
import { tenantContext } from '../../src/context/call-context.js';
import type { Principal } from '../../src/identity/principal.js';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

const PASSWORD = 'Correct-Horse-42';
const as = (principal: Principal): CallContext => ({ principal: { id: principal.id, type: 'user' } });

/** The three administrators, bound on the platform by the embedding program (a system context). */
async function threeAdmins(f: Fixture) {
  const make = (name: string) => f.cloud.identity.principals.create(f.admin, { kind: 'user', name });
  const [sys, sec, aud] = [await make('sysadmin'), await make('secadmin'), await make('auditadmin')];
  const bind = (principalId: string, roleId: string) =>
    f.cloud.identity.bindings.grant(f.admin, { principalId, roleId, scope: { kind: 'platform' } });
  await bind(sys.id, 'role-system-admin');
  await bind(sec.id, 'role-security-admin');
  await bind(aud.id, 'role-audit-admin');
  return { sys, sec, aud };
}

describe.each(STORES)('identity: principals, roles, bindings ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('lets only the security administrator manage users and grant roles', async () => {
    f = await makeFixture({ store: make() });
    const { sys, sec, aud } = await threeAdmins(f);
    const alice = await f.cloud.identity.principals.create(as(sec), {
      kind: 'user',
      name: 'alice',
      password: PASSWORD,
    });
    expect(alice).toMatchObject({ kind: 'user', name: 'alice', state: 'active', source: 'local' });
    const binding = await f.cloud.identity.bindings.grant(as(sec), {
      principalId: alice.id,
      roleId: 'role-tenant-admin',
      scope: { kind: 'tenant', id: f.tenant.id },
    });
    expect(binding).toMatchObject({ scopeKey: `tenant:${f.tenant.id}`, grantedBy: sec.id });

    // The system and audit administrators, a tenant's own admin and a tenant context: all denied.
    for (const ctx of [as(sys), as(aud), as(alice), tenantContext(f.tenant.id, 'u-1')]) {
      expect(
        (await failure(f.cloud.identity.principals.create(ctx, { kind: 'user', name: 'mallory' }))).code,
      ).toBe('PERMISSION_DENIED');
      expect(
        (
          await failure(
            f.cloud.identity.bindings.grant(ctx, {
              principalId: alice.id,
              roleId: 'role-system-admin',
              scope: { kind: 'platform' },
            }),
          )
        ).code,
      ).toBe('PERMISSION_DENIED');
    }
    // What a binding allows, as an embedding portal would ask.
    const own = { kind: 'tenant', tenantId: f.tenant.id, domainId: null } as const;
    const foreign = { kind: 'tenant', tenantId: 'tnt-other', domainId: null } as const;
    expect(await f.cloud.identity.allowed(as(alice), 'instance:create', own)).toBe(true);
    expect(await f.cloud.identity.allowed(as(alice), 'instance:create', foreign)).toBe(false);
    expect(await f.cloud.identity.allowed(as(alice), 'host:register', { kind: 'platform' })).toBe(false);
    expect(await f.cloud.identity.allowed(as(aud), 'audit:read', { kind: 'platform' })).toBe(true);
    expect(await f.cloud.identity.allowed(as(sec), 'instance:create', own)).toBe(false);
  });

  it('refuses a second duty to anyone, directly, through a group, or by joining one', async () => {
    f = await makeFixture({ store: make() });
    const { sys, sec, aud } = await threeAdmins(f);
    const grant = (principalId: string, roleId: string) =>
      f.cloud.identity.bindings.grant(as(sec), { principalId, roleId, scope: { kind: 'platform' } });
    const refused = async (promise: Promise<unknown>) => {
      const error = await failure(promise);
      expect(error.code).toBe('PERMISSION_DENIED');
      return error.details.reason;
    };
    expect(await refused(grant(sys.id, 'role-audit-admin'))).toBe('separation-of-duties');
    expect(await refused(grant(aud.id, 'role-operator'))).toBe('separation-of-duties');
    // The same duty again is no conflict.
    await expect(grant(sys.id, 'role-operator')).resolves.toMatchObject({ principalId: sys.id });

    const auditors = await f.cloud.identity.principals.create(as(sec), { kind: 'group', name: 'auditors' });
    await grant(auditors.id, 'role-audit-admin');
    expect(await refused(f.cloud.identity.principals.addMember(as(sec), auditors.id, sys.id))).toBe(
      'separation-of-duties',
    );
    await f.cloud.identity.principals.addMember(as(sec), auditors.id, aud.id);
    const ops = await f.cloud.identity.principals.create(as(sec), { kind: 'group', name: 'ops' });
    await f.cloud.identity.principals.addMember(as(sec), ops.id, aud.id);
    // A role for the group would give its member aud a second duty.
    expect(await refused(grant(ops.id, 'role-system-admin'))).toBe('separation-of-duties');
    expect((await f.cloud.identity.bindings.list(f.admin, { principalId: ops.id })).items).toEqual([]);
  });

  it('refuses grants to oneself, directly or through a group, and self-service membership', async () => {
    f = await makeFixture({ store: make() });
    const { sec } = await threeAdmins(f);
    const secTeam = await f.cloud.identity.principals.create(as(sec), { kind: 'group', name: 'sec-team' });
    const self = await failure(
      f.cloud.identity.bindings.grant(as(sec), {
        principalId: sec.id,
        roleId: 'role-security-admin',
        scope: { kind: 'tenant', id: f.tenant.id },
      }),
    );
    expect(self).toMatchObject({ code: 'PERMISSION_DENIED', details: { reason: 'self-grant' } });
    expect(await failure(f.cloud.identity.principals.addMember(as(sec), secTeam.id, sec.id))).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { reason: 'self-grant' },
    });
    // Put in the group by someone else (the system context), sec still cannot grant the group anything.
    await f.cloud.identity.principals.addMember(f.admin, secTeam.id, sec.id);
    expect(
      await failure(
        f.cloud.identity.bindings.grant(as(sec), {
          principalId: secTeam.id,
          roleId: 'role-tenant-member',
          scope: { kind: 'tenant', id: f.tenant.id },
        }),
      ),
    ).toMatchObject({ code: 'PERMISSION_DENIED', details: { reason: 'self-grant' } });
    expect(await failure(f.cloud.identity.principals.delete(as(sec), sec.id))).toMatchObject({
      code: 'PERMISSION_DENIED',
    });
  });

  it('keeps custom roles to one duty, and a bound role until its bindings go', async () => {
    f = await makeFixture({ store: make() });
    const { sec } = await threeAdmins(f);
    const mixed = await failure(
      f.cloud.identity.roles.create(as(sec), {
        name: 'root',
        permissions: ['instance:create', 'role:grant'],
      }),
    );
    expect(mixed.code).toBe('INVALID_ARGUMENT');
    expect(
      (
        await failure(
          f.cloud.identity.roles.create(as(sec), { name: 'tenant-admin', permissions: ['instance:read'] }),
        )
      ).code,
    ).toBe('ALREADY_EXISTS');
    const viewer = await f.cloud.identity.roles.create(as(sec), {
      name: 'viewer',
      permissions: ['instance:read', 'volume:read'],
    });
    expect(await f.cloud.identity.roles.get(as(sec), viewer.id)).toMatchObject({
      name: 'viewer',
      builtIn: false,
    });
    const bob = await f.cloud.identity.principals.create(as(sec), { kind: 'user', name: 'bob' });
    const binding = await f.cloud.identity.bindings.grant(as(sec), {
      principalId: bob.id,
      roleId: viewer.id,
      scope: { kind: 'tenant', id: f.tenant.id },
    });
    expect((await failure(f.cloud.identity.roles.delete(as(sec), viewer.id))).code).toBe('ILLEGAL_STATE');
    await f.cloud.identity.bindings.revoke(as(sec), binding.id);
    await f.cloud.identity.roles.delete(as(sec), viewer.id);
    expect((await failure(f.cloud.identity.roles.get(as(sec), viewer.id))).code).toBe('NOT_FOUND');
    expect((await f.cloud.identity.roles.builtIn(as(sec))).map((r) => r.name)).toContain('audit-admin');
  });

  it('holds passwords to the policy and their history, and deletes a user with its bindings', async () => {
    f = await makeFixture({ store: make(), cloud: { identity: { passwordPolicy: { historySize: 2 } } } });
    const { sec } = await threeAdmins(f);
    const weak = await failure(
      f.cloud.identity.principals.create(as(sec), { kind: 'user', name: 'carol', password: 'carol' }),
    );
    expect(weak.code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(weak.details)).not.toContain('"carol"');
    const carol = await f.cloud.identity.principals.create(as(sec), {
      kind: 'user',
      name: 'carol',
      password: PASSWORD,
    });
    expect(JSON.stringify(carol)).not.toMatch(/scrypt|Horse/);
    const again = await failure(f.cloud.identity.principals.setPassword(as(sec), carol.id, PASSWORD));
    expect(again.code).toBe('INVALID_ARGUMENT');
    await f.cloud.identity.principals.setPassword(as(sec), carol.id, 'Another-Horse-43');
    expect(
      (
        await failure(
          f.cloud.identity.principals.create(as(sec), { kind: 'group', name: 'g', password: PASSWORD }),
        )
      ).code,
    ).toBe('INVALID_ARGUMENT');

    await f.cloud.identity.bindings.grant(as(sec), {
      principalId: carol.id,
      roleId: 'role-tenant-member',
      scope: { kind: 'tenant', id: f.tenant.id },
    });
    await f.cloud.identity.principals.delete(as(sec), carol.id);
    expect((await f.cloud.identity.bindings.list(as(sec), { principalId: carol.id })).items).toEqual([]);
    expect((await failure(f.cloud.identity.principals.get(as(sec), carol.id))).code).toBe('NOT_FOUND');
    expect(await f.store.get('credentials', carol.id)).toBeUndefined();
  });

  it('binds on existing scopes only, and on single resources', async () => {
    f = await makeFixture({ store: make() });
    const { sec } = await threeAdmins(f);
    const dave = await f.cloud.identity.principals.create(as(sec), { kind: 'user', name: 'dave' });
    for (const scope of [
      { kind: 'tenant', id: 'tnt-nope' },
      { kind: 'domain', id: 'dom-nope' },
      { kind: 'resource', id: 'vm-nope' },
    ] as const) {
      expect(
        (
          await failure(
            f.cloud.identity.bindings.grant(as(sec), {
              principalId: dave.id,
              roleId: 'role-tenant-member',
              scope,
            }),
          )
        ).code,
      ).toBe('NOT_FOUND');
    }
    const vm = await f.vm('web');
    await f.cloud.identity.bindings.grant(as(sec), {
      principalId: dave.id,
      roleId: 'role-tenant-member',
      scope: { kind: 'resource', id: vm.id },
    });
    const target = { kind: 'resource', resourceId: vm.id, tenantId: f.tenant.id, domainId: null } as const;
    expect(await f.cloud.identity.allowed(as(dave), 'instance:stop', target)).toBe(true);
    expect(
      await f.cloud.identity.allowed(as(dave), 'instance:stop', { ...target, resourceId: 'vm-other' }),
    ).toBe(false);
    expect(
      (
        await failure(
          f.cloud.identity.bindings.grant(as(sec), {
            principalId: dave.id,
            roleId: 'role-nope',
            scope: { kind: 'platform' },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('logs local users in with a bearer token, locks after repeated failures, and refuses alike', async () => {
    f = await makeFixture({ store: make(), cloud: { identity: { passwordPolicy: { maxFailures: 3 } } } });
    const { sec } = await threeAdmins(f);
    const erin = await f.cloud.identity.principals.create(as(sec), {
      kind: 'user',
      name: 'erin',
      password: PASSWORD,
    });
    await f.cloud.identity.bindings.grant(as(sec), {
      principalId: erin.id,
      roleId: 'role-tenant-member',
      scope: { kind: 'tenant', id: f.tenant.id },
    });
    const session = await f.cloud.identity.login({ username: 'erin', password: PASSWORD });
    expect(session.principalId).toBe(erin.id);
    const ctx = await f.cloud.identity.authenticate(session.token);
    expect(ctx).toEqual({ principal: { id: erin.id, type: 'user' } });
    const own = { kind: 'tenant', tenantId: f.tenant.id, domainId: null } as const;
    expect(await f.cloud.identity.allowed(ctx, 'instance:read', own)).toBe(true);

    const unknown = await failure(f.cloud.identity.login({ username: 'nobody', password: PASSWORD }));
    const wrong = await failure(f.cloud.identity.login({ username: 'erin', password: 'Wrong-Horse-00' }));
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect([wrong.message, wrong.details]).toEqual([unknown.message, unknown.details]);
    expect(JSON.stringify(wrong.details)).not.toContain('Wrong-Horse');
    await failure(f.cloud.identity.login({ username: 'erin', password: 'Wrong-Horse-01' }));
    await failure(f.cloud.identity.login({ username: 'erin', password: 'Wrong-Horse-02' }));
    // Three failures: locked, the right password included.
    const locked = await failure(f.cloud.identity.login({ username: 'erin', password: PASSWORD }));
    expect(locked.code).toBe('UNAUTHENTICATED');
    expect(locked.details.lockedUntil).toEqual(expect.any(String));
    // A security admin's reset unlocks.
    await f.cloud.identity.principals.setPassword(as(sec), erin.id, 'Fresh-Horse-77');
    await expect(
      f.cloud.identity.login({ username: 'erin', password: 'Fresh-Horse-77' }),
    ).resolves.toMatchObject({
      principalId: erin.id,
    });

    // A disabled user neither logs in nor uses a token issued before.
    await f.cloud.identity.principals.setState(as(sec), erin.id, 'disabled');
    expect(
      (await failure(f.cloud.identity.login({ username: 'erin', password: 'Fresh-Horse-77' }))).code,
    ).toBe('UNAUTHENTICATED');
    expect((await failure(f.cloud.identity.authenticate(session.token))).code).toBe('UNAUTHENTICATED');
    const forged = `${session.token.slice(0, -2)}${session.token.endsWith('A') ? 'B' : 'A'}A`;
    expect((await failure(f.cloud.identity.authenticate(forged))).code).toBe('UNAUTHENTICATED');
    expect((await failure(f.cloud.identity.login({ username: '', password: 'x' }))).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
});
