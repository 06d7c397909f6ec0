import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Instance } from '../../src/model/instance.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { type Fixture, makeFixture, STORES } from '../helpers/fixture.js';

/** A store that counts the pages it is asked for as JSON. */
function counting(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'listJson') {
        return (...args: Parameters<Store['listJson']>) => {
          reads++;
          return target.listJson(...args);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: counted, reads: () => reads };
}

const names = (json: string) => (JSON.parse(json) as Instance[]).map((vm) => vm.name);

describe.each(STORES)('instance pages as JSON ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('answers a page again from memory until an instance changes, then reads it afresh', async () => {
    const { store, reads } = counting(make());
    f = await makeFixture({ store });
    const vm = await f.vm('first');
    await f.vm('second');
    const page = await f.cloud.instances.listJson(f.admin, { limit: 10 });
    expect(names(page.items)).toEqual(['first', 'second']);
    expect(await f.cloud.instances.listJson(f.admin, { limit: 10 })).toEqual(page);
    expect(reads()).toBe(1);
    // Another query is another page.
    expect(names((await f.cloud.instances.listJson(f.admin, { limit: 1 })).items)).toEqual(['first']);
    expect(reads()).toBe(2);

    await f.cloud.instances.update(f.admin, vm.id, { name: 'renamed' });
    expect(names((await f.cloud.instances.listJson(f.admin, { limit: 10 })).items)).toEqual([
      'renamed',
      'second',
    ]);
    expect(reads()).toBe(3);
  });

  it('answers each caller with its own tenant only, from the same cache', async () => {
    f = await makeFixture({ store: make() });
    await f.vm('mine');
    const other = await f.cloud.tenants.create(f.admin, { name: 'other' });
    const member = await f.caller('role-tenant-member');
    const stranger = await f.caller('role-tenant-member', { kind: 'tenant', id: other.id });
    expect(names((await f.cloud.instances.listJson(member, {})).items)).toEqual(['mine']);
    expect(names((await f.cloud.instances.listJson(stranger, {})).items)).toEqual([]);
    expect(names((await f.cloud.instances.listJson(f.admin, {})).items)).toEqual(['mine']);
  });
});

describe('instance pages as JSON over a shared SQLite file', () => {
  let f: Fixture;
  let theirs: Store | undefined;
  afterEach(async () => {
    await theirs?.close();
    await f?.cloud.close();
  });

  it('shows what another process committed at once, though the page was cached', async () => {
    const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-test-')), 'shared.db');
    f = await makeFixture({ store: createSqliteStore({ filename }) });
    const vm = await f.vm('before');
    expect(names((await f.cloud.instances.listJson(f.admin, {})).items)).toEqual(['before']);
    theirs = createSqliteStore({ filename });
    await theirs.migrate();
    const current = await theirs.get('instances', vm.id);
    if (!current) throw new Error('the instance is not in the shared file');
    await theirs.update('instances', { ...current, name: 'after' });
    expect(names((await f.cloud.instances.listJson(f.admin, {})).items)).toEqual(['after']);
  });
});
