/**
 * The states the bridge's own writes leave HighLevel records in, remembered as already told: the
 * webhooks HighLevel sends for them (ContactUpdate, NoteCreate, TaskComplete, …) and the
 * reconciliation poll then find them known, and the booking app is not told of its own change as
 * if HighLevel had made it (`reconciliation/tellChange.ts`). Each state is computed from
 * HighLevel's answer with the functions the webhook and the poll use (`core/recordState.ts`), and
 * written as soon as the answer is in, before the bridge's next call.
 */
import type { Contact } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { contactState, instant, type RecordState } from '../reconciliation/core/recordState.js';
import { rememberState } from '../reconciliation/seenChangeStore.js';

/**
 * Remembers `state` of a record at `locationId` (a note's or task's `contactId` with it).
 *
 * @example await rememberWritten(db, 'loc_1', noteState('n_1', 'created'), 'c_1');
 */
export async function rememberWritten(
  db: Kysely<DB>,
  locationId: string,
  state: RecordState,
  contactId?: string,
): Promise<void> {
  await rememberState(db, locationId, state, {
    seenBy: 'bridge',
    webhookId: null,
    contactId,
    told: false,
  });
}

/**
 * The contact's state as HighLevel answered a write, ranked by its `dateUpdated` (the poll's
 * rank) and never below `after` (the state before it): a later state of the same write ranks
 * higher.
 *
 * @example const state = writtenContactState(contact, 0);
 */
export function writtenContactState(contact: Contact, after: number): RecordState {
  const updated = instant(contact.dateUpdated) ?? Date.now();
  return contactState(contact, Math.max(updated, after + 1));
}
