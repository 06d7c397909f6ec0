import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/context/call-context.js';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import { generateAuditKeyPair } from '../../src/identity/audit/audit-checkpoint.js';
import type { Principal } from '../../src/identity/principal.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { StoreSession } from '../../src/store/store.js';
import { type Fixture, failure, makeFixture, STORES } from '../helpers/fixture.js';

const bound = (target: object, key: string | symbol) => {
  const value = Reflect.get(target, key, target);
  return typeof value === 'function' ? value.bind(target) : value;
};
const auditId = (seq: number) => `aud-${String(seq).padStart(15, '0')}`;
const as = (principal: Principal): CallContext => ({ principal: { id: principal.id, type: 'user' } });

async function admins(f: Fixture) {
  const make = (name: string) => f.cloud.identity.principals.create(f.admin, { kind: 'user', name });
  const [sec, aud] = [await make('secadmin'), await make('auditadmin')];
  for (const [principal, roleId] of [
    [sec, 'role-security-admin'],
    [aud, 'role-audit-admin'],
  ] as const) {
    await f.cloud.identity.bindings.grant(f.admin, {
      principalId: principal.id,
      roleId,
      scope: { kind: 'platform' },
    });
  }
  return { sec, aud };
}

async function allRecords(f: Fixture, ctx: CallContext) {
  const records = [];
  let cursor: string | undefined;
  do {
    const page = await f.cloud.audit.list(ctx, { limit: 100, ...(cursor === undefined ? {} : { cursor }) });
    records.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return records;
}

describe.each(STORES)('audit log ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('records who did what with which outcome, readable by the audit administrator only', async () => {
    f = await makeFixture({ store: make() });
    const { sec, aud } = await admins(f);
    const frank = await f.cloud.identity.principals.create(as(sec), {
      kind: 'user',
      name: 'frank',
      password: 'Correct-Horse-42',
    });
    // Denied: the audit admin cannot create users; the security admin cannot read the log.
    await failure(f.cloud.identity.principals.create(as(aud), { kind: 'user', name: 'mallory' }));
    expect((await failure(f.cloud.audit.list(as(sec)))).code).toBe('PERMISSION_DENIED');
    await failure(f.cloud.identity.login({ username: 'frank', password: 'Wrong-Horse-00' }));
    await failure(f.cloud.identity.login({ username: 'nobody', password: 'Wrong-Horse-00' }));

    const records = await allRecords(f, as(aud));
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
    const summary = records.map((r) => [r.principal.id, r.action, r.outcome, r.resource.id]);
    expect(summary).toContainEqual([sec.id, 'user:create', 'succeeded', frank.id]);
    expect(summary).toContainEqual([aud.id, 'user:create', 'denied', null]);
    expect(summary).toContainEqual([sec.id, 'audit:read', 'denied', null]);
    expect(summary).toContainEqual([frank.id, 'session:login', 'failed', frank.id]);
    expect(summary).toContainEqual(['anonymous', 'session:login', 'failed', null]);
    // Secrets never reach the log.
    expect(JSON.stringify(records)).not.toMatch(/Horse|scrypt/);

    const verified = await f.cloud.audit.verify(as(aud));
    expect(verified).toMatchObject({ ok: true, records: records.length + 1 });
    expect((await failure(f.cloud.audit.verify(as(sec)))).code).toBe('PERMISSION_DENIED');
  });

  it('records every compute operation with its caller, resource, scope, outcome and source', async () => {
    f = await makeFixture({ store: make() });
    const { aud } = await admins(f);
    const owner = {
      ...(await f.caller('role-tenant-admin')),
      source: { ip: '192.0.2.7', requestId: 'req-1' },
    };
    const member = await f.caller('role-tenant-member');
    const vm = await (
      await f.cloud.instances.create(owner, {
        name: 'audited',
        tenantId: f.tenant.id,
        offeringId: f.small.id,
        imageId: f.image.id,
      })
    ).wait();
    await (await f.cloud.instances.stop(owner, vm.id)).wait();
    await failure(f.cloud.instances.delete(member, vm.id));
    await failure(f.cloud.instances.resume(owner, vm.id));
    await f.cloud.instances.update(owner, vm.id, { description: 'kept' });
    await (await f.cloud.instances.delete(owner, vm.id)).wait();

    const records = await allRecords(f, as(aud));
    const summary = records.map((r) => [r.principal.id, r.action, r.outcome, r.resource.id]);
    const who = owner.principal.id;
    expect(summary).toContainEqual([who, 'instance:create', 'succeeded', vm.id]);
    expect(summary).toContainEqual([who, 'instance:stop', 'succeeded', vm.id]);
    expect(summary).toContainEqual([member.principal.id, 'instance:delete', 'denied', vm.id]);
    expect(summary).toContainEqual([who, 'instance:resume', 'failed', vm.id]);
    expect(summary).toContainEqual([who, 'instance:update', 'succeeded', vm.id]);
    expect(summary).toContainEqual([who, 'instance:delete', 'succeeded', vm.id]);
    const created = records.find((r) => r.action === 'instance:create' && r.outcome === 'succeeded');
    expect(created).toMatchObject({
      scope: { kind: 'tenant', id: f.tenant.id },
      source: { ip: '192.0.2.7', requestId: 'req-1' },
      details: { jobId: expect.stringMatching(/^job-/) },
    });
    expect(records.find((r) => r.outcome === 'failed')?.details).toEqual({ code: 'ILLEGAL_STATE' });
    // Reads leave no record: the log holds what changed and what was refused.
    await f.cloud.instances.list(owner);
    expect((await allRecords(f, as(aud))).filter((r) => r.action === 'instance:read')).toEqual([]);
    expect(await f.cloud.audit.verify(as(aud))).toMatchObject({ ok: true });
  });

  it('rolls a success record back with the operation it describes, and records the failure instead', async () => {
    // A store whose next insert of a job fails: the create's transaction aborts after its audit append.
    const store = make();
    let failNextJob = false;
    const faulty = new Proxy(store, {
      get(target, key) {
        // Methods are bound to the real store: its private fields are not the proxy's.
        if (key !== 'transaction') return bound(target, key);
        return (fn: (tx: StoreSession) => Promise<unknown>) =>
          target.transaction((tx) =>
            fn(
              new Proxy(tx, {
                get(session, name) {
                  if (name !== 'insert') return bound(session, name);
                  return async (collection: string, record: unknown) => {
                    if (collection === 'jobs' && failNextJob) {
                      failNextJob = false;
                      throw new EcloudError('STORE_FAILURE', 'injected');
                    }
                    return (session.insert as (c: string, r: unknown) => Promise<unknown>)(
                      collection,
                      record,
                    );
                  };
                },
              }),
            ),
          );
      },
    });
    f = await makeFixture({ store: faulty });
    const { aud } = await admins(f);
    failNextJob = true;
    const input = { name: 'doomed', tenantId: f.tenant.id, offeringId: f.small.id, imageId: f.image.id };
    expect((await failure(f.cloud.instances.create(f.admin, input))).code).toBe('STORE_FAILURE');
    const creates = (await allRecords(f, as(aud))).filter((r) => r.action === 'instance:create');
    expect(creates.map((r) => [r.outcome, r.details])).toEqual([['failed', { code: 'STORE_FAILURE' }]]);
    expect((await f.cloud.instances.list(f.admin)).items).toEqual([]);
    expect(await f.cloud.audit.verify(as(aud))).toMatchObject({ ok: true });
  });

  it('lets nobody change or delete a record, the system context included', async () => {
    f = await makeFixture({ store: make() });
    await admins(f);
    const [first] = (await f.store.list('auditRecords', { limit: 1 })).items;
    if (!first) throw new Error('no audit record');
    expect(await failure(f.store.update('auditRecords', { ...first, outcome: 'failed' }))).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { reason: 'append-only' },
    });
    expect((await failure(f.store.delete('auditRecords', first.id, first.version))).code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('refuses a checkpoint without a signing key', async () => {
    f = await makeFixture({ store: make() });
    const { aud } = await admins(f);
    expect((await failure(f.cloud.audit.checkpoint(as(aud)))).code).toBe('ILLEGAL_STATE');
  });
});

