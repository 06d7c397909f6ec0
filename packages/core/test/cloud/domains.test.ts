import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/context/call-context.js';
import { DEFAULT_DOMAIN_ID } from '../../src/model/domain.js';
import type { Tenant } from '../../src/model/tenant.js';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

const target = (tenant: Tenant) =>
  ({ kind: 'tenant', tenantId: tenant.id, domainId: tenant.domainId }) as const;

describe.each(STORES)('domains ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('nests tenants in domains, the default one unless another is named', async () => {
    f = await makeFixture({ store: make() });
    expect(f.tenant.domainId).toBe(DEFAULT_DOMAIN_ID);
    expect((await f.cloud.domains.get(f.admin, DEFAULT_DOMAIN_ID)).name).toBe('default');
    const eng = await f.cloud.domains.create(f.admin, { name: 'eng' });
    const build = await f.cloud.tenants.create(f.admin, { name: 'build', domainId: eng.id });
    expect(build.domainId).toBe(eng.id);
    expect((await failure(f.cloud.tenants.create(f.admin, { name: 'x', domainId: 'dom-nope' }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (
        await failure(
          f.cloud.domains.create(await f.caller('role-tenant-admin', undefined, f.tenant.id), {
            name: 'mine',
          }),
        )
      ).code,
    ).toBe('PERMISSION_DENIED');
  });

  it('lets a role bound on a domain reach its tenants and no others', async () => {
    f = await makeFixture({ store: make() });
    const eng = await f.cloud.domains.create(f.admin, { name: 'eng' });
    const build = await f.cloud.tenants.create(f.admin, { name: 'build', domainId: eng.id });
    const lead = await f.cloud.identity.principals.create(f.admin, { kind: 'user', name: 'lead' });
    await f.cloud.identity.bindings.grant(f.admin, {
      principalId: lead.id,
      roleId: 'role-tenant-admin',
      scope: { kind: 'domain', id: eng.id },
    });
    const ctx: CallContext = { principal: { id: lead.id, type: 'user' } };
    expect(await f.cloud.identity.allowed(ctx, 'instance:create', target(build))).toBe(true);
    expect(await f.cloud.identity.allowed(ctx, 'instance:create', target(f.tenant))).toBe(false);
    expect(await f.cloud.identity.allowed(ctx, 'host:register', { kind: 'platform' })).toBe(false);
  });
});
