import type { CloudEvent } from '../model/event.js';
import type { JsonPage, Page } from '../model/page.js';
import type { CollectionMap, CollectionName, Where } from './collections.js';

/** A record as written: the store assigns `version`, `createdAt` and `updatedAt`. @public */
export type NewRecord<K extends CollectionName> = Omit<
  CollectionMap[K],
  'version' | 'createdAt' | 'updatedAt'
>;

/** A list query: equality filters on indexed fields, ascending by id, after a cursor. @public */
export interface ListQuery<K extends CollectionName> {
  readonly where?: Where<K>;
  /** Only records whose id is greater than this (the previous page's `nextCursor`). */
  readonly after?: string;
  readonly limit: number;
}

/** A query over the event log. @public */
export interface EventQuery {
  readonly resourceId?: string;
  readonly tenantId?: string;
  readonly after?: string;
  readonly limit: number;
}

/**
 * Reads and writes of the store. Writes are optimistic: `update` and `delete` carry the version the
 * caller read and fail with `CONFLICT` when the stored version differs (a lost update).
 * Unique constraints fail with `ALREADY_EXISTS`.
 * @public
 */
export interface StoreSession {
  /** The record with that id, or undefined. */
  get<K extends CollectionName>(collection: K, id: string): Promise<CollectionMap[K] | undefined>;
  /** The first record (by id) matching `where`. */
  findOne<K extends CollectionName>(collection: K, where: Where<K>): Promise<CollectionMap[K] | undefined>;
  /** One page of records matching the query, ascending by id. */
  list<K extends CollectionName>(collection: K, query: ListQuery<K>): Promise<Page<CollectionMap[K]>>;
  /** How many records match; an index count, not a scan, when `where` is given. */
  count<K extends CollectionName>(collection: K, where?: Where<K>): Promise<number>;
  /** Inserts a record with version 1 and returns it as stored. */
  insert<K extends CollectionName>(collection: K, record: NewRecord<K>): Promise<CollectionMap[K]>;
  /** Replaces a record whose stored version equals `record.version`; returns it with the next version. */
  update<K extends CollectionName>(collection: K, record: CollectionMap[K]): Promise<CollectionMap[K]>;
  /** Removes a record whose stored version equals `version`. */
  delete<K extends CollectionName>(collection: K, id: string, version: number): Promise<void>;
  /** Appends to the event log. */
  appendEvent(event: CloudEvent): Promise<void>;
  /** One page of the event log, oldest first. */
  listEvents(query: EventQuery): Promise<Page<CloudEvent>>;
}

/**
 * The repository over the whole model (R-HA-3 groundwork: several processes may share one database).
 * @public
 */
export interface Store extends StoreSession {
  /** Which implementation this is (`memory`, `sqlite`, ...). */
  readonly kind: string;
  /**
   * Runs `fn` in one transaction: all of its writes land, or none. Transactions are serialised; never
   * await a driver call inside one.
   */
  transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T>;
  /**
   * One page as `list` would return it, its records left as the JSON text they are stored as: the read
   * path of a server that answers with JSON anyway.
   */
  listJson<K extends CollectionName>(collection: K, query: ListQuery<K>): Promise<JsonPage>;
  /**
   * A mark that differs whenever `collection` may have changed since it was taken — written through this
   * store or, where the store can tell, by another process sharing its data. Equal marks mean nothing
   * changed in between; `undefined` means the store cannot tell, and nothing may be cached on it.
   */
  changeMark(collection: CollectionName): string | undefined;
  /** Applies pending schema migrations. Idempotent. */
  migrate(): Promise<void>;
  /** Closes the store; nothing may be called after. */
  close(): Promise<void>;
}
