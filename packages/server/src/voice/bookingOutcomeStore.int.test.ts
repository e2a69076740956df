import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createWorkspace } from '../workspaces/workspaceStore.js';
import { appointmentIdFromHighLevel } from './core/outcomes.js';
import type { StoredOutcome } from './core/saga.js';
import { findOutcome, rememberOutcome, settleBooking } from './bookingOutcomeStore.js';
import { releaseSlot, tryLockSlot, type SlotLock } from './slotLock.js';

const HOLD_MS = 60_000;
const NY = 'America/New_York';
const T0 = new Date('2027-01-15T12:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
let slots = 0;
/** A lock on a slot no other test uses, for `holder`. */
const slotFor = () => {
  const start = `2027-02-01T${String(9 + (++slots % 8)).padStart(2, '0')}:${slots}0:00Z`;
  return (holder: string): SlotLock => ({ calendarId: `cal_${slots}`, start, holder });
};

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`slot locks [${name}]`, () => {
    let testDb: TestDatabase;
    let database: Database;
    /** On PostgreSQL, a second pool: another process booking the same slot. */
    let other: Database | undefined;

    beforeAll(async () => {
      testDb = await createTestDatabase(name);
      database = await openDatabase(testDb);
      await migrate(database.db);
      if (name === 'postgres') other = await openDatabase(testDb);
    });
    afterAll(async () => {
      await other?.close();
      await database?.close();
      await testDb?.drop();
    });

    it('lets one caller hold a slot until they release it', async () => {
      const slot = slotFor();
      const { db } = database;
      await expect(tryLockSlot(db, slot('ada'), T0, HOLD_MS)).resolves.toBe(true);
      await expect(tryLockSlot(db, slot('bob'), later(1_000), HOLD_MS)).resolves.toBe(false);
      await releaseSlot(db, slot('ada'));
      await expect(tryLockSlot(db, slot('bob'), later(2_000), HOLD_MS)).resolves.toBe(true);
    });

    it('frees a slot whose holder died once its time runs out, and only then', async () => {
      const slot = slotFor();
      const { db } = database;
      await expect(tryLockSlot(db, slot('crashed'), T0, HOLD_MS)).resolves.toBe(true);
      await expect(tryLockSlot(db, slot('bob'), later(HOLD_MS - 1), HOLD_MS)).resolves.toBe(false);
      await expect(tryLockSlot(db, slot('bob'), later(HOLD_MS + 1), HOLD_MS)).resolves.toBe(true);
      // The late holder's release must not free the lock it lost.
      await releaseSlot(db, slot('crashed'));
      await expect(tryLockSlot(db, slot('cy'), later(HOLD_MS + 2), HOLD_MS)).resolves.toBe(false);
    });

    it('settles a booking at once: the outcome stored, the slot free for the next caller', async () => {
      const slot = slotFor();
      const { db } = database;
      const { workspace } = await createWorkspace(db, { name: 'Spa', features: ['voice'] });
      const unconfirmed: StoredOutcome = { kind: 'unconfirmed', contactId: 'c_1', tags: [] };
      await expect(tryLockSlot(db, slot('ada'), T0, HOLD_MS)).resolves.toBe(true);
      await rememberOutcome(db, workspace.id, 'call-1', unconfirmed);

      const appointmentId = appointmentIdFromHighLevel({ id: 'apt_1' })!;
      const start = '2027-02-01T09:00:00-05:00';
      const answered: StoredOutcome = {
        kind: 'answered',
        result: { status: 'booked', appointmentId, contactId: 'c_1', start, timezone: NY },
      };
      await settleBooking(db, workspace.id, 'call-1', answered, slot('ada'));
      await expect(findOutcome(db, workspace.id, 'call-1')).resolves.toEqual(answered);
      await expect(tryLockSlot(db, slot('bob'), later(1_000), HOLD_MS)).resolves.toBe(true);

      // A holder that lost its lock still settles its outcome, and leaves the new holder's lock.
      await settleBooking(db, workspace.id, 'call-2', 'forget', slot('ada'));
      await expect(tryLockSlot(db, slot('cy'), later(2_000), HOLD_MS)).resolves.toBe(false);
      await settleBooking(db, workspace.id, 'call-1', 'forget', slot('bob'));
      await expect(findOutcome(db, workspace.id, 'call-1')).resolves.toBeUndefined();
      await expect(tryLockSlot(db, slot('cy'), later(3_000), HOLD_MS)).resolves.toBe(true);
    });

    it('gives an expired lock to exactly one of many callers taking it at once', async () => {
      const slot = slotFor();
      const { db } = database;
      await expect(tryLockSlot(db, slot('crashed'), T0, HOLD_MS)).resolves.toBe(true);
      const pools = [database, other ?? database];
      const attempts = Array.from({ length: 20 }, (_, i) =>
        tryLockSlot(pools[i % pools.length]!.db, slot(`caller_${i}`), later(HOLD_MS + 1), HOLD_MS),
      );
      const won = (await Promise.all(attempts)).filter(Boolean);
      expect(won).toHaveLength(1);
    });
  });
}
