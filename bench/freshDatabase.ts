/**
 * A new, empty database for one benchmark run on the PostgreSQL server `BENCH_DATABASE_URL`
 * names, dropped afterwards, so a run never finds the last one's rows and can be repeated as is.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface FreshDatabase {
  /** The URL of the new database: the server's URL with its database name replaced. */
  url: string;
  name: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * @example
 * const database = await freshDatabase(process.env.BENCH_DATABASE_URL!, 'bench_ingest');
 * try { … database.url … } finally { await database.drop(); }
 */
export async function freshDatabase(serverUrl: string, prefix: string): Promise<FreshDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

export type Backend = 'PGlite' | 'PostgreSQL';

/**
 * `run` on the embedded database, then, when BENCH_DATABASE_URL names a PostgreSQL server, on a
 * fresh database there (`prefix_…`, dropped afterwards): one result per backend.
 *
 * @example const runs = await onEachBackend('bench_voice', (backend, url) => casesOn(backend, url));
 */
export async function onEachBackend<T>(
  prefix: string,
  run: (backend: Backend, databaseUrl?: string) => Promise<T>,
): Promise<T[]> {
  const results = [await run('PGlite')];
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const database = await freshDatabase(serverUrl, prefix);
    try {
      results.push(await run('PostgreSQL', database.url));
    } finally {
      await database.drop();
    }
  }
  return results;
}
