/**
 * The `app-records` queue: one job per accepted change of an app contact, its notes or its tasks
 * (`recordJob.ts` runs them). One job of a workspace's contact at a time, across every worker, so
 * the writes of one contact never interleave; a change that arrives while a job runs gets the job
 * after it, which finds whatever is still newer than what HighLevel has.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobQueue, QueueDefinition } from '../queue/jobQueue.js';

export const APP_RECORDS_QUEUE = 'app-records';

/** Attempts after the first before a write that keeps failing is marked failed. */
export const APP_RECORDS_RETRY_LIMIT = 6;

export const appRecordsQueue: QueueDefinition = {
  policy: 'singleton',
  retryLimit: APP_RECORDS_RETRY_LIMIT,
  retryDelaySeconds: 1,
  expireInSeconds: 120,
};

export interface AppRecordsJobData {
  workspaceId: string;
  /** The app's id of the contact. */
  externalId: string;
}

/**
 * Enqueues the sync of the app contact `externalId` in `trx`, with the change that needs it.
 *
 * @example await enqueueContactSync(trx, queue, 'ws_1', 'cust_42');
 */
export function enqueueContactSync(
  trx: Transaction<DB> | Kysely<DB>,
  queue: JobQueue,
  workspaceId: string,
  externalId: string,
): Promise<string> {
  return queue.enqueue<AppRecordsJobData>(
    trx,
    APP_RECORDS_QUEUE,
    { workspaceId, externalId },
    // Every key is one workspace's contact: the ids are the app's, unique only in its workspace.
    { singletonKey: JSON.stringify([workspaceId, externalId]) },
  );
}
