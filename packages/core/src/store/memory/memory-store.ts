import { EcloudError } from '../../errors/ecloud-error.js';
import type { CloudEvent } from '../../model/event.js';
import type { JsonPage, Page } from '../../model/page.js';
import { assertMutable } from '../append-only.js';
import { ChangeMarks } from '../change-marks.js';
import { COLLECTION_SPECS, type CollectionMap, type CollectionName, type Where } from '../collections.js';
import { deepCopy } from '../deep-copy.js';
import type { EventQuery, ListQuery, NewRecord, Store, StoreSession } from '../store.js';
import {
  assertIndexedFilter,
  assertLimit,
  assertRecordId,
  recordNotFound,
  uniqueViolation,
  versionConflict,
} from '../store-errors.js';
import { SortedIds } from './sorted-ids.js';

/** Options of {@link createMemoryStore}. @public */
export interface MemoryStoreOptions {
  /** The clock that stamps `createdAt` / `updatedAt`; tests pin it. */
  readonly now?: () => Date;
}

/**
 * A store held in process memory: fast, and gone with the process. For tests, examples and embedding
 * where durability does not matter; it honours the same contract as the SQLite store.
 * @public
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  return new MemoryStore(new MemoryState(options.now ?? (() => new Date())));
}

/**
 * A record as the store holds it. The store is type-erased inside so that one code path serves every
 * collection; the typed surface is restored at the session boundary.
 */
interface StoredRecord {
  readonly id: string;
  readonly version: number;
  readonly [field: string]: unknown;
}

/** Undo steps of the open transaction, run in reverse on rollback. */
type UndoLog = (() => void)[];

/** Runs a store operation under whatever serialisation the session needs. */
type Enter = <T>(operation: () => T | PromiseLike<T>) => Promise<T>;

interface CollectionSpec {
  readonly indexed: readonly string[];
  readonly unique: readonly (readonly string[])[];
}

interface UniqueIndex {
  readonly fields: readonly string[];
  /** Unique key (JSON of the field values) → id of the record holding it. */
  readonly owners: Map<string, string>;
}

/** One collection with its secondary indexes. */
interface CollectionState {
  readonly name: CollectionName;
  readonly spec: CollectionSpec;
  readonly records: Map<string, StoredRecord>;
  /** Every id: the unfiltered list walks this. */
  readonly ids: SortedIds;
  /** Indexed field → field value → ids holding it. */
  readonly indexes: ReadonlyMap<string, Map<unknown, SortedIds>>;
  readonly unique: readonly UniqueIndex[];
}

/** The bucket of a value nobody holds; only ever read. */
const NO_IDS = new SortedIds();

function addToBucket(buckets: Map<unknown, SortedIds>, key: unknown, id: string): void {
  let bucket = buckets.get(key);
  if (bucket === undefined) {
    bucket = new SortedIds();
    buckets.set(key, bucket);
  }
  bucket.add(id);
}

function removeFromBucket(buckets: Map<unknown, SortedIds>, key: unknown, id: string): void {
  const bucket = buckets.get(key);
  if (bucket === undefined) return;
  bucket.delete(id);
  // Drop empty buckets so that values which come and go (job ids, states) do not accumulate.
  if (bucket.size === 0) buckets.delete(key);
}

/**
 * Collects up to `max` items from `ids` after the cursor, keeping those `load` returns. It walks one
 * index bucket, never the whole collection, unless there is no filter.
 */
function scan<T>(
  ids: SortedIds,
  after: string | undefined,
  max: number,
  load: (id: string) => T | undefined,
): T[] {
  const found: T[] = [];
  if (max <= 0) return found;
  ids.forEachAfter(after, (id) => {
    const item = load(id);
    return item === undefined || found.push(item) < max;
  });
  return found;
}

/** A page from up to `limit + 1` items: the extra one only proves that a next page exists. */
function toPage<T extends { readonly id: string }, R>(
  found: readonly T[],
  limit: number,
  copy: (item: T) => R,
): Page<R> {
  const items = found.slice(0, limit).map(copy);
  const last = found[limit - 1];
  return found.length > limit && last !== undefined ? { items, nextCursor: last.id } : { items };
}

/** Index key of a field value: a missing field is indexed as null, as a NULL column would be. */
function indexKey(record: StoredRecord, field: string): unknown {
  return record[field] ?? null;
}

/** The unique key of a record, or undefined when a field is null (exempt, as in SQL). */
function uniqueKey(record: StoredRecord, fields: readonly string[]): string | undefined {
  const values: unknown[] = [];
  for (const field of fields) {
    const value = record[field];
    if (value === null || value === undefined) return undefined;
    values.push(value);
  }
  return JSON.stringify(values);
}

