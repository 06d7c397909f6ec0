import { afterEach, describe, expect, it } from 'vitest';
import { type CallContext, tenantContext } from '../../src/context/call-context.js';
import type { CloudEvent } from '../../src/model/event.js';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

// Rights by scope (R-SEC-1, 分域) beyond the matrix's one-tenant bindings: domains, several tenants,
// single resources, groups, and the live event stream.
describe.each(STORES)('scoped access ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  const vmIn = async (tenantId: string, name = 'vm') =>
    (
      await f.cloud.instances.create(f.admin, {
        name,
        tenantId,
        offeringId: f.small.id,
        imageId: f.image.id,
      })
    ).wait();

  it('creates in the only tenant a caller reaches when it names none, and asks one reaching several', async () => {
    f = await makeFixture({ store: make() });
    const input = { name: 'unnamed', offeringId: f.small.id, imageId: f.image.id };
    const owner = await f.caller('role-tenant-admin');
    const vm = await (await f.cloud.instances.create(owner, input)).wait();
    expect(vm.tenantId).toBe(f.tenant.id);
    const east = await f.cloud.domains.create(f.admin, { name: 'east' });
    await f.cloud.tenants.create(f.admin, { name: 'east-a', domainId: east.id });
    const domainAdmin = await f.caller('role-tenant-admin', { kind: 'domain', id: east.id });
    const several = await failure(f.cloud.instances.create(domainAdmin, input));
    expect(several).toMatchObject({ code: 'INVALID_ARGUMENT', details: { issues: [{ path: 'tenantId' }] } });
    // The platform's own administrator reaches every tenant: it names one too.
    expect((await failure(f.cloud.instances.create(f.admin, input))).code).toBe('INVALID_ARGUMENT');
    // A member may read but not create: the tenant it reaches with instance:create is none.
    const member = await f.caller('role-tenant-member');
    expect((await failure(f.cloud.instances.create(member, input))).code).toBe('INVALID_ARGUMENT');
  });

  it('lets a domain administrator see the tenants of its domain and their resources, one tenant per list', async () => {
    f = await makeFixture({ store: make() });
    const east = await f.cloud.domains.create(f.admin, { name: 'east' });
    const [a, b] = [
      await f.cloud.tenants.create(f.admin, { name: 'east-a', domainId: east.id }),
      await f.cloud.tenants.create(f.admin, { name: 'east-b', domainId: east.id }),
    ];
    const inA = await vmIn(a.id);
    const outside = await vmIn(f.tenant.id);
    const admin = await f.caller('role-tenant-admin', { kind: 'domain', id: east.id });

    const tenants = await f.cloud.tenants.list(admin, { limit: 1 });
    expect(tenants.items.map((t) => t.id)).toEqual([a.id]);
    const rest = await f.cloud.tenants.list(admin, { limit: 1, cursor: tenants.nextCursor ?? '' });
    expect(rest.items.map((t) => t.id)).toEqual([b.id]);
    expect(rest.nextCursor).toBeUndefined();
    expect((await f.cloud.domains.list(admin)).items.map((d) => d.id)).toEqual([east.id]);

    const listAll = await failure(f.cloud.instances.list(admin));
    expect(listAll).toMatchObject({ code: 'INVALID_ARGUMENT', details: { issues: [{ path: 'tenantId' }] } });
    expect((await f.cloud.instances.list(admin, { tenantId: a.id })).items.map((i) => i.id)).toEqual([
      inA.id,
    ]);
    expect((await failure(f.cloud.instances.list(admin, { tenantId: f.tenant.id }))).code).toBe('NOT_FOUND');
    expect((await f.cloud.instances.get(admin, inA.id)).id).toBe(inA.id);
    expect((await failure(f.cloud.instances.get(admin, outside.id))).code).toBe('NOT_FOUND');
    // Creating a tenant is the security administrator's, even in one's own domain.
    expect((await failure(f.cloud.tenants.create(admin, { name: 'east-c', domainId: east.id }))).code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('narrows a user bound on two tenants to the one its context names', async () => {
    f = await makeFixture({ store: make() });
    const other = await f.cloud.tenants.create(f.admin, { name: 'other' });
    const mine = await vmIn(f.tenant.id, 'mine');
    const theirs = await vmIn(other.id, 'theirs');
    const both = await f.caller('role-tenant-member');
    await f.cloud.identity.bindings.grant(f.admin, {
      principalId: both.principal.id,
      roleId: 'role-tenant-member',
      scope: { kind: 'tenant', id: other.id },
    });
    expect((await failure(f.cloud.instances.list(both))).code).toBe('INVALID_ARGUMENT');
    const inOther = tenantContext(other.id, both.principal.id);
    expect((await f.cloud.instances.list(inOther)).items.map((i) => i.id)).toEqual([theirs.id]);
    expect((await failure(f.cloud.instances.get(inOther, mine.id))).code).toBe('NOT_FOUND');
    expect((await failure(f.cloud.instances.list(inOther, { tenantId: f.tenant.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await f.cloud.tenants.list(both)).items.map((t) => t.id).sort()).toEqual(
      [f.tenant.id, other.id].sort(),
    );
  });

  it('confines a binding on one instance to that instance', async () => {
    f = await makeFixture({ store: make() });
    const one = await vmIn(f.tenant.id, 'one');
    const two = await vmIn(f.tenant.id, 'two');
    const operator = await f.caller('role-tenant-admin', { kind: 'resource', id: one.id });
    await (await f.cloud.instances.stop(operator, one.id)).wait();
    expect((await f.cloud.instances.get(operator, one.id)).state).toBe('stopped');
    expect((await failure(f.cloud.instances.get(operator, two.id))).code).toBe('NOT_FOUND');
    expect((await failure(f.cloud.instances.stop(operator, two.id))).code).toBe('NOT_FOUND');
    // The tenant itself is not the resource: a create there is refused, and so is a list.
    expect((await failure(f.cloud.tenants.get(operator, f.tenant.id))).code).toBe('NOT_FOUND');
    expect((await failure(f.cloud.instances.list(operator))).code).toBe('PERMISSION_DENIED');
  });

  it('gives a group member the group rights, and takes them with the membership', async () => {
    f = await makeFixture({ store: make() });
    const vm = await vmIn(f.tenant.id);
    const ops = await f.cloud.identity.principals.create(f.admin, { kind: 'group', name: 'ops' });
    const bob = await f.cloud.identity.principals.create(f.admin, { kind: 'user', name: 'bob' });
    await f.cloud.identity.bindings.grant(f.admin, {
      principalId: ops.id,
      roleId: 'role-tenant-member',
      scope: { kind: 'tenant', id: f.tenant.id },
    });
    const asBob: CallContext = { principal: { id: bob.id, type: 'user' } };
    expect((await failure(f.cloud.instances.get(asBob, vm.id))).code).toBe('NOT_FOUND');
    await f.cloud.identity.principals.addMember(f.admin, ops.id, bob.id);
    expect((await f.cloud.instances.get(asBob, vm.id)).id).toBe(vm.id);
    expect((await failure(f.cloud.instances.delete(asBob, vm.id))).code).toBe('PERMISSION_DENIED');
    await f.cloud.identity.principals.removeMember(f.admin, ops.id, bob.id);
    expect((await failure(f.cloud.instances.get(asBob, vm.id))).code).toBe('NOT_FOUND');
  });

  it('streams to a subscriber only the events it may see, and stops when its binding goes', async () => {
    f = await makeFixture({ store: make() });
    const other = await f.cloud.tenants.create(f.admin, { name: 'other' });
    const alice = await f.caller('role-tenant-member');
    const [binding] = (await f.cloud.identity.bindings.list(f.admin, { principalId: alice.principal.id }))
      .items;
    const heard: CloudEvent[] = [];
    const stop = await f.cloud.events.subscribe(alice, (event) => heard.push(event));
    const mine = await vmIn(f.tenant.id, 'mine');
    await vmIn(other.id, 'theirs');
    await f.cloud.identity.bindings.revoke(f.admin, binding?.id ?? '');
    await vmIn(f.tenant.id, 'after');
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every((event) => event.tenantId === f.tenant.id && event.resourceId !== '')).toBe(true);
    expect(heard.some((event) => event.resourceId === mine.id)).toBe(true);
    const instanceIds = new Set(heard.filter((e) => e.resourceType === 'instance').map((e) => e.resourceId));
    expect([...instanceIds]).toEqual([mine.id]);
    expect(
      (
        await failure(
          f.cloud.events.subscribe(await f.caller('role-audit-admin', { kind: 'platform' }), () => undefined),
        )
      ).code,
    ).toBe('PERMISSION_DENIED');
  });
});
