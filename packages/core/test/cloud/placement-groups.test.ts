import { afterEach, describe, expect, it } from 'vitest';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

describe.each(STORES)('placement groups ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  const group = (policy: 'affinity' | 'anti-affinity') =>
    f.cloud.placementGroups.create(f.admin, { name: policy, tenantId: f.tenant.id, policy });

  it('anti-affinity puts members on different hosts and refuses one more than there are hosts', async () => {
    f = await makeFixture({ store: make() });
    const apart = await group('anti-affinity');
    const a = await f.vm('a', { placementGroupId: apart.id });
    const b = await f.vm('b', { placementGroupId: apart.id });
    expect(a.hostId).not.toBe(b.hostId);
    expect(a.placementGroupId).toBe(apart.id);
    const refused = await failure(f.vm('c', { placementGroupId: apart.id }));
    expect(refused.code).toBe('INSUFFICIENT_CAPACITY');
    expect(refused.details.rejectedBy).toEqual({ placementGroup: 2 });
    expect((await f.cloud.placementGroups.get(f.admin, apart.id)).members).toEqual({
      [a.id]: a.hostId,
      [b.id]: b.hostId,
    });
    // A member that leaves frees its host for the next one.
    await (await f.cloud.instances.delete(f.admin, a.id)).wait();
    const c = await f.vm('c', { placementGroupId: apart.id });
    expect(c.hostId).toBe(a.hostId);
    expect(Object.keys((await f.cloud.placementGroups.get(f.admin, apart.id)).members).sort()).toEqual(
      [b.id, c.id].sort(),
    );
  });

  it('affinity keeps members together, even under a spread policy', async () => {
    f = await makeFixture({ store: make(), cloud: { scheduler: { policy: { placement: 'spread' } } } });
    const together = await group('affinity');
    const members = [
      await f.vm('a', { placementGroupId: together.id }),
      await f.vm('b', { placementGroupId: together.id }),
      await f.vm('c', { placementGroupId: together.id }),
    ];
    expect(new Set(members.map((vm) => vm.hostId)).size).toBe(1);
    const loner = await f.vm('loner');
    expect(loner.hostId).not.toBe(members[0]?.hostId);
  });

  it('migrations keep the rule, and the group follows a member to its new host', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: { count: 3 } } });
    const apart = await group('anti-affinity');
    const a = await f.vm('a', { placementGroupId: apart.id });
    const b = await f.vm('b', { placementGroupId: apart.id });
    const onB = await failure(f.cloud.instances.migrate(f.admin, a.id, { hostId: b.hostId ?? '' }));
    expect(onB.details.rejectedBy).toEqual({ placementGroup: 1 });
    const moved = await (await f.cloud.instances.migrate(f.admin, a.id, {})).wait();
    expect([a.hostId, b.hostId]).not.toContain(moved.hostId);
    expect((await f.cloud.placementGroups.get(f.admin, apart.id)).members[a.id]).toBe(moved.hostId);
    // A migration that fails puts the member back where it is.
    f.sim.failNext('migrate');
    await expect((await f.cloud.instances.migrate(f.admin, a.id, {})).wait()).rejects.toMatchObject({
      code: 'DRIVER_FAILURE',
    });
    expect((await f.cloud.placementGroups.get(f.admin, apart.id)).members[a.id]).toBe(moved.hostId);
  });

  it('a create that fails leaves no member behind, and a clone does not join', async () => {
    f = await makeFixture({ store: make() });
    const apart = await group('anti-affinity');
    f.sim.failNext('createInstance');
    await expect(f.vm('a', { placementGroupId: apart.id })).rejects.toMatchObject({ code: 'DRIVER_FAILURE' });
    expect((await f.cloud.placementGroups.get(f.admin, apart.id)).members).toEqual({});
    const b = await f.vm('b', { placementGroupId: apart.id });
    const copy = await (await f.cloud.instances.clone(f.admin, b.id, { name: 'b-copy' })).wait();
    expect(copy.placementGroupId).toBeNull();
    expect(Object.keys((await f.cloud.placementGroups.get(f.admin, apart.id)).members)).toEqual([b.id]);
  });

  it('belongs to one tenant: others see nothing, and a group in use cannot be deleted', async () => {
    f = await makeFixture({ store: make() });
    const other = await f.cloud.tenants.create(f.admin, { name: 'other' });
    const mine = await f.caller('role-tenant-admin', undefined, f.tenant.id);
    const theirs = await f.caller('role-tenant-admin', { kind: 'tenant', id: other.id }, other.id);
    const apart = await f.cloud.placementGroups.create(mine, { name: 'web', policy: 'anti-affinity' });
    expect(apart.tenantId).toBe(f.tenant.id);
    expect((await failure(f.cloud.placementGroups.get(theirs, apart.id))).code).toBe('NOT_FOUND');
    expect((await f.cloud.placementGroups.list(theirs)).items).toEqual([]);
    expect((await f.cloud.placementGroups.list(mine)).items.map((g) => g.id)).toEqual([apart.id]);
    const foreignUse = await failure(
      f.cloud.instances.create(theirs, {
        name: 'x',
        offeringId: f.small.id,
        imageId: f.image.id,
        placementGroupId: apart.id,
      }),
    );
    expect(foreignUse.code).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          f.cloud.placementGroups.create(theirs, { name: 'x', tenantId: f.tenant.id, policy: 'affinity' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (await failure(f.cloud.placementGroups.create(f.admin, { name: 'x', policy: 'affinity' }))).code,
    ).toBe('INVALID_ARGUMENT');
    expect(
      (await failure(f.cloud.placementGroups.create(mine, { name: 'x', policy: 'near' as never }))).code,
    ).toBe('INVALID_ARGUMENT');
    expect(
      (await failure(f.cloud.placementGroups.create(mine, { name: 'web', policy: 'affinity' }))).code,
    ).toBe('ALREADY_EXISTS');
    const vm = await f.vm('a', { placementGroupId: apart.id });
    expect((await failure(f.cloud.placementGroups.delete(mine, apart.id))).code).toBe('ILLEGAL_STATE');
    await (await f.cloud.instances.delete(f.admin, vm.id)).wait();
    await f.cloud.placementGroups.delete(mine, apart.id);
    expect((await failure(f.cloud.placementGroups.get(mine, apart.id))).code).toBe('NOT_FOUND');
  });
});
