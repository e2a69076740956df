/**
 * The bundled `migrations/NNNN_name.sql` files as Kysely migrations: one per file, named after
 * the file without `.sql`, so Kysely's alphabetical order is the numeric one. Statements in a
 * file end with `;` at the end of a line and run one at a time: PGlite sends every query over the
 * extended protocol, which takes a single statement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Migration as KyselyMigration, MigrationProvider } from 'kysely/migration';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  /** The file's number, which the runner before Kysely's recorded. */
  version: number;
  /** The file name without `.sql`: the migration's name in `kysely_migration`. */
  name: string;
  statements: string[];
}

/**
 * The migrations shipped with the server, in order.
 *
 * @example bundledMigrations().map((m) => m.name); // ['0001_workspaces_and_connections', …]
 */
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
 *
 * @example splitStatements('CREATE TABLE a (x int);\nDROP TABLE a;'); // two statements
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
 * Hands `migrations` to Kysely's `Migrator`, with `appliedByNewer` (migrations a newer version
 * recorded that this one does not ship) as migrations that do nothing. Kysely refuses a database
 * with a recorded migration it cannot find; but migrations here only add, so during a rolling
 * upgrade an older process that restarts after the new version migrated must still start, as it
 * did before Kysely ran the migrations.
 *
 * @example new Migrator({ db, provider: sqlMigrationProvider(bundledMigrations()) });
 */
export function sqlMigrationProvider(
  migrations: Migration[],
  appliedByNewer: readonly string[] = [],
): MigrationProvider {
  const entries = migrations.map((m): [string, KyselyMigration] => [
    m.name,
    {
      async up(db) {
        for (const statement of m.statements) await sql.raw(statement).execute(db);
      },
    },
  ]);
  const shipped = new Set(migrations.map((m) => m.name));
  for (const name of appliedByNewer) {
    if (!shipped.has(name)) entries.push([name, { up: () => Promise.resolve() }]);
  }
  return { getMigrations: () => Promise.resolve(Object.fromEntries(entries)) };
}
