import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { MAX_PREPARED, PreparingClient } from './preparedStatements.js';

const postgres = backends().find((b) => b.name === 'postgres')!;

describe.skipIf(!postgres.available)('PreparingClient on PostgreSQL', () => {
  let testDb: TestDatabase;
  let client: PreparingClient;

  /** The statements prepared on the connection, this question left out. */
  const prepared = async () => {
    const { rows } = await client.query<{ statement: string }>(
      "select statement from pg_prepared_statements where statement not like '%pg_prepared%' order by prepare_time",
    );
    return rows.map((row) => row.statement);
  };

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    client = new PreparingClient({ connectionString: testDb.databaseUrl });
    await client.connect();
    await client.query('create table things (id int primary key, name text)');
    await client.query("insert into things values (1, 'one')");
  });
  afterAll(async () => {
    await client?.end();
    await testDb?.drop();
  });

  it('prepares a statement with parameters once and runs it again by name', async () => {
    const select = 'select * from things where id = $1';
    for (let i = 0; i < 3; i++) {
      await expect(client.query(select, [1])).resolves.toMatchObject({
        rows: [{ id: 1, name: 'one' }],
      });
    }
    expect((await prepared()).filter((statement) => statement === select)).toHaveLength(1);
  });

  it('still runs a prepared statement after a migration changes the columns it returns', async () => {
    const select = 'select * from things where id = $1 and name is not null';
    await client.query(select, [1]);
    await client.query('alter table things add column colour text');
    await expect(client.query(select, [1])).resolves.toMatchObject({
      rows: [{ id: 1, name: 'one', colour: null }],
    });
    await expect(client.query(select, [1])).resolves.toMatchObject({ rowCount: 1 });
  });

  it(`prepares at most ${MAX_PREPARED} statements per connection; the others still run`, async () => {
    for (let i = 0; i < MAX_PREPARED + 20; i++) {
      await expect(client.query(`select $1::int + ${i} as n`, [1])).resolves.toMatchObject({
        rows: [{ n: 1 + i }],
      });
    }
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_prepared_statements',
    );
    expect(rows).toEqual([{ n: MAX_PREPARED }]);
  });
});

describe.skipIf(!postgres.available)('PreparingClient in a pool', () => {
  it('serves a pool as its client class, through pool.query as well', async () => {
    const testDb = await createTestDatabase('postgres');
    const pool = new pg.Pool({
      connectionString: testDb.databaseUrl,
      Client: PreparingClient,
      max: 1,
    });
    try {
      for (let i = 0; i < 2; i++) {
        await expect(pool.query('select $1::text as word', ['hello'])).resolves.toMatchObject({
          rows: [{ word: 'hello' }],
        });
      }
      const { rows } = await pool.query(
        "select statement from pg_prepared_statements where statement not like '%pg_prepared%'",
      );
      expect(rows).toEqual([{ statement: 'select $1::text as word' }]);
    } finally {
      await pool.end();
      await testDb.drop();
    }
  });
});
