/**
 * The outcomes of the booking saga under their idempotency keys (call id + slot instant), so a
 * re-issued tool call gets the first answer (docs/architecture.md#voice-booking). An outcome is
 * stored as data (`StoredOutcome`); the words are said where the answer is given.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { writeTogether } from '../db/writeTogether.js';
import { storedOutcomeFromJson, type StoredOutcome } from './core/saga.js';
import { releaseWrite, type SlotLock } from './slotLock.js';

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
  // Data, not the sentence the caller heard: words are made only where an answer is given
  // (core/spokenResult.ts). A replay is word for word the first answer all the same: a
  // confirmation depends on the start and the caller's timezone alone, both stored, never on the
  // day it is said. Rows holding the sentence itself are read back with it
  // (`storedOutcomeFromJson`).
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