/** The store's single copy of the data, with synchronous operations; sessions add locking and copying. */
class MemoryState {
  readonly now: () => Date;
  /** Writes per collection; an undo is a write too, so a rollback moves the marks it touched. */
  readonly marks = new ChangeMarks();
  readonly #collections: { readonly [K in CollectionName]: CollectionState };
  readonly #events = new Map<string, CloudEvent>();
  readonly #eventIds = new SortedIds();
  readonly #eventsByResource = new Map<unknown, SortedIds>();
  readonly #eventsByTenant = new Map<unknown, SortedIds>();

  constructor(now: () => Date) {
    this.now = now;
    const names = Object.keys(COLLECTION_SPECS) as CollectionName[];
    this.#collections = Object.fromEntries(
      names.map((name): [CollectionName, CollectionState] => {
        const spec: CollectionSpec = COLLECTION_SPECS[name];
        return [
          name,
          {
            name,
            spec,
            records: new Map(),
            ids: new SortedIds(),
            indexes: new Map(spec.indexed.map((field) => [field, new Map<unknown, SortedIds>()])),
            unique: spec.unique.map((fields) => ({ fields, owners: new Map<string, string>() })),
          },
        ];
      }),
    ) as { readonly [K in CollectionName]: CollectionState };
  }

  get(collection: CollectionName, id: string): StoredRecord | undefined {
    return this.#collections[collection].records.get(id);
  }

  select(
    collection: CollectionName,
    where: Readonly<Record<string, unknown>> | undefined,
    after: string | undefined,
    max: number,
  ): StoredRecord[] {
    const state = this.#collections[collection];
    const filters = this.#filters(state, where);
    return scan(this.#candidates(state, filters), after, max, (id) => {
      const record = state.records.get(id);
      return record !== undefined && filters.every(([field, value]) => indexKey(record, field) === value)
        ? record
        : undefined;
    });
  }

  count(collection: CollectionName, where: Readonly<Record<string, unknown>> | undefined): number {
    const state = this.#collections[collection];
    const filters = this.#filters(state, where);
    const candidates = this.#candidates(state, filters);
    // One filter: the bucket is exactly the answer, no record needs to be looked at.
    if (filters.length <= 1) return candidates.size;
    return this.select(collection, where, undefined, candidates.size).length;
  }

  insert(
    collection: CollectionName,
    input: Readonly<Record<string, unknown>>,
    undo: UndoLog | undefined,
  ): StoredRecord {
    const state = this.#collections[collection];
    assertRecordId(collection, input.id);
    if (state.records.has(input.id)) throw uniqueViolation(collection, input.id, ['id']);
    const time = this.now().toISOString();
    const record: StoredRecord = Object.assign(deepCopy(input), {
      id: input.id,
      version: 1,
      createdAt: time,
      updatedAt: time,
    });
    this.#assertUnique(state, record);
    this.#replace(state, undefined, record);
    undo?.push(() => this.#replace(state, record, undefined));
    return record;
  }

  update(
    collection: CollectionName,
    input: Readonly<Record<string, unknown>>,
    undo: UndoLog | undefined,
  ): StoredRecord {
    assertMutable(collection, String(input.id));
    const state = this.#collections[collection];
    assertRecordId(collection, input.id);
    const previous = state.records.get(input.id);
    if (previous === undefined) throw recordNotFound(collection, input.id);
    if (previous.version !== input.version) {
      throw versionConflict(collection, input.id, Number(input.version), previous.version);
    }
    // The record replaces the stored one as given (createdAt included, as the SQL store writes it);
    // only the version and updatedAt are the store's.
    const record: StoredRecord = Object.assign(deepCopy(input), {
      id: previous.id,
      version: previous.version + 1,
      updatedAt: this.now().toISOString(),
    });
    this.#assertUnique(state, record);
    this.#replace(state, previous, record);
    undo?.push(() => this.#replace(state, record, previous));
    return record;
  }

  delete(collection: CollectionName, id: string, version: number, undo: UndoLog | undefined): void {
    assertMutable(collection, id);
    const state = this.#collections[collection];
    const previous = state.records.get(id);
    if (previous === undefined) throw recordNotFound(collection, id);
    if (previous.version !== version) throw versionConflict(collection, id, version, previous.version);
    this.#replace(state, previous, undefined);
    undo?.push(() => this.#replace(state, undefined, previous));
  }

  appendEvent(input: CloudEvent, undo: UndoLog | undefined): void {
    assertRecordId('events', input.id);
    if (this.#events.has(input.id)) throw uniqueViolation('events', input.id, ['id']);
    const event = deepCopy(input);
    this.#indexEvent(event, true);
    undo?.push(() => this.#indexEvent(event, false));
  }

  listEvents(query: EventQuery): Page<CloudEvent> {
    assertLimit(query.limit);
    const { resourceId, tenantId } = query;
    let candidates = this.#eventIds;
    if (resourceId !== undefined) candidates = this.#eventsByResource.get(resourceId) ?? NO_IDS;
    if (tenantId !== undefined) {
      const byTenant = this.#eventsByTenant.get(tenantId) ?? NO_IDS;
      if (resourceId === undefined || byTenant.size < candidates.size) candidates = byTenant;
    }
    const found = scan(candidates, query.after, query.limit + 1, (id) => {
      const event = this.#events.get(id);
      return event !== undefined &&
        (resourceId === undefined || event.resourceId === resourceId) &&
        (tenantId === undefined || event.tenantId === tenantId)
        ? event
        : undefined;
    });
    return toPage(found, query.limit, (event) => deepCopy(event));
  }

  #filters(
    state: CollectionState,
    where: Readonly<Record<string, unknown>> | undefined,
  ): [string, unknown][] {
    if (where === undefined) return [];
    assertIndexedFilter(state.name, state.spec.indexed, where);
    const filters: [string, unknown][] = [];
    for (const [field, value] of Object.entries(where)) {
      // An absent (undefined) filter value means "any", as if the key were not given.
      if (value !== undefined) filters.push([field, value]);
    }
    return filters;
  }

  /** The smallest index bucket among the filters: the fewest records to look at. */
  #candidates(state: CollectionState, filters: readonly (readonly [string, unknown])[]): SortedIds {
    let best: SortedIds | undefined;
    for (const [field, value] of filters) {
      const bucket = state.indexes.get(field)?.get(value) ?? NO_IDS;
      if (best === undefined || bucket.size < best.size) best = bucket;
    }
    return best ?? state.ids;
  }

  #assertUnique(state: CollectionState, record: StoredRecord): void {
    for (const { fields, owners } of state.unique) {
      const key = uniqueKey(record, fields);
      const owner = key === undefined ? undefined : owners.get(key);
      if (owner !== undefined && owner !== record.id) throw uniqueViolation(state.name, record.id, fields);
    }
  }

  /**
   * Moves the collection from holding `before` to holding `after` (either may be absent: insert or
   * delete). Rollback is the same move reversed, so inserts, updates, deletes and their undo share it.
   * Only the index entries of fields that changed are touched.
   */
  #replace(state: CollectionState, before: StoredRecord | undefined, after: StoredRecord | undefined): void {
    const id = after?.id ?? before?.id;
    if (id === undefined) return;
    this.marks.wrote(state.name);
    if (after === undefined) {
      state.records.delete(id);
      state.ids.delete(id);
    } else {
      state.records.set(id, after);
      if (before === undefined) state.ids.add(id);
    }
    for (const [field, buckets] of state.indexes) {
      const oldKey = before === undefined ? undefined : indexKey(before, field);
      const newKey = after === undefined ? undefined : indexKey(after, field);
      if (before !== undefined && after !== undefined && oldKey === newKey) continue;
      if (before !== undefined) removeFromBucket(buckets, oldKey, id);
      if (after !== undefined) addToBucket(buckets, newKey, id);
    }
    for (const { fields, owners } of state.unique) {
      const oldKey = before === undefined ? undefined : uniqueKey(before, fields);
      const newKey = after === undefined ? undefined : uniqueKey(after, fields);
      if (oldKey === newKey) continue;
      if (oldKey !== undefined && owners.get(oldKey) === id) owners.delete(oldKey);
      if (newKey !== undefined) owners.set(newKey, id);
    }
  }

  #indexEvent(event: CloudEvent, add: boolean): void {
    if (add) {
      this.#events.set(event.id, event);
      this.#eventIds.add(event.id);
      addToBucket(this.#eventsByResource, event.resourceId, event.id);
      if (event.tenantId !== null) addToBucket(this.#eventsByTenant, event.tenantId, event.id);
    } else {
      this.#events.delete(event.id);
      this.#eventIds.delete(event.id);
      removeFromBucket(this.#eventsByResource, event.resourceId, event.id);
      if (event.tenantId !== null) removeFromBucket(this.#eventsByTenant, event.tenantId, event.id);
    }
  }
}

/** A deep copy typed as the collection's record: callers never hold the store's own objects. */
function copyOut<K extends CollectionName>(record: StoredRecord): CollectionMap[K] {
  return deepCopy(record) as unknown as CollectionMap[K];
}

function asFields(value: object | undefined): Readonly<Record<string, unknown>> | undefined {
  return value as Readonly<Record<string, unknown>> | undefined;
}

/** Reads and writes over the state; the outer store and each transaction differ only in `enter` and `undo`. */
class MemorySession implements StoreSession {
  readonly #state: MemoryState;
  readonly #enter: Enter;
  readonly #undo: UndoLog | undefined;

  constructor(state: MemoryState, enter: Enter, undo: UndoLog | undefined) {
    this.#state = state;
    this.#enter = enter;
    this.#undo = undo;
  }

  get<K extends CollectionName>(collection: K, id: string): Promise<CollectionMap[K] | undefined> {
    return this.#enter(() => {
      const record = this.#state.get(collection, id);
      return record === undefined ? undefined : copyOut<K>(record);
    });
  }

  findOne<K extends CollectionName>(collection: K, where: Where<K>): Promise<CollectionMap[K] | undefined> {
    return this.#enter(() => {
      const [record] = this.#state.select(collection, asFields(where), undefined, 1);
      return record === undefined ? undefined : copyOut<K>(record);
    });
  }

  list<K extends CollectionName>(collection: K, query: ListQuery<K>): Promise<Page<CollectionMap[K]>> {
    return this.#enter(() => {
      assertLimit(query.limit);
      const found = this.#state.select(collection, asFields(query.where), query.after, query.limit + 1);
      return toPage(found, query.limit, (record) => copyOut<K>(record));
    });
  }

  /** One page as stored JSON; records are serialised here, the memory store holding none as text. */
  listJson<K extends CollectionName>(collection: K, query: ListQuery<K>): Promise<JsonPage> {
    return this.#enter(() => {
      assertLimit(query.limit);
      const found = this.#state.select(collection, asFields(query.where), query.after, query.limit + 1);
      const last = found[query.limit - 1];
      const items = JSON.stringify(found.slice(0, query.limit));
      return found.length > query.limit && last !== undefined ? { items, nextCursor: last.id } : { items };
    });
  }

  count<K extends CollectionName>(collection: K, where?: Where<K>): Promise<number> {
    return this.#enter(() => this.#state.count(collection, asFields(where)));
  }

  insert<K extends CollectionName>(collection: K, record: NewRecord<K>): Promise<CollectionMap[K]> {
    return this.#enter(() => copyOut<K>(this.#state.insert(collection, record, this.#undo)));
  }

  update<K extends CollectionName>(collection: K, record: CollectionMap[K]): Promise<CollectionMap[K]> {
    return this.#enter(() => copyOut<K>(this.#state.update(collection, record, this.#undo)));
  }

  delete<K extends CollectionName>(collection: K, id: string, version: number): Promise<void> {
    return this.#enter(() => this.#state.delete(collection, id, version, this.#undo));
  }

  appendEvent(event: CloudEvent): Promise<void> {
    return this.#enter(() => this.#state.appendEvent(event, this.#undo));
  }

  listEvents(query: EventQuery): Promise<Page<CloudEvent>> {
    return this.#enter(() => this.#state.listEvents(query));
  }
}

