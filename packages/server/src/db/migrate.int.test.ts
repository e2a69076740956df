import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { openDatabase, type Database } from './database.js';
import {
  bundledMigrations,
  migrate,
  MigrationError,
  pendingMigrations,
  type Migration,
} from './migrate.js';
import type { DB } from './schema.js';

const all = bundledMigrations();
const names = all.map((m) => m.name);

/**
 * What the runner before Kysely's did, kept to build the databases it left behind: its table,
 * the files' statements, a row for each, all in one transaction.
 */
async function migrateTheEarlierWay(db: Kysely<DB>, migrations: Migration[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    for (const migration of migrations) {
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name })
        .execute();
    }
  });
}

const exists = async (db: Kysely<DB>, table: string) =>
  (await sql<{ name: string | null }>`select to_regclass(${table})::text as name`.execute(db))
    .rows[0]?.name != null;

const kyselyRecord = async (db: Kysely<DB>) =>
  (
    await sql<{
      name: string;
      timestamp: string;
    }>`select name, timestamp from kysely_migration order by name`.execute(db)
  ).rows;

describe.each(backends())('migrations on $name', ({ name, available }) => {
  let testDb: TestDatabase;
  let database: Database;

  beforeEach(async () => {
    if (!available) return;
    testDb = await createTestDatabase(name);
    database = await openDatabase(testDb);
    // PGlite's test databases are copies of a migrated one: these tests start from nothing.
    await sql`drop schema if exists pgboss cascade`.execute(database.db);
    await sql`drop schema public cascade`.execute(database.db);
    await sql`create schema public`.execute(database.db);
  });

  afterEach(async () => {
    if (!available) return;
    await database?.close();
    await testDb?.drop();
  });

  it.skipIf(!available)('a new database gets every migration, once', async () => {
    await expect(pendingMigrations(database.db)).resolves.toEqual(names);
    expect(await exists(database.db, 'kysely_migration')).toBe(false);
    expect(await exists(database.db, 'kysely_migration_lock')).toBe(false);

    await expect(migrate(database.db)).resolves.toEqual(names);
    await expect(migrate(database.db)).resolves.toEqual([]);
    await expect(pendingMigrations(database.db)).resolves.toEqual([]);
    expect((await kyselyRecord(database.db)).map((r) => r.name)).toEqual(names);
    expect(await exists(database.db, 'schema_migrations')).toBe(false);
  });

  it.skipIf(!available)(
    'a database the earlier runner migrated is adopted: nothing applied again',
    async () => {
      await migrateTheEarlierWay(database.db, all.slice(0, 3));
      await migrateTheEarlierWay(database.db, all.slice(3));
      const before = await database.db
        .selectFrom('schema_migrations')
        .selectAll()
        .orderBy('version')
        .execute();

      await expect(pendingMigrations(database.db)).resolves.toEqual([]);
      expect(await exists(database.db, 'kysely_migration')).toBe(false);

      await expect(migrate(database.db)).resolves.toEqual([]);
      expect(await kyselyRecord(database.db)).toEqual(
        before.map((row) => ({ name: row.name, timestamp: row.applied_at.toISOString() })),
      );
      // Kept, untouched, for a version before this one.
      await expect(
        database.db.selectFrom('schema_migrations').selectAll().orderBy('version').execute(),
      ).resolves.toEqual(before);
      await expect(migrate(database.db)).resolves.toEqual([]);
    },
  );

  it.skipIf(!available)('a database the earlier runner partly migrated gets the rest', async () => {
    await migrateTheEarlierWay(database.db, all.slice(0, -2));

    await expect(pendingMigrations(database.db)).resolves.toEqual(names.slice(-2));
    await expect(migrate(database.db)).resolves.toEqual(names.slice(-2));
    expect((await kyselyRecord(database.db)).map((r) => r.name)).toEqual(names);
  });

  it.skipIf(!available)(
    'an older version starts on a database a newer one migrated, and applies nothing',
    async () => {
      const newer: Migration = {
        version: 9998,
        name: '9998_from_a_newer_version',
        statements: ['create table added_later (x int)'],
      };
      await expect(migrate(database.db, [...all, newer])).resolves.toEqual([...names, newer.name]);

      await expect(pendingMigrations(database.db)).resolves.toEqual([]);
      await expect(migrate(database.db)).resolves.toEqual([]);
      expect((await kyselyRecord(database.db)).map((r) => r.name)).toEqual([...names, newer.name]);
      expect(await exists(database.db, 'added_later')).toBe(true);
    },
  );

  it.skipIf(!available)(
    'a failing migration is named and every migration of its run rolled back',
    async () => {
      const broken: Migration = {
        version: 9999,
        name: '9999_broken',
        statements: ['create table half_done (x int)', 'select * from no_such_table'],
      };

      const failure = await migrate(database.db, [...all, broken]).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(MigrationError);
      expect(failure).toMatchObject({ migration: '9999_broken' });
      expect((failure as Error).message).toMatch(/^migration 9999_broken failed: .*no_such_table/);

      expect(await exists(database.db, 'half_done')).toBe(false);
      expect(await exists(database.db, 'workspaces')).toBe(false);
      await expect(pendingMigrations(database.db)).resolves.toEqual(names);
      await expect(migrate(database.db)).resolves.toEqual(names);
    },
  );
});

const postgres = backends().find((b) => b.name === 'postgres')!;

describe.skipIf(!postgres.available)('processes migrating together on PostgreSQL', () => {
  let testDb: TestDatabase;
  let processes: Database[];

  beforeEach(async () => {
    testDb = await createTestDatabase('postgres');
    processes = await Promise.all([1, 2, 3].map(() => openDatabase(testDb)));
  });

  afterEach(async () => {
    await Promise.all(processes.map((p) => p.close()));
    await testDb.drop();
  });

  it('apply each migration once between them', async () => {
    const applied = await Promise.all(processes.map((p) => migrate(p.db)));
    expect(applied.flat().sort()).toEqual(names);
    expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
  });

  it('adopt a database the earlier runner migrated once between them', async () => {
    await migrateTheEarlierWay(processes[0]!.db, all);
    const applied = await Promise.all(processes.map((p) => migrate(p.db)));
    expect(applied.flat()).toEqual([]);
    expect((await kyselyRecord(processes[0]!.db)).map((r) => r.name)).toEqual(names);
  });
});
