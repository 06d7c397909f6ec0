import { describe, expect, it } from 'vitest';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import { GroupCommit } from '../../src/store/sqlite/group-commit.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const NO_HOOKS = { begun: () => undefined, rolledBack: () => undefined };

const tenant = (id: string, name: string) => ({
  id,
  name,
  classification: 'public' as const,
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
    expect(issued).toEqual([
      'BEGIN IMMEDIATE',
      'SAVEPOINT unit',
      'RELEASE unit',
      'SAVEPOINT unit',
      'RELEASE unit',
      'COMMIT',
      'ROLLBACK',
    ]);
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
});
