/**
 * The `app-records` job handler: writes one app contact's latest version to HighLevel, then every
 * note and task of it with a change HighLevel does not have yet. A failure a retry may fix goes
 * back to the queue (the job runs again from the top, each write idempotent); a refusal marks the
 * record `failed` with HighLevel's words and tells the app, and the others go on.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import { findConnection } from '../highlevel/connectionStore.js';
import type { Logger } from '../logger.js';
import type { JobHandler, JobQueue } from '../queue/jobQueue.js';
import { findAppContact, type AppContactRow } from './contactStore.js';
import { pendingItems } from './itemStore.js';
import type { RecordContext } from './recordContext.js';
import { recordFailure } from './recordFailure.js';
import { APP_RECORDS_RETRY_LIMIT, type AppRecordsJobData } from './recordQueue.js';
import { recordSyncFailed, type FailedRecord } from './syncFailed.js';
import { writeAppContact } from './writeAppContact.js';
import { writeNote } from './writeNote.js';
import { writeTask } from './writeTask.js';

export interface AppRecordsJobDeps {
  db: Kysely<DB>;
  highLevel: HighLevelClients;
  /** For `contact.sync_failed`. */
  queue: JobQueue;
  logger: Logger;
}

/**
 * The queue's handler for `app-records` jobs.
 *
 * @example await queue.work(APP_RECORDS_QUEUE, appRecordsHandler({ db, highLevel, queue, logger }));
 */
export function appRecordsHandler(deps: AppRecordsJobDeps): JobHandler<AppRecordsJobData> {
  const { db } = deps;
  return async ({ data, retryCount }) => {
    const row = await findAppContact(db, data.workspaceId, data.externalId);
    // Deleted with its workspace.
    if (!row) return;
    const lastAttempt = retryCount >= APP_RECORDS_RETRY_LIMIT;
    const failed = async (record: FailedRecord, what: string, error: unknown) => {
      const failure = recordFailure(error, what);
      deps.logger.warn(
        { workspaceId: data.workspaceId, record: what, err: error, failure: failure.kind },
        'app record write failed',
      );
      if (failure.kind === 'retry' && !lastAttempt) throw error;
      const reason =
        failure.kind === 'retry'
          ? `${failure.reason} Gave up after ${retryCount + 1} attempts; PUT a new version to try again.`
          : failure.reason;
      await recordSyncFailed(db, deps.queue, record, reason);
    };

    const connection = await findConnection(db, data.workspaceId);
    if (!connection || connection.paused_reason !== null) {
      const why = connection
        ? `The GoHighLevel connection is paused: ${connection.paused_reason}`
        : 'The workspace is not connected to GoHighLevel.';
      const reason = `${why} Connect it (PUT /v1/workspaces/${data.workspaceId}/integrations/gohighlevel), then PUT a new version of the contact.`;
      await recordSyncFailed(db, deps.queue, { kind: 'contact', row }, reason);
      return;
    }
    const ctx: RecordContext = {
      db,
      hl: deps.highLevel.forConnection(connection),
      workspaceId: data.workspaceId,
      locationId: connection.location_id,
    };

    let contactId = row.location_id === ctx.locationId ? row.contact_id : null;
    if (contactNeedsWrite(row, contactId)) {
      try {
        contactId = await writeAppContact(ctx, row);
      } catch (error) {
        await failed({ kind: 'contact', row }, 'contact', error);
      }
    }
    // Without a contact in HighLevel, its notes and tasks wait for a version that writes it.
    if (!contactId) return;
    for (const item of await pendingItems(db, data.workspaceId, data.externalId)) {
      try {
        if (item.kind === 'note') await writeNote(ctx, contactId, item);
        else await writeTask(ctx, contactId, item);
      } catch (error) {
        await failed({ kind: 'item', row: item }, item.kind, error);
      }
    }
  };
}

/** A version HighLevel does not have yet, or a contact it has in another Location only. */
function contactNeedsWrite(row: AppContactRow, contactId: string | null): boolean {
  if (row.done_version === null || Number(row.version) > Number(row.done_version)) return true;
  return contactId === null && row.status === 'synced';
}
