import { createRateLimiter, type RateLimitWindow } from '@ghl-bridge/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { databaseLock } from '../db/namedLock.js';
import { databaseRateLimitStore } from './databaseStore.js';

const burst3: RateLimitWindow[] = [{ limit: 3, intervalMs: 1000 }];
let keys = 0;
const freshKey = () => `loc_${++keys}`;

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`databaseRateLimitStore [${name}]`, () => {
    let testDb: TestDatabase;
    let database: Database;
    /** On PostgreSQL, a second connection pool: another process's view of the same budget. */
    let second: Database | undefined;

    beforeAll(async () => {
      testDb = await createTestDatabase(name);
      database = await openDatabase(testDb);
      await migrate(database.db);
      if (name === 'postgres') second = await openDatabase(testDb);
    });
    afterAll(async () => {
      await second?.close();
      await database?.close();
      await testDb?.drop();
    });

    it('grants up to the limit in a sliding window and says exactly when room returns', async () => {
      const store = databaseRateLimitStore(database.db);
      const key = freshKey();
      const steps: [number, 'granted' | number][] = [
        [0, 'granted'],
        [100, 'granted'],
        [200, 'granted'],
        [250, 750],
        [999, 1],
        [1000, 'granted'],
        [1000, 100],
        [1100, 'granted'],
      ];
      for (const [at, expected] of steps) {
        const result = await store.tryAcquire(key, at, burst3);
        expect({ at, result }).toEqual({
          at,
          result:
            expected === 'granted' ? { granted: true } : { granted: false, retryInMs: expected },
        });
      }
      await expect(store.used(key, 1100, 1000)).resolves.toBe(3);
    });

    it('counts requests recorded from elsewhere and honours blocks', async () => {
      const store = databaseRateLimitStore(database.db);
      const key = freshKey();
      await store.recordExternal(key, 0, 2);
      await expect(store.tryAcquire(key, 10, burst3)).resolves.toEqual({ granted: true });
      await expect(store.tryAcquire(key, 20, burst3)).resolves.toEqual({
        granted: false,
        retryInMs: 980,
      });
      const other = freshKey();
      await store.blockUntil(other, 5000);
      await store.blockUntil(other, 3000);
      await expect(store.tryAcquire(other, 4000, burst3)).resolves.toEqual({
        granted: false,
        retryInMs: 1000,
      });
      await expect(store.tryAcquire(other, 5000, burst3)).resolves.toEqual({ granted: true });
    });

    it('counts long windows in buckets, never under', async () => {
      const store = databaseRateLimitStore(database.db);
      const key = freshKey();
      const daily = [{ limit: 2, intervalMs: 3_600_000 }];
      await expect(store.tryAcquire(key, 0, daily)).resolves.toEqual({ granted: true });
      await expect(store.tryAcquire(key, 30_000, daily)).resolves.toEqual({ granted: true });
      const refused = await store.tryAcquire(key, 60_000, daily);
      expect(refused.granted).toBe(false);
      // The first grant's bucket [0, 60 s) leaves the window one bucket late at the latest.
      if (!refused.granted) expect(60_000 + refused.retryInMs).toBe(3_660_000);
    });

    it('takes in what HighLevel counted, in the same call as the decision', async () => {
      const store = databaseRateLimitStore(database.db);
      const burst10 = [{ limit: 10, intervalMs: 1000 }];
      const key = freshKey();
      await store.tryAcquire(key, 0, burst10);
      await store.tryAcquire(key, 0, burst10);
      // Granted after HighLevel answered: not in its count, so not set against it.
      await store.tryAcquire(key, 150, burst10);
      await expect(
        store.tryAcquireReporting!(key, 200, burst10, { at: 100, burst: 0, counted: 5 }),
      ).resolves.toEqual({ granted: true });
      // 2 at 0, the 3 HighLevel counted beyond them at 100, 1 at 150, 1 at 200.
      await expect(store.used(key, 200, 1000)).resolves.toBe(7);
      // A report whose burst window has passed adds nothing.
      await store.tryAcquireReporting!(key, 1300, burst10, { at: 200, burst: 0, counted: 10 });
      await expect(store.used(key, 1300, 1000)).resolves.toBe(1);
    });

    it('caps the daily window in the same call, and says what the cap was based on', async () => {
      const store = databaseRateLimitStore(database.db);
      const withDay = [
        { limit: 10, intervalMs: 1000 },
        { limit: 50, intervalMs: 100_000 },
      ];
      const key = freshKey();
      for (let i = 0; i < 3; i++) await store.tryAcquire(key, 0, withDay);
      const report = { at: 0, burst: 0, daily: 1 };
      await expect(
        store.tryAcquireReporting!(key, 10, withDay, { ...report, dailyRemaining: 0 }),
      ).resolves.toMatchObject({ granted: false, usedDaily: 3 });
      await expect(
        store.tryAcquireReporting!(key, 10, withDay, { ...report, dailyRemaining: 1 }),
      ).resolves.toEqual({ granted: true, usedDaily: 3 });
      // Granted since the report: not part of the count it is based on.
      await expect(
        store.tryAcquireReporting!(key, 20, withDay, { ...report, dailyRemaining: 1 }),
      ).resolves.toMatchObject({ granted: false, usedDaily: 3 });
    });

    it('never grants more than the limit to concurrent callers, across connection pools', async () => {
      const stores = [database, second ?? database].map((d) => databaseRateLimitStore(d.db));
      const key = freshKey();
      const windows = [{ limit: 10, intervalMs: 10_000 }];
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => stores[i % 2]!.tryAcquire(key, 1000, windows)),
      );
      expect(results.filter((r) => r.granted)).toHaveLength(10);
    });

    it('keeps two limiters on one database within one shared budget', async () => {
      const windows = [{ limit: 5, intervalMs: 300 }];
      const limiters = [database, second ?? database].map((d) =>
        createRateLimiter({ store: databaseRateLimitStore(d.db), windows }),
      );
      const key = freshKey();
      await Promise.all(Array.from({ length: 16 }, (_, i) => limiters[i % 2]!.acquire(key)));
      // The grants as the shared store recorded them: never more than 5 in any 300 ms.
      const rows = await database.db
        .selectFrom('rate_limit_requests')
        .select(['at', 'count'])
        .where('key', '=', key)
        .orderBy('at')
        .execute();
      const grants = rows.flatMap((r) => Array<number>(r.count).fill(Number(r.at)));
      expect(grants).toHaveLength(16);
      for (let i = 5; i < grants.length; i++) {
        expect(grants[i]! - grants[i - 5]!).toBeGreaterThanOrEqual(300);
      }
    });
  });

  describe.skipIf(!available)(`databaseLock [${name}]`, () => {
    let testDb: TestDatabase;
    let databases: Database[] = [];

    beforeAll(async () => {
      testDb = await createTestDatabase(name);
      const first = await openDatabase(testDb);
      await migrate(first.db);
      databases = name === 'postgres' ? [first, await openDatabase(testDb)] : [first];
    });
    afterAll(async () => {
      for (const d of databases) await d.close();
      await testDb?.drop();
    });

    it('lets one holder at a time run, across connection pools', async () => {
      const locks = databases.map(databaseLock);
      let inside = 0;
      let most = 0;
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          locks[i % locks.length]!('oauth:loc_1', async () => {
            inside++;
            most = Math.max(most, inside);
            await new Promise((r) => setTimeout(r, 20));
            order.push(i);
            inside--;
          }),
        ),
      );
      expect(most).toBe(1);
      expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('lets different names run at once and releases after a failure', async () => {
      const lock = databaseLock(databases[0]!);
      await expect(lock('a', () => Promise.reject(new Error('refresh failed')))).rejects.toThrow(
        'refresh failed',
      );
      let releaseA!: () => void;
      let aHolds!: () => void;
      const holding = new Promise<void>((r) => (aHolds = r));
      const a = lock(
        'a',
        () =>
          new Promise<void>((r) => {
            releaseA = r;
            aHolds();
          }),
      );
      await holding;
      // 'a' is held and not released: 'b' still runs.
      await expect(lock('b', () => Promise.resolve('b ran'))).resolves.toBe('b ran');
      releaseA();
      await a;
    });
  });
}
