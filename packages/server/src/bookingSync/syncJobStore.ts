/**
 * Sync jobs in the database (table `sync_jobs`) and on the queue: one row per booking change and
 * affected customer, with a status a user can read (`GET /v1/workspaces/:ws/sync-jobs`). The
 * pg-boss job only carries the row's id; the row says what to sync and how it went.
 *
 * This file creates jobs and queues them again (a reconnect, a retry); an attempt's start and end
 * are `syncJobAttempts.ts`, the reads for the API `syncJobListing.ts`. Every status change is
 * checked against the moves of `core/syncJobStates.ts` before it is written.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, SyncJobsTable } from '../db/schema.js';
import { connectedLocationId } from '../highlevel/connectionStore.js';
import { newId } from '../ids.js';
import { newQueueJobId, type JobQueue, type QueueDefinition } from '../queue/jobQueue.js';
import type { BookingCustomer } from './core/bookingEvent.js';
import type { LedgerBooking } from './core/ledger.js';
import { checkSyncJobMove } from './core/syncJobStates.js';
import { markBookingsPending } from './ledgerStore.js';

export { SYNC_JOB_STATUSES, type SyncJobStatus } from './core/syncJobStates.js';

export const CONTACT_SYNC_QUEUE = 'contact-sync';

/** Attempts after the first before a job that keeps failing is dead-lettered. */
export const CONTACT_SYNC_RETRY_LIMIT = 6;

export const contactSyncQueue: QueueDefinition = {
  // One job per Location+customer at a time: two bookings of one person never interleave.
  policy: 'singleton',
  retryLimit: CONTACT_SYNC_RETRY_LIMIT,
  retryDelaySeconds: 1,
  expireInSeconds: 120,
  // Attempts lost with a crashed worker never come back to the handler; without this, pg-boss
  // giving up on them would leave the row `running` forever.
  reportGivenUp: true,
};

export interface ContactSyncJobData {
  syncJobId: string;
}

/** Why a job failed for good: `credentials` jobs are retried after a reconnect. */
export type FailureKind = 'credentials' | 'rejected' | 'exhausted';

export type SyncJobRow = Selectable<SyncJobsTable>;

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The pg-boss singleton key: one job at a time per Location (or workspace) and customer.
 *
 * @example syncSingletonKey('loc_1', 'ada@example.com'); // 'loc_1:ada@example.com'
 */
export function syncSingletonKey(scope: string, customerKey: string): string {
  return `${scope}:${customerKey}`;
}

/**
 * Records a sync job and, when the workspace is connected, enqueues it in the same transaction.
 *
 * @example
 * await createSyncJob(trx, queue, { workspaceId, locationId, customerKey, customer, change });
 */
export async function createSyncJob(
  trx: Db,
  queue: JobQueue,
  input: {
    workspaceId: string;
    /** The connected Location, or undefined: the job waits for a connection. */
    locationId: string | undefined;
    customerKey: string;
    customer: BookingCustomer;
    previous: LedgerBooking | undefined;
    current: LedgerBooking;
    /** The `ghl-bridge backfill` run storing the booking, if one is. */
    backfillRun?: string | undefined;
  },
): Promise<SyncJobRow> {
  const status = input.locationId ? 'queued' : 'waiting_for_connection';
  checkSyncJobMove(null, status);
  // The queue job's id is chosen here, so the row names it from its insert: a booking post
  // spends no statement updating the row after the job is queued.
  const queueJobId = input.locationId ? newQueueJobId() : null;
  const row = await trx
    .insertInto('sync_jobs')
    .values({
      id: newId('sj'),
      queue_job_id: queueJobId,
      workspace_id: input.workspaceId,
      booking_id: input.current.id,
      version: input.current.version,
      customer_key: input.customerKey,
      customer: JSON.stringify(input.customer),
      previous: input.previous ? JSON.stringify(input.previous) : null,
      current: JSON.stringify(input.current),
      status,
      reason: null,
      failure_kind: null,
      contact_id: null,
      backfill_run: input.backfillRun ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.locationId && queueJobId) {
    await queue.enqueue<ContactSyncJobData>(
      trx,
      CONTACT_SYNC_QUEUE,
      { syncJobId: row.id },
      { singletonKey: syncSingletonKey(input.locationId, row.customer_key), id: queueJobId },
    );
  }
  return row;
}

async function enqueueSyncJob(
  trx: Db,
  queue: JobQueue,
  row: Pick<SyncJobRow, 'id' | 'customer_key'>,
  locationId: string,
): Promise<void> {
  const queueJobId = await queue.enqueue<ContactSyncJobData>(
    trx,
    CONTACT_SYNC_QUEUE,
    { syncJobId: row.id },
    { singletonKey: syncSingletonKey(locationId, row.customer_key) },
  );
  await trx
    .updateTable('sync_jobs')
    .set({ queue_job_id: queueJobId })
    .where('id', '=', row.id)
    .execute();
}

/**
 * After a (re)connect: enqueues the jobs that waited for a connection and those dead-lettered
 * for credentials. Returns how many were enqueued.
 *
 * @example const resumed = await resumeSyncJobs(trx, queue, workspaceId, locationId);
 */
export async function resumeSyncJobs(
  trx: Db,
  queue: JobQueue,
  workspaceId: string,
  locationId: string,
): Promise<number> {
  checkSyncJobMove('waiting_for_connection', 'queued');
  checkSyncJobMove('paused', 'queued');
  checkSyncJobMove('failed', 'queued');
  const rows = await trx
    .updateTable('sync_jobs')
    .set({ status: 'queued', reason: null, failure_kind: null, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['waiting_for_connection', 'paused']),
        eb.and([eb('status', '=', 'failed'), eb('failure_kind', '=', 'credentials')]),
      ]),
    )
    .returning(['id', 'customer_key', 'booking_id', 'version'])
    .execute();
  for (const row of rows) await enqueueSyncJob(trx, queue, row, locationId);
  await markBookingsPending(trx, workspaceId, rows);
  return rows.length;
}

/**
 * Puts one failed job back in the queue, or makes it wait for a connection when the workspace has
 * none, in one transaction; undefined when there is no such failed job in the workspace.
 *
 * @example const row = await retrySyncJob(db, queue, workspaceId, 'sj_1');
 */
export function retrySyncJob(
  db: Kysely<DB>,
  queue: JobQueue,
  workspaceId: string,
  jobId: string,
): Promise<SyncJobRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const locationId = await connectedLocationId(trx, workspaceId);
    const status = locationId ? 'queued' : 'waiting_for_connection';
    checkSyncJobMove('failed', status);
    const row = await trx
      .updateTable('sync_jobs')
      .set({ status, reason: null, failure_kind: null, updated_at: new Date() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', jobId)
      .where('status', '=', 'failed')
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    if (locationId) await enqueueSyncJob(trx, queue, row, locationId);
    await markBookingsPending(trx, workspaceId, [row]);
    return row;
  });
}
