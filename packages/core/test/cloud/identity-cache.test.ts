import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallContext } from '../../src/context/call-context.js';
import type { AccessTarget } from '../../src/identity/scope.js';
import { IdentityCache } from '../../src/services/access/identity-cache.js';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

const PASSWORD = 'Correct-Horse-42';

/** Alice, a tenant admin of the fixture's tenant, logged in. */
async function alice(f: Fixture) {
  const user = await f.cloud.identity.principals.create(f.admin, {
    kind: 'user',
    name: 'alice',
    password: PASSWORD,
  });
  const binding = await f.cloud.identity.bindings.grant(f.admin, {
    principalId: user.id,
    roleId: 'role-tenant-admin',
    scope: { kind: 'tenant', id: f.tenant.id },
  });
  const { token } = await f.cloud.identity.login({ username: 'alice', password: PASSWORD });
  const ctx: CallContext = { principal: { id: user.id, type: 'user' } };
  const own: AccessTarget = { kind: 'tenant', tenantId: f.tenant.id, domainId: null };
  return { user, binding, token, ctx, own };
}

describe.each(STORES)('identity cache ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => {
    vi.useRealTimers();
    await f?.cloud.close();
  });

  it('takes a revocation or a disabled account made through the cloud into account at once', async () => {
    f = await makeFixture({ store: make() });
    const a = await alice(f);
    expect(await f.cloud.identity.allowed(a.ctx, 'instance:create', a.own)).toBe(true);
    await f.cloud.identity.bindings.revoke(f.admin, a.binding.id);
    expect(await f.cloud.identity.allowed(a.ctx, 'instance:create', a.own)).toBe(false);

    expect((await f.cloud.identity.authenticate(a.token)).principal.id).toBe(a.user.id);
    await f.cloud.identity.principals.setState(f.admin, a.user.id, 'disabled');
    expect((await failure(f.cloud.identity.authenticate(a.token))).code).toBe('UNAUTHENTICATED');
  });

  it('sees a change made behind its back (another process) once an entry is older than cacheMs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    f = await makeFixture({ store: make(), cloud: { identity: { cacheMs: 1000 } } });
    const a = await alice(f);
    expect(await f.cloud.identity.allowed(a.ctx, 'instance:create', a.own)).toBe(true);
    // Straight in the store, as another process sharing it would: no event reaches this cloud.
    await f.store.delete('roleBindings', a.binding.id, a.binding.version);
    expect(await f.cloud.identity.allowed(a.ctx, 'instance:create', a.own)).toBe(true);
    vi.setSystemTime(Date.now() + 1000);
    expect(await f.cloud.identity.allowed(a.ctx, 'instance:create', a.own)).toBe(false);
  });

  it('reads grants on every call with cacheMs 0', async () => {
    f = await makeFixture({ store: make(), cloud: { identity: { cacheMs: 0 } } });
    const a = await alice(f);
    expect(await f.cloud.identity.allowed(a.ctx, 'instance:create', a.own)).toBe(true);
    await f.store.delete('roleBindings', a.binding.id, a.binding.version);
    expect(await f.cloud.identity.allowed(a.ctx, 'instance:create', a.own)).toBe(false);
    const principal = await f.store.get('principals', a.user.id);
    if (!principal) throw new Error('alice is gone');
    await f.store.update('principals', { ...principal, state: 'disabled' });
    expect((await failure(f.cloud.identity.authenticate(a.token))).code).toBe('UNAUTHENTICATED');
  });
});

describe('IdentityCache', () => {
  it('does not keep what a read found when a change landed while it was reading', async () => {
    const cache = new IdentityCache(60_000);
    let release = () => {};
    const slow = cache.read(
      'grants:p',
      () => new Promise<string>((resolve) => (release = () => resolve('old'))),
    );
    cache.forget();
    release();
    expect(await slow).toBe('old');
    expect(await cache.read('grants:p', async () => 'new')).toBe('new');
    expect(await cache.read('grants:p', async () => 'newer')).toBe('new');
  });

  it('forgets on identity events only', async () => {
    const cache = new IdentityCache(60_000);
    await cache.read('k', async () => 1);
    const event = (resourceType: string) => ({
      id: 'evt-1',
      type: 'x',
      resourceType,
      resourceId: 'r',
      tenantId: null,
      time: new Date().toISOString(),
      data: {},
    });
    cache.observe(event('instance'));
    expect(await cache.read('k', async () => 2)).toBe(1);
    for (const [i, type] of ['principal', 'role', 'roleBinding'].entries()) {
      cache.observe(event(type));
      expect(await cache.read('k', async () => 10 + i)).toBe(10 + i);
    }
  });
});
