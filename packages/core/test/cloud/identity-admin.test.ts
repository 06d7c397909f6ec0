import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCloud } from '../../src/cloud.js';
import { systemContext } from '../../src/context/call-context.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { simulator } from '../../src/testing/simulator/simulator-driver.js';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

// What the security administrator changes at run time (R-SEC-2, R-SEC-4): the password policy,
// custom roles, tenants and domains.
describe.each(STORES)('security administration ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('lets the security administrator tighten the password policy, which then applies to everyone', async () => {
    f = await makeFixture({ store: make() });
    const sec = await f.caller('role-security-admin', { kind: 'platform' });
    const sys = await f.caller('role-system-admin', { kind: 'platform' });
    const bob = await f.cloud.identity.principals.create(sec, { kind: 'user', name: 'bob' });
    await f.cloud.identity.principals.setPassword(sec, bob.id, 'Short-Pass-123');
    expect((await failure(f.cloud.identity.setPasswordPolicy(sys, { minLength: 20 }))).code).toBe(
      'PERMISSION_DENIED',
    );
    const policy = await f.cloud.identity.setPasswordPolicy(sec, { minLength: 20, maxFailures: 2 });
    expect(policy).toMatchObject({ minLength: 20, maxFailures: 2, requireClasses: 3, historySize: 5 });
    expect(await f.cloud.identity.passwordPolicy(sec)).toEqual(policy);
    const tooShort = await failure(f.cloud.identity.principals.setPassword(sec, bob.id, 'Short-Pass-456'));
    expect(tooShort.code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(tooShort.details)).toContain('at least 20');
    await f.cloud.identity.principals.setPassword(sec, bob.id, 'A-Much-Longer-Pass-789');
    // Two wrong passwords now lock the account, where the default took five.
    for (const _ of [1, 2])
      await failure(f.cloud.identity.login({ username: 'bob', password: 'Wrong-Pass-000' }));
    const locked = await failure(
      f.cloud.identity.login({ username: 'bob', password: 'A-Much-Longer-Pass-789' }),
    );
    expect(locked.code).toBe('UNAUTHENTICATED');
    expect(locked.details).toMatchObject({ lockedUntil: expect.any(String) });
    expect((await failure(f.cloud.identity.setPasswordPolicy(sec, { minLength: 0 }))).code).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('changes a custom role, but never the duty of one that is bound', async () => {
    f = await makeFixture({ store: make() });
    const sec = await f.caller('role-security-admin', { kind: 'platform' });
    const role = await f.cloud.identity.roles.create(sec, { name: 'viewer', permissions: ['instance:read'] });
    const viewer = await f.cloud.identity.principals.create(sec, { kind: 'user', name: 'vera' });
    const vm = await f.vm();
    const asVera = { principal: { id: viewer.id, type: 'user' as const } };
    await f.cloud.identity.bindings.grant(sec, {
      principalId: viewer.id,
      roleId: role.id,
      scope: { kind: 'tenant', id: f.tenant.id },
    });
    expect((await failure(f.cloud.instances.stop(asVera, vm.id))).code).toBe('PERMISSION_DENIED');
    const widened = await f.cloud.identity.roles.update(sec, role.id, {
      permissions: ['instance:read', 'instance:stop'],
    });
    expect(widened.permissions).toEqual(['instance:read', 'instance:stop']);
    await (await f.cloud.instances.stop(asVera, vm.id)).wait();
    const toSecurity = await failure(
      f.cloud.identity.roles.update(sec, role.id, { permissions: ['user:read'] }),
    );
    expect(toSecurity).toMatchObject({
      code: 'ILLEGAL_STATE',
      details: { from: ['system'], to: ['security'] },
    });
    const mixed = await failure(
      f.cloud.identity.roles.update(sec, role.id, { permissions: ['instance:read', 'audit:read'] }),
    );
    expect(mixed.code).toBe('INVALID_ARGUMENT');
    expect((await f.cloud.identity.roles.get(sec, role.id)).permissions).toEqual([
      'instance:read',
      'instance:stop',
    ]);
  });

  it('disables a tenant, which then takes no new resources, and a domain, which takes no new tenants', async () => {
    f = await makeFixture({ store: make() });
    const sec = await f.caller('role-security-admin', { kind: 'platform' });
    const owner = await f.caller('role-tenant-admin');
    const input = { name: 'x', tenantId: f.tenant.id, offeringId: f.small.id, imageId: f.image.id };
    const existing = await f.vm('kept');
    const disabled = await f.cloud.tenants.update(sec, f.tenant.id, { state: 'disabled' });
    expect(disabled.state).toBe('disabled');
    expect((await failure(f.cloud.instances.create(owner, input))).code).toBe('ILLEGAL_STATE');
    expect((await failure(f.cloud.instances.create(f.admin, input))).code).toBe('ILLEGAL_STATE');
    // Its resources stay, and stay manageable.
    await (await f.cloud.instances.stop(owner, existing.id)).wait();
    expect((await failure(f.cloud.tenants.update(owner, f.tenant.id, { state: 'active' }))).code).toBe(
      'PERMISSION_DENIED',
    );
    await f.cloud.tenants.update(sec, f.tenant.id, { state: 'active' });
    await (await f.cloud.instances.create(owner, input)).wait();

    const west = await f.cloud.domains.create(sec, { name: 'west' });
    await f.cloud.domains.update(sec, west.id, { state: 'disabled', description: 'closed' });
    expect((await failure(f.cloud.tenants.create(sec, { name: 'late', domainId: west.id }))).code).toBe(
      'ILLEGAL_STATE',
    );
    expect((await failure(f.cloud.tenants.update(sec, 'tnt-nope', { name: 'x' }))).code).toBe('NOT_FOUND');
    expect((await failure(f.cloud.tenants.update(sec, f.tenant.id, { state: 'gone' as never }))).code).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('changes a tenant or domain only at the expected version, when one is given', async () => {
    f = await makeFixture({ store: make() });
    const sec = await f.caller('role-security-admin', { kind: 'platform' });
    const tenant = await f.cloud.tenants.get(sec, f.tenant.id);
    const renamed = await f.cloud.tenants.update(sec, tenant.id, {
      name: 'acme-2',
      expectedVersion: tenant.version,
    });
    expect(renamed.version).toBe(tenant.version + 1);
    const stale = await failure(
      f.cloud.tenants.update(sec, tenant.id, { name: 'lost', expectedVersion: tenant.version }),
    );
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'precondition-failed', actualVersion: renamed.version },
    });
    expect((await f.cloud.tenants.get(sec, tenant.id)).name).toBe('acme-2');
    const domain = await f.cloud.domains.create(sec, { name: 'east' });
    await f.cloud.domains.update(sec, domain.id, { description: 'first' });
    const late = await failure(
      f.cloud.domains.update(sec, domain.id, { description: 'late', expectedVersion: domain.version }),
    );
    expect(late.details.reason).toBe('precondition-failed');
    expect((await f.cloud.domains.get(sec, domain.id)).description).toBe('first');
  });
});

describe('the password policy in the store', () => {
  it('outlives the process and holds for the next one, whatever its options say', async () => {
    const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-policy-')), 'cloud.db');
    const first = await makeFixture({ store: createSqliteStore({ filename }) });
    await first.cloud.identity.setPasswordPolicy(first.admin, { minLength: 16 });
    await first.cloud.close();
    const second = await createCloud({
      store: createSqliteStore({ filename }),
      drivers: [simulator({ name: 'sim' })],
      ha: { enabled: false },
      identity: { passwordPolicy: { minLength: 8 } },
    });
    const admin = systemContext('second');
    try {
      expect((await second.identity.passwordPolicy(admin)).minLength).toBe(16);
      const user = await second.identity.principals.create(admin, { kind: 'user', name: 'late' });
      const refused = await failure(second.identity.principals.setPassword(admin, user.id, 'Only-12-Char'));
      expect(refused.code).toBe('INVALID_ARGUMENT');
    } finally {
      await second.close();
    }
  });
});