describe('audit log tampered with in the database file', () => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('names the edited record, and a cut of the newest through a signed checkpoint', async () => {
    const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-audit-')), 'audit.db');
    const keys = generateAuditKeyPair();
    f = await makeFixture({
      store: createSqliteStore({ filename }),
      cloud: { audit: { signingKey: { id: 'audit-1', privateKey: keys.privateKey } } },
    });
    const { sec, aud } = await admins(f);
    for (const name of ['u1', 'u2', 'u3'])
      await f.cloud.identity.principals.create(as(sec), { kind: 'user', name });
    const checkpoint = await f.cloud.audit.checkpoint(as(aud));
    await f.cloud.identity.principals.create(as(sec), { kind: 'user', name: 'u4' });

    const raw = new Database(filename);
    // The triggers stop a plain edit; a tamperer has to drop them first.
    expect(() => raw.prepare('DELETE FROM "auditRecords"').run()).toThrow(/append-only/);
    raw.exec('DROP TRIGGER "auditRecords_no_update"; DROP TRIGGER "auditRecords_no_delete"');
    // A careful forger cuts the newest records — two the checkpoint covers among them — and moves the
    // head back, so the chain alone looks whole. Only the checkpoint, kept elsewhere, tells.
    const keep = checkpoint.seq - 2;
    const kept = raw.prepare('SELECT data FROM "auditRecords" WHERE id = ?').get(auditId(keep)) as {
      data: string;
    };
    raw.prepare('DELETE FROM "auditRecords" WHERE id > ?').run(auditId(keep));
    raw
      .prepare(`UPDATE "auditHeads" SET data = json_set(data, '$.seq', ?, '$.hash', ?)`)
      .run(keep, (JSON.parse(kept.data) as { hash: string }).hash);
    expect(await f.cloud.audit.verify(f.admin, { checkpoint })).toMatchObject({
      ok: false,
      problem: { kind: 'truncated', seq: keep + 1 },
    });
    expect(await f.cloud.audit.verify(f.admin)).toMatchObject({ ok: true });
    // Edit the outcome of record 3.
    raw
      .prepare(`UPDATE "auditRecords" SET data = json_set(data, '$.outcome', 'failed') WHERE id = ?`)
      .run(auditId(3));
    raw.close();
    expect(await f.cloud.audit.verify(f.admin)).toMatchObject({
      ok: false,
      problem: { kind: 'edited', seq: 3 },
    });
  });
});
