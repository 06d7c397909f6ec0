import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { EcloudError } from '../../errors/ecloud-error.js';

/** A table as migration 0001 created it. */
interface InitialTable {
  readonly name: string;
  /** Columns mirroring indexed record fields (snake_case), each indexed together with `id`. */
  readonly columns: readonly string[];
  readonly unique: readonly (readonly string[])[];
}

// Frozen history: this is the schema as of 0001, spelled out rather than derived from COLLECTION_SPECS,
// so that growing the specs later cannot change what an old migration did. New fields need a new migration.
const INITIAL_TABLES: readonly InitialTable[] = [
  { name: 'regions', columns: ['name'], unique: [['name']] },
  { name: 'datacenters', columns: ['name', 'region_id'], unique: [['name']] },
  { name: 'clusters', columns: ['datacenter_id', 'name'], unique: [['datacenter_id', 'name']] },
  { name: 'hosts', columns: ['cluster_id', 'driver', 'state', 'ref'], unique: [['driver', 'ref']] },
  { name: 'images', columns: ['name'], unique: [['name']] },
  { name: 'offerings', columns: ['name'], unique: [['name']] },
  { name: 'tenants', columns: ['name'], unique: [['name']] },
  { name: 'instances', columns: ['tenant_id', 'host_id', 'state'], unique: [] },
  { name: 'volumes', columns: ['tenant_id', 'instance_id'], unique: [] },
  { name: 'snapshots', columns: ['tenant_id', 'instance_id'], unique: [] },
  {
    name: 'jobs',
    columns: ['state', 'tenant_id', 'resource_id', 'idempotency_key', 'owner_node'],
    unique: [['idempotency_key']],
  },
  { name: 'placementGroups', columns: ['tenant_id', 'name'], unique: [['tenant_id', 'name']] },
  { name: 'leases', columns: [], unique: [] },
];

/** Creates one collection table with its index per column and its unique indexes. */
async function createTable(db: Kysely<unknown>, table: InitialTable): Promise<void> {
  let create = db.schema
    .createTable(table.name)
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('data', 'text', (column) => column.notNull());
  for (const column of table.columns) create = create.addColumn(column, 'text');
  await create.execute();
  // (column, id) so that a filtered page ordered by id is one index range scan. A column unique on its
  // own is served by its unique index instead.
  const uniqueAlone = new Set(table.unique.filter((set) => set.length === 1).map(([column]) => column));
  for (const column of table.columns.filter((c) => !uniqueAlone.has(c))) {
    await db.schema
      .createIndex(`${table.name}_${column}_idx`)
      .on(table.name)
      .columns([column, 'id'])
      .execute();
  }
  for (const columns of table.unique) {
    await db.schema
      .createIndex(`${table.name}_${columns.join('_')}_unique`)
      .on(table.name)
      .columns([...columns])
      .unique()
      // Records with a null in a unique field are exempt, so they need no entry (most jobs have no key).
      .where(
        sql<boolean>`${sql.join(
          columns.map((column) => sql`${sql.ref(column)} IS NOT NULL`),
          sql` AND `,
        )}`,
      )
      .execute();
  }
}

const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const table of INITIAL_TABLES) await createTable(db, table);
    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('resource_id', 'text', (column) => column.notNull())
      .addColumn('tenant_id', 'text')
      .addColumn('data', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('events_resource_id_idx')
      .on('events')
      .columns(['resource_id', 'id'])
      .execute();
    await db.schema.createIndex('events_tenant_id_idx').on('events').columns(['tenant_id', 'id']).execute();
  },
};

/**
 * Shared storage pools (issue 3, storage reachability): hosts record the pools they reach, offerings and
 * volumes the pool their disks live in. Records written before have local storage only.
 */
const storagePools: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`UPDATE hosts SET data = json_set(data, '$.storagePools', json('[]'))
      WHERE json_type(data, '$.storagePools') IS NULL`.execute(db);
    for (const table of ['offerings', 'volumes']) {
      await sql`UPDATE ${sql.table(table)} SET data = json_set(data, '$.storagePool', json('null'))
        WHERE json_type(data, '$.storagePool') IS NULL`.execute(db);
    }
  },
};

