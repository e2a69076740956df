import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { VoiceContext } from './context.js';
import { slotLock, tryLockSlot, waitForLock } from './slotLock.js';

const T0 = Date.parse('2027-01-15T12:00:00Z');

/** A clock whose waits pass at once, moving its time forward: no real waiting in the test. */
function steppingClock(start: number) {
  let now = start;
  return {
    now: () => now,
    sleep: (ms: number) => {
      now += ms;
      return Promise.resolve();
    },
  };
}

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`waiting for a slot lock [${name}]`, () => {
    let testDb: TestDatabase;
    let database: Database;

    beforeAll(async () => {
      testDb = await createTestDatabase(name);
      database = await openDatabase(testDb);
      await migrate(database.db);
    });
    afterAll(async () => {
      await database?.close();
      await testDb?.drop();
    });

    it("gives up after 3 seconds of the context's clock, taking the lock at its time", async () => {
      const { db } = database;
      const held = slotLock('cal_wait', '2027-02-01T09:00:00-05:00');
      await expect(tryLockSlot(db, held, new Date(T0), 60_000)).resolves.toBe(true);
      const clock = steppingClock(T0);
      const ctx = { db, clock } as unknown as VoiceContext;
      const second = slotLock('cal_wait', '2027-02-01T14:00:00Z');
      expect(second.start).toBe(held.start);
      await expect(waitForLock(ctx, second)).resolves.toBe(false);
      expect(clock.now() - T0).toBeGreaterThanOrEqual(3_000);

      // Past the holder's 60 seconds on that clock, the lock is taken over at once.
      const later = { db, clock: steppingClock(T0 + 61_000) } as unknown as VoiceContext;
      await expect(waitForLock(later, second)).resolves.toBe(true);
    });
  });
}
