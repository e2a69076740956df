/**
 * Migrations run on Kysely's `Migrator`, a maintained answer to a solved problem: it applies each
 * migration once and records it in `kysely_migration`, runs all pending ones in one transaction
 * (PostgreSQL and PGlite both roll DDL back), and on PostgreSQL holds an advisory lock meanwhile,
 * so processes starting together do not race; PGlite has one connection, held for the whole run.
 *
 * The migrations are the plain numbered SQL files in `migrations/`: `NNNN_name.sql` is the
 * migration `NNNN_name`, whose `up` runs the file's statements (sqlMigrations.ts), so Kysely's
 * alphabetical order is the numeric one. A database migrated before Kysely ran here has its record
 * in `schema_migrations`: it is copied into Kysely's table first, under the advisory lock the
 * earlier runner took (legacyMigrations.ts).
 */
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { adoptLegacyMigrations, legacyMigrations } from './legacyMigrations.js';
import type { DB } from './schema.js';
import { bundledMigrations, sqlMigrationProvider, type Migration } from './sqlMigrations.js';

export { bundledMigrations, splitStatements, type Migration } from './sqlMigrations.js';

/** Migrating stopped; `migration` names the one that failed, when one did. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(migration ? `migration ${migration} failed: ${reason}` : `migrating failed: ${reason}`, {
      cause,
    });
    this.name = 'MigrationError';
  }
}

/**
 * Applies the pending migrations; returns the names applied (empty when up to date). Throws a
 * `MigrationError` naming the migration that failed, after rolling back every one of this run.
 *
 * @example
 * await migrate(database.db); // ['0001_workspaces_and_connections', …]
 */
export async function migrate(db: Kysely<DB>, migrations = bundledMigrations()): Promise<string[]> {
  // In a transaction of its own: Kysely reads its record inside its transaction and offers no
  // hook before that. Adopting is all or nothing and true whatever happens next.
  await adoptLegacyMigrations(db, migrations);
  const { error, results = [] } = await (await migrator(db, migrations)).migrateToLatest();
  if (error !== undefined) {
    throw new MigrationError(results.find((r) => r.status === 'Error')?.migrationName, error);
  }
  return results.map((r) => r.migrationName);
}

/**
 * The migrations not applied yet, found without writing anything (for a dry run, which must not
 * migrate): Kysely's tables are only read, and a database the earlier runner migrated counts as
 * migrated as far as its `schema_migrations` says.
 *
 * @example if ((await pendingMigrations(db)).length > 0) console.log('run ghl-bridge migrate');
 */
export async function pendingMigrations(
  db: Kysely<DB>,
  migrations = bundledMigrations(),
): Promise<string[]> {
  const adopted = new Set((await legacyMigrations(db, migrations)).map((m) => m.name));
  const all = await (await migrator(db, migrations)).getMigrations();
  return all.filter((m) => m.executedAt === undefined && !adopted.has(m.name)).map((m) => m.name);
}

async function migrator(db: Kysely<DB>, migrations: Migration[]): Promise<Migrator> {
  const provider = sqlMigrationProvider(migrations, await recordedMigrations(db));
  return new Migrator({ db, provider });
}

/** The names in Kysely's record, none before its first run. */
async function recordedMigrations(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{
    table: string | null;
  }>`select to_regclass('kysely_migration')::text as table`.execute(db);
  if (!rows[0]?.table) return [];
  const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return recorded.rows.map((row) => row.name);
}
