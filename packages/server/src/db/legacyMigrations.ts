/**
 * Installations migrated before Kysely's `Migrator` ran here recorded their migrations in
 * `schema_migrations(version, name, applied_at)`. Before Kysely's first run on one, those rows
 * are copied into its `kysely_migration` (each file's name, the time it was applied), so Kysely
 * counts them as executed and applies only the rest. `schema_migrations` stays and is never
 * written again: an older version reads it and finds every migration it knows applied. Once no
 * version before this one will run on the database, it can be dropped.
 */
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { DB } from './schema.js';
import type { Migration } from './sqlMigrations.js';

/**
 * The advisory lock the earlier runner took: adopting under it waits for an older process still
 * migrating (during a rolling upgrade) instead of copying its rows halfway.
 */
const LEGACY_MIGRATION_LOCK_ID = 7_243_001;

/** A row of Kysely's `kysely_migration`: its timestamp is an ISO string. */
interface KyselyMigrationRow {
  name: string;
  timestamp: string;
}

/**
 * The migrations `schema_migrations` records as applied, as Kysely would record them; none once
 * Kysely keeps the record, or on a database the earlier runner never saw. Reads only.
 *
 * @example const adopted = await legacyMigrations(db, bundledMigrations()); // [] on a new database
 */
export async function legacyMigrations(
  db: Kysely<DB>,
  migrations: Migration[],
): Promise<KyselyMigrationRow[]> {
  const { rows } = await sql<{ legacy: string | null; kysely: string | null }>`
    select to_regclass('schema_migrations')::text as legacy,
           to_regclass('kysely_migration')::text as kysely`.execute(db);
  if (!rows[0]?.legacy || rows[0].kysely) return [];
  // The earlier runner knew a migration by its number: the file's name now is what Kysely checks.
  const names = new Map(migrations.map((m) => [m.version, m.name]));
  const applied = await db
    .selectFrom('schema_migrations')
    .select(['version', 'name', 'applied_at'])
    .orderBy('version')
    .execute();
  let latest = 0;
  return applied.map((row) => {
    // Kysely orders executed migrations by time, then name, and refuses an order that differs
    // from the files': a clock set back between two upgrades must not reorder them.
    latest = Math.max(latest, row.applied_at.getTime());
    return { name: names.get(row.version) ?? row.name, timestamp: new Date(latest).toISOString() };
  });
}

/**
 * Records in Kysely's tables what `schema_migrations` says was applied, if Kysely keeps no record
 * yet: in one transaction, so a crash leaves either no `kysely_migration` or a complete one.
 *
 * @example
 * await adoptLegacyMigrations(db, bundledMigrations());
 * await new Migrator({ db, provider }).migrateToLatest(); // applies only what is new
 */
export async function adoptLegacyMigrations(
  db: Kysely<DB>,
  migrations: Migration[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LEGACY_MIGRATION_LOCK_ID})`.execute(trx);
    const rows = await legacyMigrations(trx, migrations);
    if (rows.length === 0) return;
    // Kysely creates its own tables, in the shape it expects: a run with no migrations does only
    // that.
    const noMigrations = { getMigrations: () => Promise.resolve({}) };
    const { error } = await new Migrator({ db: trx, provider: noMigrations }).migrateToLatest();
    if (error !== undefined) {
      throw new Error("creating Kysely's migration tables failed", { cause: error });
    }
    await trx
      .withTables<{ kysely_migration: KyselyMigrationRow }>()
      .insertInto('kysely_migration')
      .values(rows)
      .execute();
  });
}
