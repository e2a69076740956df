import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { waitFor } from '../../test/waitFor.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createJobQueue, type GivenUpJob, type JobHandler, type JobQueue } from './jobQueue.js';
import { anyNumber, objectContaining } from '../../test/matchers.js';

const queues = {
  plain: { policy: 'standard' as const, retryDelaySeconds: 1 },
  serial: { policy: 'singleton' as const },
  stately: { policy: 'stately' as const },
  doomed: { policy: 'standard' as const, retryLimit: 1, retryDelaySeconds: 1, reportGivenUp: true },
};

describe.each(backends())('job queue on $name', ({ name, available }) => {
  let testDb: TestDatabase;
  let database: Database;
  let queue: JobQueue;

  beforeAll(async () => {
    if (!available) return;
    testDb = await createTestDatabase(name);
    database = await openDatabase(testDb);
    await migrate(database.db);
    queue = createJobQueue({ database, queues, workerName: 'test-worker' });
    await queue.start();
  });

  afterAll(async () => {
    if (!available) return;
    await queue?.stop(2000);
    await database?.close();
    await testDb?.drop();
  });

  it.skipIf(!available)('migrations run once: a second run applies nothing', async () => {
    await expect(migrate(database.db)).resolves.toEqual([]);
    const { rows } = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(database.db);
    expect(rows.map((r) => r.name)).toEqual([
      '0001_workspaces_and_connections',
      '0002_rate_limits_and_locks',
      '0003_booking_sync',
      '0010_voice',
      '0011_workspace_booking_names',
      '0012_named_lock_leases',
      '0013_sync_job_queue_ids',
      '0014_rate_limit_grant_function',
      '0015_phone_country',
      '0016_rate_limit_reports',
      '0017_dashboard_sessions',
      '0018_highlevel_request_history',
      '0019_sync_job_search_and_backfill_runs',
      '0020_highlevel_webhooks',
      '0021_webhooks_out',
      '0022_oauth_installs',
      '0023_reconciliation',
      '0024_retention',
      '0025_action_runs',
      '0026_trigger_subscriptions',
      '0027_app_records',
      '0028_voice_confirmations',
      '0029_voice_handoffs',
      '0030_mcp_clients',
    ]);
  });

  it.skipIf(!available)('a job enqueued in a rolled-back transaction never exists', async () => {
    const before = (await queue.counts()).plain!.queued;
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('workspaces')
          .values({
            id: 'ws_rollback',
            name: 'x',
            api_key_hash: 'h-rollback',
            features: ['bookings'],
          })
          .execute();
        await queue.enqueue(trx, 'plain', { workspaceId: 'ws_rollback' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await queue.counts()).plain!.queued).toBe(before);
    const row = await database.db
      .selectFrom('workspaces')
      .where('id', '=', 'ws_rollback')
      .selectAll()
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it.skipIf(!available)(
    'a committed job runs once, a failing one is retried until it succeeds',
    async () => {
      const seen: Record<string, number> = {};
      const ids = await database.db
        .transaction()
        .execute(async (trx) => [
          await queue.enqueue(trx, 'plain', { n: 1 }),
          await queue.enqueue(trx, 'plain', { n: 2, failFirst: true }),
        ]);
      await queue.work<{ n: number; failFirst?: boolean }>('plain', (job) => {
        seen[job.data.n] = (seen[job.data.n] ?? 0) + 1;
        if (job.data.failFirst && job.retryCount === 0) return Promise.reject(new Error('flaky'));
        return Promise.resolve();
      });
      const runs = await waitFor(
        async () => {
          const rows = await database.db
            .selectFrom('job_runs')
            .where('job_id', 'in', ids)
            .select(['job_id', 'runs', 'worker'])
            .execute();
          return rows.length === 2 && rows;
        },
        { what: 'both jobs finished', timeoutMs: 20_000 },
      );
      expect(runs.map((r) => [r.runs, r.worker])).toEqual([
        [1, 'test-worker'],
        [1, 'test-worker'],
      ]);
      expect(seen).toEqual({ 1: 1, 2: 2 });
    },
  );

  it.skipIf(!available)(
    'a singleton queue never runs two jobs of one key at once, across two workers',
    async () => {
      const second = createJobQueue({ database, queues, workerName: 'second-worker' });
      await second.start();
      const active = new Map<string, number>();
      let overlap = 0;
      const done: string[] = [];
      const handler = async (job: { id: string; data: { key: string } }) => {
        const now = (active.get(job.data.key) ?? 0) + 1;
        active.set(job.data.key, now);
        if (now > 1) overlap++;
        await new Promise((r) => setTimeout(r, 30));
        active.set(job.data.key, now - 1);
        done.push(job.id);
      };
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 12; i++) {
          const key = `loc_${i % 2}`;
          await queue.enqueue(trx, 'serial', { key }, { singletonKey: key });
        }
      });
      await queue.work('serial', handler);
      await second.work('serial', handler);
      await waitFor(() => done.length === 12, { what: '12 serial jobs', timeoutMs: 25_000 });
      await second.stop(2000);
      expect(overlap).toBe(0);
      expect(new Set(done).size).toBe(12);
    },
  );

  it.skipIf(!available)(
    'a job the queue gives up on reaches the handler’s givenUp, with its attempts and last error',
    async () => {
      const givenUp: GivenUpJob<{ n: number }>[] = [];
      const handler: JobHandler<{ n: number }> = () =>
        Promise.reject(new Error('HighLevel is down'));
      handler.givenUp = (job) => Promise.resolve(void givenUp.push(job));
      const id = await queue.enqueue(database.db, 'doomed', { n: 7 });
      await queue.work('doomed', handler);
      await waitFor(() => givenUp.length > 0, { what: 'the given-up job', timeoutMs: 20_000 });
      expect(givenUp).toEqual([
        { id, data: { n: 7 }, attempts: 2, lastError: 'HighLevel is down' },
      ]);
      await expect(queue.work('doomed', () => Promise.resolve())).rejects.toThrow(/givenUp/);
    },
  );

  it.skipIf(!available)(
    'a stately queue takes one waiting job per key: the next has no room until it starts',
    async () => {
      const key = (n: number) =>
        queue.enqueueIfRoom(database.db, 'stately', { n }, { singletonKey: 'loc_1' });
      const first = await key(1);
      expect(first).toEqual(expect.any(String));
      await expect(key(2)).resolves.toBeUndefined();
      const other = await queue.enqueueIfRoom(
        database.db,
        'stately',
        { n: 3 },
        { singletonKey: 'loc_2' },
      );
      expect(other).toEqual(expect.any(String));
      await expect(
        queue.enqueueIfRoom(database.db, 'plain', { n: 4 }, { singletonKey: 'x' }),
      ).rejects.toThrow(/not stately/);
      let release!: () => void;
      const started: number[] = [];
      await queue.work<{ n: number }>('stately', async (job) => {
        started.push(job.data.n);
        if (job.data.n === 1) await new Promise<void>((resolve) => (release = resolve));
      });
      await waitFor(() => started.includes(1), { what: 'the first job to start' });
      // It is active now: one more may wait.
      expect(await key(5)).toEqual(expect.any(String));
      await expect(key(6)).resolves.toBeUndefined();
      release();
      await waitFor(() => started.includes(5), { what: 'the waiting job to run' });
      expect(started.sort()).toEqual([1, 3, 5]);
    },
  );

  it.skipIf(!available)('counts jobs by state', async () => {
    await database.db.transaction().execute(async (trx) => {
      await queue.enqueue(trx, 'serial', { key: 'later' }, { singletonKey: 'never-worked' });
    });
    const counts = await waitFor(async () => {
      const c = await queue.counts();
      return c.serial && c.serial.queued + c.serial.active >= 1 && c;
    });
    expect(Object.keys(counts).sort()).toEqual(['doomed', 'plain', 'serial', 'stately']);
    expect(counts.plain).toEqual(objectContaining({ queued: anyNumber(), failed: anyNumber() }));
  });
});
