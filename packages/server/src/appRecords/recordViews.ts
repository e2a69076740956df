/**
 * App contacts, notes and tasks as the API shows them: the app's version, where its write to
 * HighLevel stands (`pending`, `synced`, `failed` with why) and the HighLevel ids.
 */
import type { RecordProblem } from './core/contactPhone.js';
import type { AppContactRow } from './contactStore.js';
import type { AppItemRow } from './itemStore.js';

/**
 * A note or task.
 *
 * @example itemView(row) // { id: 'note_1', version: 2, status: 'synced', highLevelId: 'n_1', … }
 */
export function itemView(row: AppItemRow) {
  return {
    id: row.external_id,
    version: Number(row.version),
    updatedAt: row.app_updated_at.toISOString(),
    status: row.status,
    error: row.error,
    highLevelId: row.highlevel_id,
    deleted: row.deleted,
  };
}

/**
 * A contact, with its notes and tasks when given.
 *
 * @example contactView(row, items) // { externalId: 'cust_42', version: 3, status: 'pending', … }
 */
export function contactView(row: AppContactRow, items: readonly AppItemRow[] = []) {
  return {
    externalId: row.external_id,
    version: Number(row.version),
    updatedAt: row.app_updated_at.toISOString(),
    status: row.status,
    error: row.error,
    contactId: row.contact_id,
    problems: row.problems as RecordProblem[],
    notes: items.filter((item) => item.kind === 'note').map(itemView),
    tasks: items.filter((item) => item.kind === 'task').map(itemView),
  };
}
