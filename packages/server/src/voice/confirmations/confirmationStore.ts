/**
 * The confirmations recorded for each change (table `voice_confirmations`, migration 0028): one
 * row per workspace, appointment, change and channel, made before anything is sent, so a repeated
 * tool call or job finds it. A send is claimed by counting its attempt; two runs that read the
 * same row cannot both claim it.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ConfirmationChannel } from '../core/settings.js';
import type { DB, VoiceConfirmationsTable } from '../../db/schema.js';
import { newId } from '../../ids.js';
import type { ChangeKind } from './core/change.js';

export type ConfirmationRow = Selectable<VoiceConfirmationsTable>;
export type ConfirmationStatus = ConfirmationRow['status'];

export const CONFIRMATION_STATUSES = [
  'waiting',
  'sending',
  'sent',
  'failed',
  'skipped',
] as const satisfies readonly ConfirmationStatus[];

/**
 * Whether nothing more is to be done for a row in `status`.
 *
 * @example isSettled('waiting'); // false
 */
export function isSettled(status: ConfirmationStatus): boolean {
  return status === 'sent' || status === 'failed' || status === 'skipped';
}

/** The longest error kept: HighLevel's message, not a page of it. */
const MAX_ERROR = 500;
const clip = (text: string) =>
  text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text;

/** Which change of which appointment, in which workspace. */
export interface ChangeRef {
  workspaceId: string;
  appointmentId: string;
  /** `changeKey` of the change. */
  change: string;
}

/** @example const rows = await confirmationsOf(db, { workspaceId, appointmentId, change: 'booked' }); */
export function confirmationsOf(db: Kysely<DB>, ref: ChangeRef): Promise<ConfirmationRow[]> {
  return db
    .selectFrom('voice_confirmations')
    .selectAll()
    .where('workspace_id', '=', ref.workspaceId)
    .where('appointment_id', '=', ref.appointmentId)
    .where('change', '=', ref.change)
    .orderBy('channel')
    .execute();
}

/** A confirmation to record, with its words and what happens to it first. */
export interface NewConfirmation {
  kind: ChangeKind;
  channel: ConfirmationChannel;
  contactId: string;
  status: 'waiting' | 'sending' | 'skipped';
  subject: string | null;
  body: string;
  sendAfter?: Date;
  /** Why it is skipped. */
  reason?: string;
}

/**
 * Records the confirmations not recorded yet; one already there for its channel is kept as it is.
 *
 * @example await recordConfirmations(db, ref, [{ kind: 'booked', channel: 'sms', contactId, status: 'sending', subject: null, body }]);
 */
export async function recordConfirmations(
  db: Kysely<DB>,
  ref: ChangeRef,
  confirmations: readonly NewConfirmation[],
): Promise<void> {
  if (confirmations.length === 0) return;
  await db
    .insertInto('voice_confirmations')
    .values(
      confirmations.map((c) => ({
        id: newId('vcf'),
        workspace_id: ref.workspaceId,
        appointment_id: ref.appointmentId,
        change: ref.change,
        kind: c.kind,
        channel: c.channel,
        contact_id: c.contactId,
        status: c.status,
        subject: c.subject,
        body: c.body,
        send_after: c.sendAfter ?? null,
        last_error: c.reason ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'appointment_id', 'change', 'channel']).doNothing(),
    )
    .execute();
}

/**
 * Claims the row for one attempt: counts it and marks the row `sending`; false when another run
 * changed the row since it was read (that run has it).
 *
 * @example if (await claimAttempt(db, row)) await send(row);
 */
export async function claimAttempt(db: Kysely<DB>, row: ConfirmationRow): Promise<boolean> {
  const result = await db
    .updateTable('voice_confirmations')
    .set({
      status: 'sending',
      attempts: row.attempts + 1,
      send_after: null,
      updated_at: new Date(),
    })
    .where('id', '=', row.id)
    .where('attempts', '=', row.attempts)
    .where('status', '=', row.status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** @example await markSent(db, row.id, messageId, new Date()); */
export async function markSent(
  db: Kysely<DB>,
  id: string,
  messageId: string | null,
  at: Date,
): Promise<void> {
  await db
    .updateTable('voice_confirmations')
    .set({ status: 'sent', message_id: messageId, sent_at: at, last_error: null, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Keeps the row `sending` with why the attempt failed: a retry will send it (after looking for
 * it in the conversation, in case it went).
 *
 * @example await markRetry(db, row.id, 'HighLevel answered 503');
 */
export async function markRetry(db: Kysely<DB>, id: string, reason: string): Promise<void> {
  await db
    .updateTable('voice_confirmations')
    .set({ last_error: clip(reason), updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/** @example await markWaiting(db, row, quietEnd); */
export async function markWaiting(db: Kysely<DB>, row: ConfirmationRow, until: Date) {
  await db
    .updateTable('voice_confirmations')
    .set({ status: 'waiting', send_after: until, updated_at: new Date() })
    .where('id', '=', row.id)
    .where('status', 'in', ['waiting', 'sending'])
    .execute();
}

/**
 * Marks the row failed for good with why; false when it was settled already.
 *
 * @example if (await markFailed(trx, row.id, reason)) await tellFailure(trx, row);
 */
export async function markFailed(db: Kysely<DB>, id: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('voice_confirmations')
    .set({ status: 'failed', last_error: clip(reason), send_after: null, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', ['waiting', 'sending'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ConfirmationFilter {
  appointmentId?: string;
  status?: ConfirmationStatus;
  limit: number;
}

/**
 * The workspace's confirmations, newest first.
 *
 * @example const rows = await listConfirmations(db, ws, { status: 'failed', limit: 50 });
 */
export function listConfirmations(
  db: Kysely<DB>,
  workspaceId: string,
  filter: ConfirmationFilter,
): Promise<ConfirmationRow[]> {
  let query = db
    .selectFrom('voice_confirmations')
    .selectAll()
    .where('workspace_id', '=', workspaceId);
  if (filter.appointmentId) query = query.where('appointment_id', '=', filter.appointmentId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/**
 * A row as the API shows it.
 *
 * @example rows.map(confirmationView);
 */
export function confirmationView(row: ConfirmationRow) {
  const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
  return {
    id: row.id,
    appointmentId: row.appointment_id,
    contactId: row.contact_id,
    change: row.change,
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    subject: row.subject,
    body: row.body,
    messageId: row.message_id,
    sendAfter: iso(row.send_after),
    sentAt: iso(row.sent_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}
