/**
 * A record the bridge could not write to HighLevel for good: marked `failed` with why, and the
 * booking app told (`contact.sync_failed`, docs/webhooks-out.md#events) in the same transaction.
 * Only the failure of the record's current version is told: a newer one is still to be written.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { emitWebhookEvent } from '../webhooksOut/emit.js';
import { contactFailed, type AppContactRow } from './contactStore.js';
import { itemFailed, type AppItemRow } from './itemStore.js';

/** The record that failed: the contact, or one of its notes or tasks. */
export type FailedRecord =
  { kind: 'contact'; row: AppContactRow } | { kind: 'item'; row: AppItemRow };

/**
 * Marks `failed` failed with `reason` and tells the app; false when a newer version had come.
 *
 * @example await recordSyncFailed(db, queue, { kind: 'contact', row }, 'HighLevel refused …');
 */
export function recordSyncFailed(
  db: Kysely<DB>,
  queue: JobQueue,
  failed: FailedRecord,
  reason: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { row } = failed;
    const current =
      failed.kind === 'contact'
        ? await contactFailed(trx, failed.row, Number(failed.row.version), reason)
        : await itemFailed(trx, failed.row, Number(failed.row.revision), reason);
    if (!current) return false;
    await emitWebhookEvent(trx, queue, row.workspace_id, {
      type: 'contact.sync_failed',
      data: {
        workspaceId: row.workspace_id,
        externalId:
          failed.kind === 'contact' ? failed.row.external_id : failed.row.contact_external_id,
        record: failed.kind === 'contact' ? 'contact' : failed.row.kind,
        ...(failed.kind === 'item'
          ? { [`${failed.row.kind}Id`]: failed.row.external_id, deleted: failed.row.deleted }
          : {}),
        version: Number(row.version),
        error: reason,
      },
    });
    return true;
  });
}
