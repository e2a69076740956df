/**
 * One database, two engines, one code path: PGlite (embedded, file-backed, in-process) by
 * default, a PostgreSQL server when `DATABASE_URL` is set. Everything above this file talks to a
 * `Kysely<DB>` and never asks which engine it got, except where the engines truly differ
 * (pg-boss's connection, the rate-limit store, locks).
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { fromPglite, type Db as IDatabase } from 'pg-boss';
import { join } from 'node:path';
import { lockDataDir } from './lockFile.js';
import { PreparingClient } from './preparedStatements.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** How pg-boss reaches the same database. */
export type BossConnection =
  { kind: 'pglite'; db: IDatabase } | { kind: 'postgres'; connectionString: string };

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  boss: BossConnection;
  /** Where the data lives, without credentials, for logs and the start banner. */
  description: string;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; without it, PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Pool size per process on PostgreSQL. Default 10. */
  poolSize?: number;
}

/** The PGlite files, inside the data directory. */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pgdata');

/**
 * Opens the database. For PGlite, takes the data directory's lock first, so a second process
 * on the same directory fails with a clear message instead of corrupting it.
 *
 * @example
 * const database = await openDatabase({ dataDir: './.ghl-bridge' });
 * await database.db.selectFrom('workspaces').selectAll().execute();
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  const release = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    // A small shared_buffers keeps the resident size near 250 MB
    // (docs/architecture.md#measured-caveats).
    pglite = new PGlite({ dataDir: pgliteDir(dataDir), postgresqlconf: ['shared_buffers=16MB'] });
    await pglite.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    kind: 'pglite',
    db,
    boss: { kind: 'pglite', db: serializedBossDb(db, fromPglite(pglite)) },
    description: `embedded PGlite in ${pgliteDir(dataDir)}`,
    ping: () => sql`select 1`.execute(db).then(() => undefined),
    async close() {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  };
}

/**
 * PGlite has one connection. Kysely guards it with a mutex (its transactions hold it until they
 * end); pg-boss's statements take the same mutex, so they never land inside one of our
 * transactions, nor ours inside a multi-statement block of theirs.
 */
function serializedBossDb(db: Kysely<DB>, inner: IDatabase): IDatabase {
  return {
    executeSql: (text, values) => db.connection().execute(() => inner.executeSql(text, values)),
  };
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    boss: { kind: 'postgres', connectionString: url },
    description: `PostgreSQL at ${describeUrl(url)}`,
    ping: () => sql`select 1`.execute(db).then(() => undefined),
    close: () => db.destroy(),
  };
}

/** `postgres://user:secret@host:5432/db` -> `user@host:5432/db` (never the password). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
