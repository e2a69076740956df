/**
 * Telling the booking app of a change made in HighLevel, once: the webhook job and the
 * reconciliation poll both come through here, and only the first to write the change's state
 * (`highlevel_changes`) tells; the other tells nothing. The event's id is derived from the
 * state, so it is the same whoever tells it.
 */
import type { Transaction } from 'kysely';
import { appEventExtras } from '../appRecords/appEventExtras.js';
import type { DB } from '../db/schema.js';
import { appEventOf } from '../highlevelWebhooks/core/appEvent.js';
import { stableId } from '../ids.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { emitWebhookEvent } from '../webhooksOut/emit.js';
import type { RecordChange } from './core/known.js';
import type { RecordState } from './core/recordState.js';
import { rememberState } from './seenChangeStore.js';

/** A change seen by a webhook or by the poll, with the state it leaves its record in. */
export interface SeenChange {
  state: RecordState;
  change: RecordChange;
  /** The webhook that brought it; null when the poll found it. */
  webhookId: string | null;
  /** False: remember the state without telling (what was there before the first poll). */
  tell: boolean;
  /** The record's fields as HighLevel holds them now (the webhook's payload, the poll's read). */
  record?: Readonly<Record<string, unknown>>;
}

/**
 * The id of the app event that tells `workspaceId` of `state`: the same every time.
 *
 * @example appEventId('ws_1', 'loc_1', { kind: 'task', id: 't1', fingerprint: 'completed', rank: 2 }) // 'evt_…'
 */
export function appEventId(workspaceId: string, locationId: string, state: RecordState): string {
  return stableId(
    'evt',
    [workspaceId, locationId, state.kind, state.id, state.fingerprint].join('\n'),
  );
}

/**
 * What became of a change: `told` to the app, `remembered` (news, but nothing to tell: a contact
 * created, a task open before the first poll), or already `known`.
 */
export type Telling = 'told' | 'remembered' | 'known';

/**
 * Records `seen` and, when it is news (neither seen before nor older than a state seen), tells
 * the app of each of `workspaceIds`, in `trx`.
 *
 * @example
 * await db.transaction().execute((trx) => tellChange(trx, queue, ['ws_1'], seen)); // 'told'
 */
export async function tellChange(
  trx: Transaction<DB>,
  queue: JobQueue,
  workspaceIds: readonly string[],
  seen: SeenChange,
): Promise<Telling> {
  const { change, state } = seen;
  const appEvent = seen.tell ? appEventOf(change, seen.webhookId) : undefined;
  const news = await rememberState(trx, change.locationId, state, {
    seenBy: seen.webhookId === null ? 'reconciliation' : 'webhook',
    webhookId: seen.webhookId,
    contactId: change.kind === 'contact' ? undefined : change.contactId,
    told: appEvent !== undefined,
  });
  if (!news) return 'known';
  if (!appEvent) return 'remembered';
  for (const workspaceId of workspaceIds) {
    // The app's own ids and the new values, by the conflict rule of the records it keeps.
    const extras = await appEventExtras(trx, workspaceId, change, seen.record);
    if (!extras.tell) continue;
    await emitWebhookEvent(trx, queue, workspaceId, {
      ...appEvent,
      data: { ...appEvent.data, ...extras.data },
      id: appEventId(workspaceId, change.locationId, state),
    });
  }
  return 'told';
}
