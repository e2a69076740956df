/**
 * The databases integration suites run on: embedded PGlite always, PostgreSQL when
 * TEST_DATABASE_URL (or DATABASE_URL) points at a server the tests may create databases on.
 * In CI (CI=true) a missing URL is an error, never a silent skip.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, pgliteDir, type OpenDatabaseOptions } from '../src/db/database.js';
import { bundledMigrations, migrate } from '../src/db/migrate.js';
import { createJobQueue } from '../src/queue/jobQueue.js';
import { QUEUES } from '../src/runtime.js';

export type BackendName = 'pglite' | 'postgres';

export interface TestDatabase {
  /** Pass to openDatabase / the server config. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Drops the database or removes the directory. */
  drop(): Promise<void>;
}

export const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

if (!postgresUrl && process.env.CI === 'true') {
  throw new Error(
    'CI=true but neither TEST_DATABASE_URL nor DATABASE_URL is set: the PostgreSQL half of the integration suite cannot run. Start PostgreSQL and set TEST_DATABASE_URL (see packages/server/README.md).',
  );
}

let warned = false;
/**
 * The backends to parametrize a suite over, with whether each can run here.
 *
 * @example
 * describe.each(backends())('workspaces on %s', (backend) => { ... });
 */
export function backends(): { name: BackendName; available: boolean }[] {
  if (!postgresUrl && !warned) {
    warned = true;
    console.warn(
      '[ghl-bridge tests] PostgreSQL suites skipped: set TEST_DATABASE_URL=postgres://… to run them.',
    );
  }
  return [
    { name: 'pglite', available: true },
    { name: 'postgres', available: Boolean(postgresUrl) },
  ];
}

/** A fresh, empty database on `backend`. */
export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ghlb-test-'));
  if (backend === 'pglite') {
    cpSync(await pgliteTemplate(), pgliteDir(dataDir), { recursive: true });
    return {
      dataDir,
      databaseUrl: undefined,
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ghlb_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    async drop() {
      await adminQuery(`drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Migrates the database and installs the queue's schema, as the first server to start on it
 * would.
 *
 * @example
 * await installSchema({ databaseUrl, dataDir });
 */
export async function installSchema(options: OpenDatabaseOptions): Promise<void> {
  const database = await openDatabase(options);
  try {
    await migrate(database.db);
    const queue = createJobQueue({ database, queues: QUEUES });
    await queue.start();
    await queue.stop();
  } finally {
    await database.close();
  }
}

let template: Promise<string> | undefined;

/**
 * An initialised, migrated PGlite data directory (queue schema included) to copy: the first
 * start of PGlite (initdb) takes seconds and about 1 GB, installing pg-boss's schema in WASM a
 * few more; a copy takes milliseconds. Named after what it contains, shared by test workers
 * through an atomic rename.
 */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const path = join(tmpdir(), `ghl-bridge-pglite-template-${templateVersion()}`);
    if (existsSync(join(path, 'pgdata', 'PG_VERSION'))) return join(path, 'pgdata');
    const building = mkdtempSync(join(tmpdir(), 'ghlb-template-'));
    await installSchema({ dataDir: building });
    try {
      renameSync(building, path);
    } catch {
      // Another worker won the race; its template is as good.
      rmSync(building, { recursive: true, force: true });
    }
    return join(path, 'pgdata');
  })();
  return template;
}

/** Changes whenever a migration, PGlite, pg-boss or Kysely (its Migrator's tables) changes. */
function templateVersion(): string {
  const hash = createHash('sha256');
  for (const m of bundledMigrations()) hash.update(m.name).update(m.statements.join(';'));
  // Each package's main file sits in its own directory under node_modules: hash its manifest.
  for (const pkg of ['@electric-sql/pglite', 'pg-boss', 'kysely']) {
    const root = require.resolve(pkg).split(`/node_modules/${pkg}/`)[0]!;
    hash.update(readFileSync(join(root, 'node_modules', pkg, 'package.json')));
  }
  hash.update(Object.keys(QUEUES).join(','));
  return hash.digest('hex').slice(0, 16);
}

const require = createRequire(import.meta.url);
