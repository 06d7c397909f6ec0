export {
  COLLECTION_SPECS,
  type CollectionMap,
  type CollectionName,
  type IndexedField,
  type Where,
} from './collections.js';
export { createMemoryStore, type MemoryStoreOptions } from './memory/memory-store.js';
export { createSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export type { EventQuery, ListQuery, NewRecord, Store, StoreSession } from './store.js';
