/**
 * Plain numbered SQL migrations (`migrations/NNNN_name.sql`), applied in order, each once, all
 * pending ones in one transaction under an advisory lock, so processes starting together on one
 * PostgreSQL do not race. Statements in a file end with `;` at the end of a line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** An arbitrary constant: the advisory lock id migrations run under. */
const MIGRATION_LOCK_ID = 7_243_001;

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** The migrations shipped with the server, in order. */
export function bundledMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      statements: splitStatements(readFileSync(`${dir}/${file}`, 'utf8')),
    }));
}

/**
 * Splits a script into statements: comment lines dropped, `;` at a line's end closes one, except
 * inside a dollar-quoted body (`AS $$ … $$`, a function's), whose own statements stay in it.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let lines: string[] = [];
  let openQuote: string | undefined;
  for (const line of script.split('\n')) {
    if (openQuote === undefined && /^\s*--/.test(line)) continue;
    lines.push(line);
    for (const tag of line.match(/\$\w*\$/g) ?? []) {
      if (openQuote === undefined) openQuote = tag;
      else if (openQuote === tag) openQuote = undefined;
    }
    if (openQuote === undefined && /;[ \t]*$/.test(line)) {
      statements.push(lines.join('\n').replace(/;[ \t]*$/, ''));
      lines = [];
    }
  }
  statements.push(lines.join('\n'));
  return statements.map((statement) => statement.trim()).filter(Boolean);
}

/**
 * The migrations not applied yet, found without writing anything (for a dry run, which must not
 * migrate).
 *
 * @example if ((await pendingMigrations(db)).length > 0) console.log('run ghl-bridge migrate');
 */
export async function pendingMigrations(
  db: Kysely<DB>,
  migrations = bundledMigrations(),
): Promise<string[]> {
  const table = await sql<{
    name: string | null;
  }>`select to_regclass('schema_migrations')::text as name`.execute(db);
  if (!table.rows[0]?.name) return migrations.map((m) => m.name);
  const applied = new Set(
    (await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version),
  );
  return migrations.filter((m) => !applied.has(m.version)).map((m) => m.name);
}

/**
 * Applies the pending migrations; returns the names applied (empty when up to date).
 *
 * @example
 * await migrate(database.db); // ['0001_workspaces_and_connections', …]
 */
export async function migrate(db: Kysely<DB>, migrations = bundledMigrations()): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const applied = new Set(
      (await trx.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version),
    );
    const pending = migrations.filter((m) => !applied.has(m.version));
    for (const migration of pending) {
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name })
        .execute();
    }
    return pending.map((m) => m.name);
  });
}
