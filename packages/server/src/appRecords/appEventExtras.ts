/**
 * What the booking app is told of a change made in HighLevel to a record it keeps: the app's own
 * ids (`externalId`, and a note's or task's `contactExternalId`), and the record's new values
 * (a contact's changed fields, a note's body, a task's title, due date and completion). A
 * contact's fields go by the rule of `core/highLevelEdits.ts`: a HighLevel edit older than the
 * app's later write of the field is not told, and a change made of nothing else is not told at
 * all. Records the app does not keep are told with their values only.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RecordChange } from '../reconciliation/core/known.js';
import { instant } from '../reconciliation/core/recordState.js';
import { recordHighLevelEdits } from './contactStore.js';
import { highLevelEdits } from './core/highLevelEdits.js';

type Fields = Readonly<Record<string, unknown>>;

export interface AppEventExtras {
  /** False: the change is outdated by the app's own later write; nothing is told. */
  tell: boolean;
  data: Record<string, unknown>;
}

/** The values of a note or task the app is told, as HighLevel sent them. */
const ITEM_VALUES = { note: ['body'], task: ['title', 'body', 'dueDate', 'completed'] } as const;

function itemValues(kind: 'note' | 'task', record: Fields | undefined): Record<string, unknown> {
  if (!record) return {};
  const values = ITEM_VALUES[kind].filter((key) => record[key] !== undefined);
  return values.length > 0 ? { fields: Object.fromEntries(values.map((k) => [k, record[k]])) } : {};
}

async function contactExtras(
  trx: Transaction<DB>,
  workspaceId: string,
  change: Extract<RecordChange, { kind: 'contact' }>,
  record: Fields | undefined,
): Promise<AppEventExtras> {
  const row = await trx
    .selectFrom('app_contacts')
    .select(['external_id', 'field_writes'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', change.id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return { tell: true, data: {} };
  const data = { externalId: row.external_id };
  if (change.action !== 'updated' || !record) return { tell: true, data };
  const at = instant(record.dateUpdated) ?? instant(record.timestamp) ?? Date.now();
  const edits = highLevelEdits(record, new Date(at), row.field_writes);
  const changedNames = Object.keys(edits.changed) as (keyof typeof edits.changed)[];
  if (changedNames.length > 0) {
    const delta = Object.fromEntries(changedNames.map((name) => [name, edits.writes[name]]));
    await recordHighLevelEdits(trx, workspaceId, change.id, delta);
  }
  const outdatedOnly = changedNames.length === 0 && edits.outdated.length > 0;
  return { tell: !outdatedOnly, data: { ...data, fields: edits.changed } };
}

/**
 * @example const extras = await appEventExtras(trx, 'ws_1', change, webhookPayload);
 */
export async function appEventExtras(
  trx: Transaction<DB>,
  workspaceId: string,
  change: RecordChange,
  record: Fields | undefined,
): Promise<AppEventExtras> {
  if (change.kind === 'contact') return contactExtras(trx, workspaceId, change, record);
  if (change.kind === 'appointment') return { tell: true, data: {} };
  const row = await trx
    .selectFrom('app_contact_items')
    .select(['external_id', 'contact_external_id'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', change.kind)
    .where('highlevel_id', '=', change.id)
    .executeTakeFirst();
  const ids = row
    ? { externalId: row.external_id, contactExternalId: row.contact_external_id }
    : {};
  return { tell: true, data: { ...ids, ...itemValues(change.kind, record) } };
}