/**
 * A promise mutex: operations run one at a time in arrival order, so an open transaction sees no
 * interleaved writes and outer operations wait for it to finish.
 */
class Gate {
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;

  run<T>(operation: () => T | PromiseLike<T>): Promise<T> {
    const result = this.#tail.then(() => {
      if (this.#closed) throw new EcloudError('STORE_FAILURE', 'The store is closed.', { retryable: false });
      return operation();
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Closes after whatever is queued has run; later operations fail. */
  close(): Promise<void> {
    const result = this.#tail.then(() => {
      this.#closed = true;
    });
    this.#tail = result;
    return result;
  }
}

/** Runs a transaction's operation at once (the transaction already holds the gate) and turns throws into rejections. */
function immediately<T>(operation: () => T | PromiseLike<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(operation()));
}

class MemoryStore extends MemorySession implements Store {
  readonly kind = 'memory';
  readonly #state: MemoryState;
  readonly #gate: Gate;

  constructor(state: MemoryState) {
    const gate = new Gate();
    super(state, (operation) => gate.run(operation), undefined);
    this.#state = state;
    this.#gate = gate;
  }

  changeMark(collection: CollectionName): string {
    return this.#state.marks.mark(collection);
  }

  /**
   * Runs `fn` holding the gate. Its writes apply at once (it reads its own writes) and are logged;
   * a throw replays the log backwards. Calling the outer store from inside `fn` would wait for `fn`
   * itself, so `fn` must use `tx` only.
   */
  transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T> {
    return this.#gate.run(async () => {
      const undo: UndoLog = [];
      let open = true;
      const tx = new MemorySession(
        this.#state,
        (operation) =>
          open
            ? immediately(operation)
            : Promise.reject(
                new EcloudError('INTERNAL', 'A transaction session was used after its transaction ended.'),
              ),
        undo,
      );
      try {
        return await fn(tx);
      } catch (error) {
        for (let step = undo.length - 1; step >= 0; step--) undo[step]?.();
        throw error;
      } finally {
        open = false;
      }
    });
  }

  migrate(): Promise<void> {
    return this.#gate.run(() => undefined);
  }

  close(): Promise<void> {
    return this.#gate.close();
  }
}