/**
 * Identity (issue 4): principals, group memberships, local credentials, custom roles and role bindings.
 * Frozen like 0001: the columns are spelled out here, not derived from today's specs.
 */
const identity: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const tables: readonly InitialTable[] = [
      {
        name: 'principals',
        columns: ['kind', 'name', 'source', 'external_id'],
        unique: [
          ['kind', 'name'],
          ['source', 'external_id'],
        ],
      },
      { name: 'memberships', columns: ['group_id', 'user_id'], unique: [['group_id', 'user_id']] },
      { name: 'credentials', columns: [], unique: [] },
      { name: 'roles', columns: ['name'], unique: [['name']] },
      {
        name: 'roleBindings',
        columns: ['principal_id', 'role_id', 'scope_key'],
        unique: [['principal_id', 'role_id', 'scope_key']],
      },
    ];
    for (const table of tables) await createTable(db, table);
  },
};

/**
 * The audit log (issue 4, R-SEC-3): its records, ids in chain order, and the head of the chain. The
 * triggers make the records append-only for anything that opens the file, not only for this SDK.
 */
const auditLog: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createTable(db, { name: 'auditRecords', columns: [], unique: [] });
    await createTable(db, { name: 'auditHeads', columns: [], unique: [] });
    for (const event of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER "auditRecords_no_${event.toLowerCase()}" BEFORE ${event} ON "auditRecords" ` +
            `BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END`,
        )
        .execute(db);
    }
  },
};

/** Tenant quotas (issue 4, R-SEC-7): limits and usage, one record per tenant. */
const quotas: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createTable(db, { name: 'quotas', columns: [], unique: [] });
  },
};

/**
 * Domains (issue 4, R-SEC-1): the table, and every tenant put in the default domain, which the cloud
 * creates at start.
 */
const domains: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createTable(db, { name: 'domains', columns: ['name'], unique: [['name']] });
    await sql`UPDATE tenants SET data = json_set(data, '$.domainId', 'dom-default')
      WHERE json_type(data, '$.domainId') IS NULL`.execute(db);
  },
};

/** API keys of service accounts (issue 4), their secrets sealed. */
const apiKeys: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createTable(db, { name: 'apiKeys', columns: ['principal_id'], unique: [] });
  },
};

/**
 * Tenants by domain (issue 4): a domain's administrator lists the domain's tenants by an index range,
 * not by reading every tenant.
 */
const tenantDomains: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('tenants').addColumn('domain_id', 'text').execute();
    await sql`UPDATE tenants SET domain_id = json_extract(data, '$.domainId')`.execute(db);
    await db.schema.createIndex('tenants_domain_id_idx').on('tenants').columns(['domain_id', 'id']).execute();
  },
};

/** The password policy the security administrator sets at run time (issue 4, R-SEC-4). */
const passwordPolicy: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createTable(db, { name: 'passwordPolicies', columns: [], unique: [] });
  },
};

/**
 * The schema history of the SQLite store, oldest first. Entries are never edited once released: a
 * schema change is a new entry.
 * @internal
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_storage_pools': storagePools,
  '0003_identity': identity,
  '0004_audit_log': auditLog,
  '0005_quotas': quotas,
  '0006_domains': domains,
  '0007_api_keys': apiKeys,
  '0008_tenant_domains': tenantDomains,
  '0009_password_policy': passwordPolicy,
};

/**
 * Applies every migration the database has not seen, each in its own transaction under Kysely's
 * migration lock. Throws `STORE_FAILURE` naming the migration that failed.
 * @internal
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  const reason = error instanceof Error ? error.message : String(error);
  throw new EcloudError(
    'STORE_FAILURE',
    failed === undefined
      ? `Migrating the store failed: ${reason}`
      : `Store migration ${failed} failed: ${reason}`,
    { details: { migration: failed ?? null }, cause: error },
  );
}
