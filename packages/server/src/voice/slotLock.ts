/**
 * Slot locks on (calendar, start instant), so concurrent callers of one slot queue and the losers
 * hear alternatives. A lock is a row under a unique key, so two requests (or two processes) can't
 * both hold it; a holder that died frees it when `expires_at` passes.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { lockStart } from './core/saga.js';
import type { VoiceContext } from './context.js';

/** Long enough for one booking's HighLevel requests; a crashed holder frees the slot after it. */
const LOCK_HOLD_MS = 60_000;
/** How long a second caller waits for the slot before hearing the alternatives. */
const LOCK_WAIT_MS = 3_000;
const LOCK_POLL_MS = 25;

export interface SlotLock {
  calendarId: string;
  start: string;
  holder: string;
}

/**
 * Takes the lock if it is free (or its holder's time ran out); `false` when someone holds it.
 *
 * @example if (await tryLockSlot(db, lock, now, 60_000)) { …; await releaseSlot(db, lock); }
 */
export async function tryLockSlot(
  db: Kysely<DB>,
  lock: SlotLock,
  now: Date,
  holdMs: number,
): Promise<boolean> {
  // One statement: a lock whose holder's time ran out is taken over in place. Of two requests
  // taking over the same expired lock, the second re-checks the row the first just renewed.
  const inserted = await db
    .insertInto('voice_slot_locks')
    .values({
      calendar_id: lock.calendarId,
      start_at: lock.start,
      holder: lock.holder,
      expires_at: new Date(now.getTime() + holdMs),
    })
    .onConflict((oc) =>
      oc
        .columns(['calendar_id', 'start_at'])
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          expires_at: eb.ref('excluded.expires_at'),
        }))
        .where('voice_slot_locks.expires_at', '<', now),
    )
    .returning('holder')
    .executeTakeFirst();
  return inserted?.holder === lock.holder;
}

/**
 * Frees the lock, only if this holder still has it.
 *
 * @example await releaseSlot(db, lock);
 */
export async function releaseSlot(db: Kysely<DB>, lock: SlotLock): Promise<void> {
  await releaseWrite(db, lock).execute();
}

/**
 * The statement that frees the lock, to run with others in one round trip (`settleBooking`).
 *
 * @example await writeTogether(db, [releaseWrite(db, lock)]);
 */
export function releaseWrite(db: Kysely<DB>, lock: SlotLock) {
  return db
    .deleteFrom('voice_slot_locks')
    .where('calendar_id', '=', lock.calendarId)
    .where('start_at', '=', lock.start)
    .where('holder', '=', lock.holder);
}

/**
 * A lock on `start`'s instant on the calendar, for this request alone.
 *
 * @example const lock = slotLock(calendarId, '2026-12-01T14:30:00-05:00');
 */
export function slotLock(calendarId: string, start: string): SlotLock {
  return { calendarId, start: lockStart(start), holder: randomUUID() };
}

/**
 * Takes the lock, waiting up to 3 seconds (on the context's clock) for its holder to let go;
 * `false` when it is still held then.
 *
 * @example if (!(await waitForLock(ctx, lock))) return slotTaken(await alternativesTo(ctx, slot));
 */
export async function waitForLock(ctx: VoiceContext, lock: SlotLock): Promise<boolean> {
  const { clock } = ctx;
  const deadline = clock.now() + LOCK_WAIT_MS;
  for (;;) {
    if (await tryLockSlot(ctx.db, lock, new Date(clock.now()), LOCK_HOLD_MS)) return true;
    if (clock.now() >= deadline) return false;
    await clock.sleep(LOCK_POLL_MS);
  }
}
