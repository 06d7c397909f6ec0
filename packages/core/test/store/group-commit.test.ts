import { CompiledQuery, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import { GroupCommit } from '../../src/store/sqlite/group-commit.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const NO_HOOKS = {
  begun: () => undefined,
  readingAlone: () => undefined,
  rolledBack: () => undefined,
  unitStarted: () => undefined,
  unitSucceeded: () => undefined,
  unitFailed: () => undefined,
};

const tenant = (id: string, name: string) => ({
  id,
  name,
  classification: 'public' as const,
  domainId: 'dom-default',
  state: 'active' as const,
});

describe('group commit', () => {
  it('lets one failing unit of a batch roll back alone', async () => {
    const store = createSqliteStore({ filename: ':memory:' });
    await store.migrate();
    try {
      const results = await Promise.allSettled([
        store.transaction((tx) => tx.insert('tenants', tenant('tnt-1', 'one'))),
        store.transaction(async (tx) => {
          await tx.insert('tenants', tenant('tnt-2', 'two'));
          throw new Error('changed my mind');
        }),
        store.transaction((tx) => tx.insert('tenants', tenant('tnt-3', 'three'))),
        store.insert('tenants', tenant('tnt-4', 'one')),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
      expect(results[3]).toMatchObject({ reason: { code: 'ALREADY_EXISTS' } });
      expect((await store.list('tenants', { limit: 10 })).items.map((t) => t.id)).toEqual(['tnt-1', 'tnt-3']);
    } finally {
      await store.close();
    }
  });

  it('runs a read that finds the queue idle at once, outside a transaction, and holds writers until it is done', async () => {
    const issued: string[] = [];
    let alone = 0;
    const units = new GroupCommit(
      async (sql) => {
        issued.push(sql);
      },
      { maxUnits: 10, maxMillis: 1000 },
      { ...NO_HOOKS, readingAlone: () => void alone++ },
    );
    expect(await units.submit('read', async () => 'quick')).toBe('quick');
    expect({ issued, alone }).toEqual({ issued: [], alone: 1 });

    let release = () => {};
    const slow = units.submit(
      'read',
      () => new Promise<string>((resolve) => (release = () => resolve('slow'))),
    );
    const write = units.submit('write', async () => 'w');
    // A read arriving behind a queued write joins the write's batch.
    const joined = units.submit('read', async () => 'joined');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(issued).toEqual([]);
    release();
    expect(await Promise.all([slow, write, joined])).toEqual(['slow', 'w', 'joined']);
    expect(issued).toEqual(['BEGIN IMMEDIATE', 'COMMIT']);
    expect(alone).toBe(2);
  });

  it('answers writers only after COMMIT, and fails every writer of a batch whose COMMIT fails', async () => {
    const issued: string[] = [];
    let failCommit = true;
    const units = new GroupCommit(
      async (sql) => {
        issued.push(sql);
        if (sql === 'COMMIT' && failCommit) throw new Error('disk full');
      },
      { maxUnits: 10, maxMillis: 1000 },
      NO_HOOKS,
    );
    const write = units.submit('write', async () => 'w1');
    const read = units.submit('read', async () => 'r1');
    const second = units.submit('write', async () => 'w2');
    const [w1, r1, w2] = await Promise.allSettled([write, read, second]);
    expect(r1).toEqual({ status: 'fulfilled', value: 'r1' });
    for (const result of [w1, w2]) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(EcloudError);
      expect(reason).toMatchObject({ code: 'STORE_FAILURE', retryable: true });
    }
    expect(issued).toEqual(['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK']);
    failCommit = false;
    expect(await units.submit('write', async () => 'after')).toBe('after');
  });

  it('bounds a batch by its unit limit', async () => {
    const issued: string[] = [];
    const units = new GroupCommit(
      async (sql) => void issued.push(sql),
      { maxUnits: 2, maxMillis: 1000 },
      NO_HOOKS,
    );
    await Promise.all([1, 2, 3, 4, 5].map((n) => units.submit('write', async () => n)));
    expect(issued.filter((sql) => sql === 'COMMIT')).toHaveLength(3);
  });

  it('rolls the whole batch back when a failed unit cannot be reversed', async () => {
    const issued: string[] = [];
    const units = new GroupCommit(
      async (sql) => void issued.push(sql),
      { maxUnits: 10, maxMillis: 1000 },
      {
        ...NO_HOOKS,
        unitFailed: () => {
          throw new Error('cannot reverse');
        },
      },
    );
    const first = units.submit('write', async () => 'kept?');
    const failing = units.submit('write', async () => {
      throw new Error('unit failed');
    });
    const [kept, failed] = await Promise.allSettled([first, failing]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'unit failed' } });
    expect(kept).toMatchObject({ status: 'rejected', reason: { code: 'STORE_FAILURE' } });
    expect(issued).toEqual(['BEGIN IMMEDIATE', 'ROLLBACK']);
  });

  it('reverses exactly what a failed unit wrote, between units of the same batch that touch the same rows', async () => {
    const store = createSqliteStore({ filename: ':memory:' });
    await store.migrate();
    try {
      const shared = await store.insert('tenants', tenant('tnt-shared', 'shared'));
      const doomed = await store.insert('tenants', tenant('tnt-doomed', 'doomed'));
      const event = (id: string) => ({
        id,
        type: 'tenant.renamed',
        resourceType: 'tenant',
        resourceId: shared.id,
        tenantId: null,
        time: '2026-01-01T00:00:00.000Z',
        data: {},
      });
      // Queued together, so all four run in one batch: before, failing, failing again, after.
      const before = store.transaction(async (tx) => {
        const renamed = await tx.update('tenants', { ...shared, name: 'first' });
        await tx.appendEvent(event('evt-1'));
        return renamed;
      });
      const failing = store.transaction(async (tx) => {
        const current = await tx.get('tenants', shared.id);
        if (!current) throw new Error('missing');
        const twice = await tx.update('tenants', { ...current, name: 'second' });
        await tx.update('tenants', { ...twice, name: 'third' });
        await tx.delete('tenants', doomed.id, doomed.version);
        await tx.insert('tenants', tenant('tnt-new', 'doomed'));
        await tx.delete('tenants', 'tnt-new', 1);
        await tx.insert('tenants', tenant('tnt-phantom', 'phantom'));
        await tx.appendEvent(event('evt-2'));
        throw new Error('changed my mind');
      });
      const failingOutside = store.update('tenants', { ...doomed, version: 99 });
      const after = store.transaction(async (tx) => {
        const current = await tx.get('tenants', shared.id);
        if (!current) throw new Error('missing');
        return tx.update('tenants', { ...current, name: 'fourth' });
      });
      const results = await Promise.allSettled([before, failing, failingOutside, after]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect(results[2]).toMatchObject({ reason: { code: 'CONFLICT' } });

      expect(await store.get('tenants', shared.id)).toMatchObject({ name: 'fourth', version: 3 });
      expect(await store.get('tenants', doomed.id)).toEqual(doomed);
      expect(await store.findOne('tenants', { name: 'doomed' })).toEqual(doomed);
      expect(await store.get('tenants', 'tnt-phantom')).toBeUndefined();
      expect(await store.get('tenants', 'tnt-new')).toBeUndefined();
      expect(await store.findOne('tenants', { name: 'third' })).toBeUndefined();
      expect((await store.listEvents({ limit: 10 })).items.map((e) => e.id)).toEqual(['evt-1']);
      // The reversed rows are writable at their old versions, and their unique names are free again.
      expect((await store.update('tenants', { ...doomed, name: 'still-here' })).version).toBe(2);
      expect((await store.insert('tenants', tenant('tnt-phantom', 'phantom'))).version).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('ends the batch if SQLite itself rolled the transaction back, so no later write commits alone', async () => {
    const store = createSqliteStore({ filename: ':memory:' });
    await store.migrate();
    const connection = (store as unknown as { db: Kysely<unknown> }).db;
    try {
      const early = store.insert('tenants', tenant('tnt-early', 'early'));
      // What SQLite does by itself after a full disk or an I/O error.
      const lost = store.transaction(async () => {
        await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
        throw new Error('disk full');
      });
      const late = store.insert('tenants', tenant('tnt-late', 'late'));
      const results = await Promise.allSettled([early, lost, late]);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: { code: 'STORE_FAILURE' } });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: 'disk full' } });
      // The next write runs in a batch of its own and lands; nothing of the lost batch does.
      expect(results[2]).toMatchObject({ status: 'fulfilled', value: { id: 'tnt-late' } });
      expect((await store.list('tenants', { limit: 10 })).items.map((t) => t.id)).toEqual(['tnt-late']);
    } finally {
      await store.close();
    }
  });
});
