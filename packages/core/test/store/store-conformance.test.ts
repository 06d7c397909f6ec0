import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import type { CloudEvent } from '../../src/model/event.js';
import { newId } from '../../src/model/ids.js';
import type { Instance } from '../../src/model/instance.js';
import {
  createMemoryStore,
  createSqliteStore,
  type NewRecord,
  type Store,
  type Where,
} from '../../src/store/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'ecloud-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A clock that advances one second per reading and remembers what it handed out. */
function testClock(): { now: () => Date; issued: string[] } {
  const issued: string[] = [];
  let tick = 0;
  return {
    issued,
    now: () => {
      const date = new Date(Date.UTC(2030, 0, 1) + tick++ * 1000);
      issued.push(date.toISOString());
      return date;
    },
  };
}

async function migrated(store: Store): Promise<Store> {
  await store.migrate();
  return store;
}

const factories: { name: string; open: (now: () => Date) => Promise<Store> }[] = [
  { name: 'memory', open: async (now) => createMemoryStore({ now }) },
  { name: 'sqlite :memory:', open: (now) => migrated(createSqliteStore({ filename: ':memory:', now })) },
  {
    name: 'sqlite file',
    open: (now) => migrated(createSqliteStore({ filename: join(tmp, `${randomUUID()}.db`), now })),
  },
];

