/**
 * The database side of the booking saga: outcomes under idempotency keys, and slot locks on
 * (calendar, start instant). A lock is a row under a unique key, so two requests (or two
 * processes) can't both hold it; a holder that died frees it when `expires_at` passes.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { writeTogether } from '../db/writeTogether.js';
import { storedOutcomeFromJson, type StoredOutcome } from '../voice/saga.js';

const parseJson = (value: unknown): unknown =>
  typeof value === 'string' ? (JSON.parse(value) as unknown) : value;

/** @example const outcome = await findOutcome(db, workspaceId, key); */
export async function findOutcome(
  db: Kysely<DB>,
  workspaceId: string,
  key: string,
): Promise<StoredOutcome | undefined> {
  const row = await db
    .selectFrom('voice_idempotency')
    .select('outcome')
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? storedOutcomeFromJson(parseJson(row.outcome)) : undefined;
}

/** @example await rememberOutcome(db, workspaceId, key, { kind: 'answered', result }); */
export async function rememberOutcome(
  db: Kysely<DB>,
  workspaceId: string,
  key: string,
  outcome: StoredOutcome,
): Promise<void> {
  await rememberWrite(db, workspaceId, key, outcome).execute();
}

function rememberWrite(db: Kysely<DB>, workspaceId: string, key: string, outcome: StoredOutcome) {
  const json = JSON.stringify(outcome);
  return db
    .insertInto('voice_idempotency')
    .values({ workspace_id: workspaceId, key, outcome: json })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'key']).doUpdateSet({ outcome: json, updated_at: new Date() }),
    );
}

/** @example await forgetOutcome(db, workspaceId, key); */
export async function forgetOutcome(db: Kysely<DB>, workspaceId: string, key: string) {
  await forgetWrite(db, workspaceId, key).execute();
}

function forgetWrite(db: Kysely<DB>, workspaceId: string, key: string) {
  return db
    .deleteFrom('voice_idempotency')
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key);
}

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
 * Ends a booking in one statement: stores its outcome under the key (or clears it: `forget`;
 * `keep` leaves it) and frees the slot lock when `lock` is given. One round trip on the caller's
 * answer path, and a duplicate of the call waiting for the lock never finds it free before the
 * outcome is stored.
 *
 * @example await settleBooking(db, workspaceId, key, { kind: 'answered', result }, lock);
 */
export async function settleBooking(
  db: Kysely<DB>,
  workspaceId: string,
  key: string,
  remember: StoredOutcome | 'forget' | 'keep',
  lock: SlotLock | undefined,
): Promise<void> {
  await writeTogether(db, [
    ...(remember === 'forget' ? [forgetWrite(db, workspaceId, key)] : []),
    ...(remember !== 'forget' && remember !== 'keep'
      ? [rememberWrite(db, workspaceId, key, remember)]
      : []),
    ...(lock ? [releaseWrite(db, lock)] : []),
  ]);
}

/** Frees the lock, only if this holder still has it. */
export async function releaseSlot(db: Kysely<DB>, lock: SlotLock): Promise<void> {
  await releaseWrite(db, lock).execute();
}

function releaseWrite(db: Kysely<DB>, lock: SlotLock) {
  return db
    .deleteFrom('voice_slot_locks')
    .where('calendar_id', '=', lock.calendarId)
    .where('start_at', '=', lock.start)
    .where('holder', '=', lock.holder);
}
