/**
 * The handoffs of voice calls (`voice_handoffs`, migration 0029): one row per call, which is both
 * "this call already handed off" and the journal of its alert (told, task made or skipped).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, VoiceHandoffsTable } from '../../db/schema.js';
import type { HandoffRecord } from './core/handoffAlert.js';

/** A stored handoff and how far its alert got. */
export interface StoredHandoff extends HandoffRecord {
  /** When the call was handed off. */
  at: Date;
  told: boolean;
  taskStarted: boolean;
  taskId?: string;
  taskSkipped?: string;
}

type Row = Selectable<VoiceHandoffsTable>;

function fromRow(row: Row): StoredHandoff {
  return {
    workspaceId: row.workspace_id,
    callId: row.call_id,
    reason: row.reason,
    transferred: row.transferred,
    at: new Date(row.created_at),
    ...(row.detail !== null ? { detail: row.detail } : {}),
    ...(row.caller_number !== null ? { callerNumber: row.caller_number } : {}),
    ...(row.contact_id !== null ? { contactId: row.contact_id } : {}),
    told: row.told_at !== null,
    taskStarted: row.task_started_at !== null,
    ...(row.task_id !== null ? { taskId: row.task_id } : {}),
    ...(row.task_skipped !== null ? { taskSkipped: row.task_skipped } : {}),
  };
}

/**
 * Stores the call's handoff unless it has one; true when this one was stored (and so is the one
 * to alert about).
 *
 * @example if (await claimHandoff(db, record)) await raiseHandoffAlert(ctx, record.callId);
 */
export async function claimHandoff(db: Kysely<DB>, record: HandoffRecord): Promise<boolean> {
  const inserted = await db
    .insertInto('voice_handoffs')
    .values({
      workspace_id: record.workspaceId,
      call_id: record.callId,
      reason: record.reason,
      detail: record.detail ?? null,
      transferred: record.transferred,
      caller_number: record.callerNumber ?? null,
      contact_id: record.contactId ?? null,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'call_id']).doNothing())
    .returning('call_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** @example const handoff = await findHandoff(db, 'ws_1', 'call_8f2a'); */
export async function findHandoff(
  db: Kysely<DB>,
  workspaceId: string,
  callId: string,
): Promise<StoredHandoff | undefined> {
  const row = await db
    .selectFrom('voice_handoffs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('call_id', '=', callId)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

const theHandoff = (db: Kysely<DB>, handoff: Pick<HandoffRecord, 'workspaceId' | 'callId'>) =>
  db
    .updateTable('voice_handoffs')
    .where('workspace_id', '=', handoff.workspaceId)
    .where('call_id', '=', handoff.callId);

/**
 * Marks the handoff told, in `trx` (the transaction that stores the event's deliveries); false
 * when it was told already, so the event is never stored twice.
 *
 * @example if (await markTold(trx, handoff)) await emitWebhookEvent(trx, queue, ws, event);
 */
export async function markTold(trx: Transaction<DB>, handoff: HandoffRecord): Promise<boolean> {
  const updated = await theHandoff(trx, handoff)
    .set({ told_at: new Date() })
    .where('told_at', 'is', null)
    .returning('call_id')
    .executeTakeFirst();
  return updated !== undefined;
}

/** @example await rememberContact(db, handoff, 'c_1'); */
export async function rememberContact(db: Kysely<DB>, handoff: HandoffRecord, contactId: string) {
  await theHandoff(db, handoff).set({ contact_id: contactId }).execute();
}

/** Written before the task's create: a retry that finds it looks for the task first. */
export async function markTaskStarted(db: Kysely<DB>, handoff: HandoffRecord) {
  await theHandoff(db, handoff).set({ task_started_at: new Date() }).execute();
}

/** @example await taskDone(db, handoff, { taskId: task.id }); */
export async function taskDone(
  db: Kysely<DB>,
  handoff: HandoffRecord,
  done: { taskId: string } | { skipped: string },
) {
  await theHandoff(db, handoff)
    .set('taskId' in done ? { task_id: done.taskId } : { task_skipped: done.skipped })
    .execute();
}