/** The EcloudError a promise rejects with; fails the test if it resolves or rejects with anything else. */
async function rejection(promise: Promise<unknown>): Promise<EcloudError> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  if (!('rejected' in outcome))
    throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)}`);
  if (!(outcome.rejected instanceof EcloudError)) throw outcome.rejected;
  return outcome.rejected;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tenant(name: string): NewRecord<'tenants'> {
  return { id: newId('tenant'), name, domainId: 'dom-default', classification: 'public', state: 'active' };
}

function datacenter(name: string, regionId: string | null): NewRecord<'datacenters'> {
  return { id: newId('datacenter'), name, regionId, classification: 'internal', description: '' };
}

function host(driver: string, ref: string): NewRecord<'hosts'> {
  const capacity = { vcpus: 32, memoryMiB: 65536, storageGiB: 1000 };
  return {
    id: newId('host'),
    name: `host-${ref}`,
    clusterId: 'cl-1',
    datacenterId: 'dc-1',
    driver,
    ref,
    hypervisor: 'simulator',
    cpu: { sockets: 2, coresPerSocket: 8, threadsPerCore: 2, mhz: 2400 },
    memoryMiB: 65536,
    storageGiB: 1000,
    storagePools: [],
    state: 'up',
    maintenance: 'none',
    tags: ['ssd'],
    dedicatedTenantId: null,
    capacity,
    allocated: { vcpus: 0, memoryMiB: 0, storageGiB: 0 },
  };
}

function instance(fields: Partial<NewRecord<'instances'>> = {}): NewRecord<'instances'> {
  return {
    id: newId('instance'),
    name: 'vm',
    description: '',
    tenantId: 'tnt-a',
    offeringId: 'off-1',
    imageId: 'img-1',
    vcpus: 2,
    memoryMiB: 2048,
    hypervisor: 'simulator',
    datacenterId: 'dc-1',
    clusterId: null,
    hostId: null,
    driver: null,
    driverRef: null,
    state: 'running',
    task: null,
    jobId: null,
    nics: [{ mac: '52:54:00:00:00:01', network: 'default' }],
    placementGroupId: null,
    haPriority: null,
    ...fields,
  };
}

function job(idempotencyKey: string | null): NewRecord<'jobs'> {
  return {
    id: newId('job'),
    operation: 'instance.create',
    state: 'queued',
    progress: 0,
    tenantId: null,
    resourceType: 'instance',
    resourceId: 'vm-1',
    input: {},
    steps: [],
    result: null,
    error: null,
    idempotencyKey,
    cancelRequested: false,
    ownerNode: 'node-1',
    startedAt: null,
    finishedAt: null,
  };
}

function event(resourceId: string, tenantId: string | null): CloudEvent {
  return {
    id: newId('event'),
    type: 'instance.updated',
    resourceType: 'instance',
    resourceId,
    tenantId,
    time: '2030-01-01T00:00:00.000Z',
    data: { note: resourceId },
  };
}

/** A deterministic shuffle, so that insertion order differs from id order. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) throw new Error('index out of range');
    out[i] = b;
    out[j] = a;
  }
  return out;
}

/** Every id a paged list returns, following nextCursor to the end; checks the cursor contract on the way. */
async function allPages(
  store: Store,
  where: Where<'instances'> | undefined,
  limit: number,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await store.list('instances', {
      limit,
      ...(where === undefined ? {} : { where }),
      ...(after === undefined ? {} : { after }),
    });
    pages++;
    ids.push(...page.items.map((item) => item.id));
    if (page.nextCursor === undefined) return { ids, pages };
    expect(page.items).toHaveLength(limit);
    expect(page.nextCursor).toBe(page.items.at(-1)?.id);
    after = page.nextCursor;
    if (pages > 100) throw new Error('paging does not terminate');
  }
}

describe.each(factories)('store conformance: $name', ({ open }) => {
  let store: Store;
  let clock: ReturnType<typeof testClock>;

  beforeEach(async () => {
    clock = testClock();
    store = await open(clock.now);
  });

  afterEach(async () => {
    await store.close();
  });

  describe('records', () => {
    it('inserts with version 1 and store-assigned timestamps', async () => {
      const input = { ...tenant('acme'), version: 7, createdAt: 'yesterday', updatedAt: 'yesterday' };
      const inserted = await store.insert('tenants', input);

      expect(inserted.version).toBe(1);
      expect(inserted.createdAt).toBe(clock.issued[0]);
      expect(inserted.updatedAt).toBe(clock.issued[0]);
      expect(inserted.name).toBe('acme');
      expect(await store.get('tenants', input.id)).toEqual(inserted);
    });

    it('hands out copies: mutating an input or a result never changes the store', async () => {
      const input = host('sim', 'h1');
      const inserted = await store.insert('hosts', input);
      input.tags.push('from-input');
      inserted.tags.push('from-insert');
      inserted.capacity.vcpus = 1;

      const got = await store.get('hosts', input.id);
      if (got === undefined) throw new Error('host missing');
      got.tags.push('from-get');
      got.allocated.vcpus = 99;
      const [listed] = (await store.list('hosts', { limit: 10 })).items;
      if (listed === undefined) throw new Error('host not listed');
      listed.tags.push('from-list');

      const again = await store.get('hosts', input.id);
      expect(again?.tags).toEqual(['ssd']);
      expect(again?.capacity.vcpus).toBe(32);
      expect(again?.allocated.vcpus).toBe(0);
    });

    it('update increments the version, keeps createdAt and stamps updatedAt', async () => {
      const inserted = await store.insert('tenants', tenant('acme'));
      const updated = await store.update('tenants', { ...inserted, name: 'acme-2' });

      expect(updated.version).toBe(2);
      expect(updated.name).toBe('acme-2');
      expect(updated.createdAt).toBe(inserted.createdAt);
      expect(updated.updatedAt).toBe(clock.issued[1]);
      expect(updated.updatedAt).not.toBe(inserted.updatedAt);
      expect(await store.get('tenants', inserted.id)).toEqual(updated);

      const third = await store.update('tenants', { ...updated, state: 'disabled' });
      expect(third.version).toBe(3);
      expect((await store.get('tenants', inserted.id))?.state).toBe('disabled');
    });

    it('rejects a stale update with CONFLICT and keeps the newer write', async () => {
      const inserted = await store.insert('tenants', tenant('acme'));
      const winner = await store.update('tenants', { ...inserted, name: 'winner' });

      const error = await rejection(store.update('tenants', { ...inserted, name: 'loser' }));

      expect(error.code).toBe('CONFLICT');
      expect(error.details).toEqual({
        collection: 'tenants',
        id: inserted.id,
        expectedVersion: 1,
        actualVersion: 2,
      });
      expect(await store.get('tenants', inserted.id)).toEqual(winner);
    });

    it('lets exactly one of two concurrent updates from the same version win', async () => {
      const inserted = await store.insert('tenants', tenant('acme'));

      const outcomes = await Promise.allSettled([
        store.update('tenants', { ...inserted, name: 'left' }),
        store.update('tenants', { ...inserted, name: 'right' }),
      ]);

      const winners = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(EcloudError.is(losers[0], 'CONFLICT')).toBe(true);
      expect(await store.get('tenants', inserted.id)).toEqual(winners[0]);
    });

    it('reports NOT_FOUND for updates and deletes of a missing record', async () => {
      const ghost = { ...tenant('ghost'), version: 1, createdAt: 'x', updatedAt: 'x' };

      expect(await store.get('tenants', ghost.id)).toBeUndefined();
      const updateError = await rejection(store.update('tenants', ghost));
      expect(updateError.code).toBe('NOT_FOUND');
      expect(updateError.details).toEqual({ collection: 'tenants', id: ghost.id });
      expect((await rejection(store.delete('tenants', ghost.id, 1))).code).toBe('NOT_FOUND');
      expect(await store.count('tenants')).toBe(0);
    });

    it('deletes only at the current version, and frees the record indexes', async () => {
      const inserted = await store.insert('tenants', tenant('acme'));
      const updated = await store.update('tenants', { ...inserted, state: 'disabled' });

      const stale = await rejection(store.delete('tenants', inserted.id, 1));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      expect(await store.get('tenants', inserted.id)).toEqual(updated);

      await store.delete('tenants', inserted.id, 2);
      expect(await store.get('tenants', inserted.id)).toBeUndefined();
      expect(await store.findOne('tenants', { name: 'acme' })).toBeUndefined();
      expect(await store.count('tenants')).toBe(0);
      expect((await rejection(store.delete('tenants', inserted.id, 2))).code).toBe('NOT_FOUND');
      // The unique name is free again.
      expect((await store.insert('tenants', tenant('acme'))).version).toBe(1);
    });
  });

  describe('unique constraints', () => {
    it('rejects a repeated unique field or id with ALREADY_EXISTS', async () => {
      const first = await store.insert('tenants', tenant('acme'));

      const byName = await rejection(store.insert('tenants', tenant('acme')));
      expect(byName.code).toBe('ALREADY_EXISTS');
      expect(byName.details).toMatchObject({ collection: 'tenants', fields: ['name'] });

      const byId = await rejection(store.insert('tenants', { ...tenant('other'), id: first.id }));
      expect(byId.code).toBe('ALREADY_EXISTS');
      expect(byId.details).toMatchObject({ collection: 'tenants', id: first.id, fields: ['id'] });

      expect(await store.count('tenants')).toBe(1);
      expect(await store.get('tenants', first.id)).toEqual(first);
    });

    it('enforces a unique field set as a whole', async () => {
      await store.insert('hosts', host('kvm-a', 'h1'));
      await store.insert('hosts', host('kvm-a', 'h2'));
      await store.insert('hosts', host('kvm-b', 'h1'));

      const error = await rejection(store.insert('hosts', host('kvm-a', 'h1')));
      expect(error.code).toBe('ALREADY_EXISTS');
      expect(error.details).toMatchObject({ collection: 'hosts', fields: ['driver', 'ref'] });
      expect(await store.count('hosts')).toBe(3);
    });

    it('rejects an update onto a taken unique value and leaves the record as it was', async () => {
      await store.insert('tenants', tenant('taken'));
      const other = await store.insert('tenants', tenant('free'));

      const error = await rejection(store.update('tenants', { ...other, name: 'taken' }));
      expect(error.code).toBe('ALREADY_EXISTS');
      expect(await store.get('tenants', other.id)).toEqual(other);
      expect(await store.findOne('tenants', { name: 'free' })).toEqual(other);
    });

    it('exempts records whose unique field is null', async () => {
      await store.insert('jobs', job(null));
      await store.insert('jobs', job(null));
      await store.insert('jobs', job('key-1'));

      expect((await rejection(store.insert('jobs', job('key-1')))).code).toBe('ALREADY_EXISTS');
      expect(await store.count('jobs')).toBe(3);
      expect(await store.count('jobs', { idempotencyKey: null })).toBe(2);
    });
  });

  describe('queries', () => {
    it('lists by one and by two indexed fields, ascending by id', async () => {
      const a1 = await store.insert('instances', instance({ tenantId: 'tnt-a', state: 'running' }));
      const b1 = await store.insert('instances', instance({ tenantId: 'tnt-b', state: 'running' }));
      const a2 = await store.insert(
        'instances',
        instance({ tenantId: 'tnt-a', state: 'stopped', hostId: 'host-1' }),
      );
      const a3 = await store.insert(
        'instances',
        instance({ tenantId: 'tnt-a', state: 'running', hostId: 'host-1' }),
      );

      const byTenant = await store.list('instances', { where: { tenantId: 'tnt-a' }, limit: 10 });
      expect(byTenant.items.map((item) => item.id)).toEqual([a1.id, a2.id, a3.id]);
      expect(byTenant.nextCursor).toBeUndefined();

      const byTwo = await store.list('instances', {
        where: { tenantId: 'tnt-a', state: 'running' },
        limit: 10,
      });
      expect(byTwo.items.map((item) => item.id)).toEqual([a1.id, a3.id]);

      const byNull = await store.list('instances', { where: { hostId: null }, limit: 10 });
      expect(byNull.items.map((item) => item.id)).toEqual([a1.id, b1.id]);

      const none = await store.list('instances', {
        where: { tenantId: 'tnt-b', state: 'stopped' },
        limit: 10,
      });
      expect(none.items).toEqual([]);
      expect(none.nextCursor).toBeUndefined();
    });

    it('moves a record between index entries when an indexed field changes', async () => {
      const dc = await store.insert('datacenters', datacenter('dc-a', null));
      await store.insert('datacenters', datacenter('dc-b', 'rgn-1'));

      await store.update('datacenters', { ...dc, regionId: 'rgn-1' });

      expect(await store.count('datacenters', { regionId: null })).toBe(0);
      const inRegion = await store.list('datacenters', { where: { regionId: 'rgn-1' }, limit: 10 });
      expect(inRegion.items.map((item) => item.name)).toEqual(['dc-a', 'dc-b']);
    });

    it('pages through 250 records with limit and cursor, without duplicates or misses', async () => {
      const ids = Array.from({ length: 250 }, () => newId('instance'));
      for (const [i, id] of shuffled(ids).entries()) {
        await store.insert('instances', instance({ id, tenantId: i % 2 === 0 ? 'tnt-a' : 'tnt-b' }));
      }
      const sorted = [...ids].sort();

      const everything = await allPages(store, undefined, 40);
      expect(everything.ids).toEqual(sorted);
      expect(everything.pages).toBe(7);

      // An exact multiple of the limit: the last full page must not promise another one.
      const exact = await allPages(store, undefined, 50);
      expect(exact.ids).toEqual(sorted);
      expect(exact.pages).toBe(5);

      const tenantA = (await store.list('instances', { where: { tenantId: 'tnt-a' }, limit: 250 })).items;
      const filtered = await allPages(store, { tenantId: 'tnt-a' }, 30);
      expect(filtered.ids).toHaveLength(125);
      expect(filtered.ids).toEqual(tenantA.map((item) => item.id));
      expect(new Set(filtered.ids).size).toBe(125);
      expect(filtered.ids).toEqual([...filtered.ids].sort());
    });

    it('answers listJson with the JSON of the page list answers, cursor and filters alike', async () => {
      for (let i = 0; i < 7; i++) {
        const record = await store.insert(
          'instances',
          instance({ tenantId: i % 2 === 0 ? 'tnt-a' : 'tnt-b' }),
        );
        // A later version, so that a stale copy of a row would show.
        await store.update('instances', { ...record, name: `renamed-${i}` });
      }
      for (const where of [undefined, { tenantId: 'tnt-a' }, { tenantId: 'tnt-none' }]) {
        let after: string | undefined;
        do {
          const query = { limit: 2, ...(where ? { where } : {}), ...(after === undefined ? {} : { after }) };
          const page = await store.list('instances', query);
          const json = await store.listJson('instances', query);
          expect(JSON.parse(json.items)).toEqual(page.items);
          expect(json.nextCursor).toBe(page.nextCursor);
          after = page.nextCursor;
        } while (after !== undefined);
      }
    });

    it('moves the change mark of a collection on each write to it and on a rollback, not on reads', async () => {
      // The first read may move it once: a store may only learn then where the file stands.
      await store.list('instances', { limit: 10 });
      const before = store.changeMark('instances');
      expect(before).toBeDefined();
      await store.list('instances', { limit: 10 });
      await store.get('instances', 'vm-none');
      expect(store.changeMark('instances')).toBe(before);
      await store.insert('tenants', tenant('elsewhere'));
      expect(store.changeMark('instances')).toBe(before);
      const record = await store.insert('instances', instance({}));
      const inserted = store.changeMark('instances');
      expect(inserted).not.toBe(before);
      await store.update('instances', { ...record, name: 'renamed' });
      const updated = store.changeMark('instances');
      expect(updated).not.toBe(inserted);
      await store.delete('instances', record.id, 2);
      const deleted = store.changeMark('instances');
      expect(deleted).not.toBe(updated);
      await rejection(
        store.transaction(async (tx) => {
          await tx.insert('instances', instance({}));
          throw new EcloudError('INTERNAL', 'rolled back');
        }),
      );
      const afterRollback = store.changeMark('instances');
      expect(afterRollback).not.toBe(deleted);
      expect(store.changeMark('instances')).toBe(afterRollback);
    });

    it('counts with and without a filter', async () => {
      await store.insert('instances', instance({ tenantId: 'tnt-a', state: 'running' }));
      await store.insert('instances', instance({ tenantId: 'tnt-a', state: 'stopped' }));
      await store.insert('instances', instance({ tenantId: 'tnt-b', state: 'running' }));

      expect(await store.count('instances')).toBe(3);
      expect(await store.count('instances', { tenantId: 'tnt-a' })).toBe(2);
      expect(await store.count('instances', { tenantId: 'tnt-a', state: 'running' })).toBe(1);
      expect(await store.count('instances', { state: 'error' })).toBe(0);
      expect(await store.count('volumes')).toBe(0);
    });

    it('findOne returns the first match by id, or undefined', async () => {
      const first = await store.insert('instances', instance({ state: 'running', tenantId: 'tnt-a' }));
      await store.insert('instances', instance({ state: 'running', tenantId: 'tnt-b' }));

      expect(await store.findOne('instances', { state: 'running' })).toEqual(first);
      expect((await store.findOne('instances', { state: 'running', tenantId: 'tnt-b' }))?.tenantId).toBe(
        'tnt-b',
      );
      expect(await store.findOne('instances', { state: 'stopped' })).toBeUndefined();
    });

    it('rejects a filter on a field that is not indexed, and a bad limit', async () => {
      const where = { description: 'x' } as unknown as Where<'instances'>;
      expect((await rejection(store.list('instances', { where, limit: 10 }))).code).toBe('INVALID_ARGUMENT');
      expect((await rejection(store.count('instances', where))).code).toBe('INVALID_ARGUMENT');
      expect((await rejection(store.list('instances', { limit: 0 }))).code).toBe('INVALID_ARGUMENT');
      expect((await rejection(store.listEvents({ limit: -1 }))).code).toBe('INVALID_ARGUMENT');
    });
  });

  describe('transactions', () => {
    it('commits every write and returns the result', async () => {
      const result = await store.transaction(async (tx) => {
        const created = await tx.insert('tenants', tenant('acme'));
        const seen = await tx.get('tenants', created.id);
        await tx.update('tenants', { ...created, state: 'disabled' });
        await tx.appendEvent(event(created.id, created.id));
        return seen?.name;
      });

      expect(result).toBe('acme');
      expect((await store.findOne('tenants', { name: 'acme' }))?.version).toBe(2);
      expect((await store.listEvents({ limit: 10 })).items).toHaveLength(1);
    });

    it('leaves no trace when the transaction throws', async () => {
      const kept = await store.insert('tenants', tenant('kept'));
      const doomed = await store.insert('tenants', tenant('doomed'));
      const boom = new Error('boom');

      const outcome = store.transaction(async (tx) => {
        await tx.insert('tenants', tenant('phantom'));
        await tx.update('tenants', { ...kept, name: 'renamed' });
        await tx.delete('tenants', doomed.id, doomed.version);
        await tx.appendEvent(event(kept.id, null));
        expect(await tx.count('tenants')).toBe(2);
        throw boom;
      });

      await expect(outcome).rejects.toBe(boom);
      expect(await store.get('tenants', kept.id)).toEqual(kept);
      expect(await store.get('tenants', doomed.id)).toEqual(doomed);
      expect(await store.findOne('tenants', { name: 'phantom' })).toBeUndefined();
      expect(await store.findOne('tenants', { name: 'renamed' })).toBeUndefined();
      expect(await store.findOne('tenants', { name: 'kept' })).toEqual(kept);
      expect(await store.count('tenants')).toBe(2);
      expect((await store.listEvents({ limit: 10 })).items).toEqual([]);
      // Unique keys taken inside the transaction were released.
      expect((await store.insert('tenants', tenant('phantom'))).version).toBe(1);
    });

    it('survives a failed operation that the transaction catches', async () => {
      await store.insert('tenants', tenant('taken'));

      const code = await store.transaction(async (tx) => {
        await tx.insert('tenants', tenant('first'));
        const error = await rejection(tx.insert('tenants', tenant('taken')));
        await tx.insert('tenants', tenant('second'));
        return error.code;
      });

      expect(code).toBe('ALREADY_EXISTS');
      expect(await store.count('tenants')).toBe(3);
      expect(await store.findOne('tenants', { name: 'second' })).toBeDefined();
    });

    it('keeps an open transaction invisible to outer reads', async () => {
      const phantom = tenant('phantom');
      const transaction = store.transaction(async (tx) => {
        await tx.insert('tenants', phantom);
        await sleep(30);
        throw new Error('rolled back');
      });
      await sleep(5);

      expect(await store.get('tenants', phantom.id)).toBeUndefined();
      await expect(transaction).rejects.toThrow('rolled back');
    });

    it('never loses an update between two concurrent read-then-update transactions', async () => {
      const created = await store.insert('instances', instance({ description: '' }));
      const append = (marker: string): Promise<Instance> =>
        store.transaction(async (tx) => {
          const current = await tx.get('instances', created.id);
          if (current === undefined) throw new Error('instance missing');
          await sleep(10);
          return tx.update('instances', { ...current, description: current.description + marker });
        });

      const outcomes = await Promise.allSettled([append('A'), append('B')]);

      const final = await store.get('instances', created.id);
      const succeeded = outcomes.flatMap((outcome, i) =>
        outcome.status === 'fulfilled' ? [i === 0 ? 'A' : 'B'] : [],
      );
      expect(succeeded.length).toBeGreaterThan(0);
      expect(final?.version).toBe(1 + succeeded.length);
      for (const marker of succeeded) expect(final?.description).toContain(marker);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(EcloudError.is(outcome.reason, 'CONFLICT')).toBe(true);
      }
    });
  });

  describe('lifecycle', () => {
    it('refuses operations once closed, and closes idempotently', async () => {
      const created = await store.insert('tenants', tenant('acme'));
      await store.close();
      await store.close();

      expect((await rejection(store.get('tenants', created.id))).code).toBe('STORE_FAILURE');
      expect((await rejection(store.transaction(async () => 'ran'))).code).toBe('STORE_FAILURE');
    });
  });

  describe('events', () => {
    it('appends and lists by resource and tenant, ascending, with paging', async () => {
      const appended: CloudEvent[] = [];
      for (let i = 0; i < 30; i++) {
        const e = event(i % 2 === 0 ? 'vm-1' : 'vm-2', [null, 'tnt-a', 'tnt-b'][i % 3] ?? null);
        await store.appendEvent(e);
        appended.push(e);
      }
      const listAll = async (query: { resourceId?: string; tenantId?: string }): Promise<string[]> => {
        const ids: string[] = [];
        let after: string | undefined;
        for (let pages = 0; pages < 50; pages++) {
          const page = await store.listEvents({
            ...query,
            limit: 4,
            ...(after === undefined ? {} : { after }),
          });
          ids.push(...page.items.map((item) => item.id));
          if (page.nextCursor === undefined) return ids;
          after = page.nextCursor;
        }
        throw new Error('event paging does not terminate');
      };
      const idsOf = (keep: (e: CloudEvent) => boolean): string[] => appended.filter(keep).map((e) => e.id);

      expect(await listAll({})).toEqual(idsOf(() => true));
      expect(await listAll({ resourceId: 'vm-1' })).toEqual(idsOf((e) => e.resourceId === 'vm-1'));
      expect(await listAll({ tenantId: 'tnt-a' })).toEqual(idsOf((e) => e.tenantId === 'tnt-a'));
      expect(await listAll({ resourceId: 'vm-2', tenantId: 'tnt-b' })).toEqual(
        idsOf((e) => e.resourceId === 'vm-2' && e.tenantId === 'tnt-b'),
      );
      expect(await listAll({ resourceId: 'vm-3' })).toEqual([]);

      const [first] = (await store.listEvents({ resourceId: 'vm-1', limit: 1 })).items;
      expect(first).toEqual(appended[0]);
    });

    it('rejects a repeated event id', async () => {
      const e = event('vm-1', null);
      await store.appendEvent(e);
      expect((await rejection(store.appendEvent(e))).code).toBe('ALREADY_EXISTS');
      expect((await store.listEvents({ limit: 10 })).items).toHaveLength(1);
    });
  });
});

/** Two stores on one new file, as two management processes would have; both closed afterwards. */
async function withTwoConnections(test: (mine: Store, theirs: Store) => Promise<void>): Promise<void> {
  const filename = join(tmp, `${randomUUID()}.db`);
  const mine = createSqliteStore({ filename });
  await mine.migrate();
  const theirs = createSqliteStore({ filename });
  try {
    await test(mine, theirs);
  } finally {
    await theirs.close();
    await mine.close();
  }
}

describe('sqlite file store', () => {
  it('survives close and reopen, and migrate() is idempotent', async () => {
    const filename = join(tmp, `${randomUUID()}.db`);
    const first = createSqliteStore({ filename });
    await first.migrate();
    await first.migrate();
    const created = await first.insert('tenants', tenant('durable'));
    const e = event(created.id, created.id);
    await first.appendEvent(e);
    await first.close();

    const second = createSqliteStore({ filename });
    await second.migrate();
    expect(await second.get('tenants', created.id)).toEqual(created);
    expect((await second.listEvents({ tenantId: created.id, limit: 10 })).items).toEqual([e]);
    expect((await second.update('tenants', { ...created, state: 'disabled' })).version).toBe(2);
    await second.close();

    const raw = new Database(filename, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('detects a lost update made through another connection, whatever this one remembers', async () => {
    await withTwoConnections(async (mine, theirs) => {
      const read = await mine.insert('tenants', tenant('shared'));
      const fresh = await theirs.get('tenants', read.id);
      await theirs.update('tenants', { ...(fresh ?? read), state: 'disabled' });
      const lost = await rejection(mine.update('tenants', { ...read, name: 'renamed' }));
      expect(lost).toMatchObject({ code: 'CONFLICT', details: { expectedVersion: 1, actualVersion: 2 } });
      expect((await mine.get('tenants', read.id))?.state).toBe('disabled');
    });
  });

  it('reads what another connection committed, though it remembers the row', async () => {
    await withTwoConnections(async (mine, theirs) => {
      const read = await mine.insert('tenants', tenant('shared'));
      expect(await mine.get('tenants', read.id)).toEqual(read);
      await theirs.update('tenants', { ...read, state: 'disabled' });
      expect(await mine.get('tenants', read.id)).toMatchObject({ version: 2, state: 'disabled' });
      await theirs.delete('tenants', read.id, 2);
      expect(await mine.get('tenants', read.id)).toBeUndefined();
      // A remembered id is no answer for another collection.
      expect(await mine.get('images', read.id)).toBeUndefined();
    });
  });

  it('moves its change mark when another connection commits, though this one wrote nothing', async () => {
    await withTwoConnections(async (mine, theirs) => {
      await mine.insert('instances', instance({}));
      const before = mine.changeMark('instances');
      expect(mine.changeMark('instances')).toBe(before);
      await theirs.insert('instances', instance({}));
      expect(mine.changeMark('instances')).not.toBe(before);
    });
  });

  it('fails with STORE_FAILURE before migration and names a failing migration', async () => {
    const unmigrated = createSqliteStore({ filename: ':memory:' });
    expect((await rejection(unmigrated.get('tenants', 'tnt-x'))).code).toBe('STORE_FAILURE');
    await unmigrated.close();

    const filename = join(tmp, `${randomUUID()}.db`);
    const raw = new Database(filename);
    raw.exec('CREATE TABLE regions (squatter TEXT)');
    raw.close();
    const store = createSqliteStore({ filename });
    const error = await rejection(store.migrate());
    expect(error.code).toBe('STORE_FAILURE');
    expect(error.details).toEqual({ migration: '0001_initial' });
    expect(error.message).toContain('0001_initial');
    await store.close();
  });

  it('gives records written before later fields their defaults: local storage, the default domain, indexed', async () => {
    const filename = join(tmp, `${randomUUID()}.db`);
    const before = createSqliteStore({ filename });
    await before.migrate();
    const written = await before.insert('hosts', host('sim', 'old-1'));
    const oldTenant = await before.insert('tenants', tenant('old-tenant'));
    await before.close();
    // Make the file what 0001 alone left: the field absent, the later migrations not yet run.
    const raw = new Database(filename);
    raw.prepare("UPDATE hosts SET data = json_remove(data, '$.storagePools')").run();
    raw.prepare("UPDATE tenants SET data = json_remove(data, '$.domainId')").run();
    raw.prepare("DELETE FROM kysely_migration WHERE name <> '0001_initial'").run();
    raw.prepare('DROP INDEX tenants_domain_id_idx').run();
    raw.prepare('ALTER TABLE tenants DROP COLUMN domain_id').run();
    // Every table a later migration made goes, so that those migrations run again.
    const initial = new Set([
      ...['regions', 'datacenters', 'clusters', 'hosts', 'images', 'offerings', 'tenants', 'instances'],
      ...['volumes', 'snapshots', 'jobs', 'placementGroups', 'leases', 'events'],
      ...['kysely_migration', 'kysely_migration_lock'],
    ]);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    for (const { name } of tables) if (!initial.has(name)) raw.prepare(`DROP TABLE "${name}"`).run();
    expect(raw.prepare("SELECT json_type(data, '$.storagePools') AS t FROM hosts").get()).toEqual({
      t: null,
    });
    raw.close();
    const after = createSqliteStore({ filename });
    await after.migrate();
    expect(await after.get('hosts', written.id)).toEqual(written);
    expect((await after.get('tenants', oldTenant.id))?.domainId).toBe('dom-default');
    // 0008 indexed the domain of tenants written before it: a domain's tenants are one index range.
    const inDomain = await after.list('tenants', { where: { domainId: 'dom-default' }, limit: 10 });
    expect(inDomain.items.map((t) => t.id)).toEqual([oldTenant.id]);
    await after.close();
  });
});
