/**
 * Sync jobs in the database: one row per booking change and affected customer, with an explicit
 * status a user can read (`GET /v1/workspaces/:ws/sync-jobs`). The pg-boss job only carries the
 * row's id; the row says what to sync and how it went.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DB, SyncJobsTable } from '../db/schema.js';
import type { ConnectionRow } from '../gohighlevel/connectionStore.js';
import { newId } from '../ids.js';
import { newQueueJobId, type JobQueue, type QueueDefinition } from '../queue/jobQueue.js';
import { customerKey, type BookingCustomer } from '../sync/bookingEvent.js';
import type { LedgerBooking } from '../sync/ledger.js';
import {
  customerQuery,
  fieldIdsQuery,
  type CustomerRow,
  type FieldIdRow,
} from './customerStore.js';
import { writeTogether, type Write } from '../db/writeTogether.js';
import { journalRowsQuery, type JournalRow } from './journal.js';

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

export const SYNC_JOB_STATUSES = [
  'queued',
  'running',
  'retrying',
  'waiting_for_connection',
  'done',
  'failed',
] as const;
export type SyncJobStatus = (typeof SYNC_JOB_STATUSES)[number];

/** Why a job failed for good: `credentials` jobs are retried after a reconnect. */
export type FailureKind = 'credentials' | 'rejected' | 'exhausted';

export type SyncJobRow = Selectable<SyncJobsTable>;

type Db = Kysely<DB> | Transaction<DB>;

/** The pg-boss singleton key: one job at a time per Location (or workspace) and customer. */
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
  },
): Promise<SyncJobRow> {
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
      status: input.locationId ? 'queued' : 'waiting_for_connection',
      reason: null,
      failure_kind: null,
      contact_id: null,
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
 */
export async function resumeSyncJobs(
  trx: Db,
  queue: JobQueue,
  workspaceId: string,
  locationId: string,
): Promise<number> {
  const rows = await trx
    .updateTable('sync_jobs')
    .set({ status: 'queued', reason: null, failure_kind: null, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'waiting_for_connection'),
        eb.and([eb('status', '=', 'failed'), eb('failure_kind', '=', 'credentials')]),
      ]),
    )
    .returning(['id', 'customer_key', 'booking_id', 'version'])
    .execute();
  for (const row of rows) await enqueueSyncJob(trx, queue, row, locationId);
  await markBookingsPending(trx, workspaceId, rows);
  return rows.length;
}

/** Puts one failed job back in the queue; undefined when it is not failed. */
export async function retrySyncJob(
  trx: Db,
  queue: JobQueue,
  workspaceId: string,
  jobId: string,
  locationId: string | undefined,
): Promise<SyncJobRow | undefined> {
  const row = await trx
    .updateTable('sync_jobs')
    .set({
      status: locationId ? 'queued' : 'waiting_for_connection',
      reason: null,
      failure_kind: null,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', jobId)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  if (locationId) await enqueueSyncJob(trx, queue, row, locationId);
  await markBookingsPending(trx, workspaceId, [row]);
  return row;
}

async function markBookingsPending(
  trx: Db,
  workspaceId: string,
  rows: Array<Pick<SyncJobRow, 'booking_id' | 'version'>>,
): Promise<void> {
  for (const row of rows) {
    await trx
      .updateTable('bookings')
      .set({ sync_state: 'pending' })
      .where('workspace_id', '=', workspaceId)
      .where('booking_id', '=', row.booking_id)
      .where('version', '=', Number(row.version))
      .where('sync_state', '!=', 'synced')
      .execute();
  }
}

/**
 * The status of each job in `ids` that exists, for watching a batch of jobs (a backfill's) reach
 * an end.
 *
 * @example const statuses = await syncJobStatuses(db, ['sj_1', 'sj_2']); // Map { 'sj_1' => 'done', … }
 */
export async function syncJobStatuses(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, SyncJobStatus>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('sync_jobs')
    .select(['id', 'status'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.status as SyncJobStatus]));
}

export function findSyncJob(db: Db, id: string): Promise<SyncJobRow | undefined> {
  return db.selectFrom('sync_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What of the workspace's connection a sync job uses (the key only ever sealed). */
export type SyncConnection = Pick<
  ConnectionRow,
  'workspace_id' | 'location_id' | 'api_key_ciphertext' | 'api_key_key_id'
>;

/** What an attempt of a sync job starts from. */
export interface SyncJobClaim {
  /** The job as it was found, before it was marked running. */
  job: SyncJobRow;
  /** The workspace's connection; without one, the job was not started. */
  connection: SyncConnection | undefined;
  /** The workspace's own name prefixes (null: the server's). */
  prefixes: { fieldPrefix: string | null; tagPrefix: string | null };
  /** What earlier attempts and syncs left: the job's journal, the customer's cache, field ids. */
  stored: { journal: JournalRow[]; customer: CustomerRow | undefined; fieldIds: FieldIdRow[] };
  /** Every booking of the job's customer in the ledger. */
  bookings: LedgerBooking[];
}

/**
 * Starts an attempt of a sync job: marks it running (counting the attempt) when it is unfinished
 * and its workspace is connected, and reads everything the sync needs, in one statement. A job
 * makes two or three HighLevel calls, and PostgreSQL's cost is mostly per statement, not per row
 * (bench/scale.bench.ts): the eight reads and writes this replaces cost more than the calls.
 * Undefined when the job is gone (deleted with its workspace) or finished (done, or failed for
 * good).
 *
 * @example
 * const claim = await claimSyncJob(db, syncJobId);
 * if (claim?.connection) await syncContact({ ... });
 */
export async function claimSyncJob(db: Kysely<DB>, id: string): Promise<SyncJobClaim | undefined> {
  const now = new Date();
  const row = await db
    .with('job', (qc) => qc.selectFrom('sync_jobs').selectAll().where('id', '=', id))
    // Runs once whether or not the select below reads it; `job` is the row as it was before.
    .with('started', (qc) =>
      qc
        .updateTable('sync_jobs')
        .set((eb) => ({
          status: 'running',
          reason: null,
          failure_kind: null,
          attempts: eb('attempts', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', id)
        .where('status', 'not in', ['done', 'failed'])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('gohighlevel_connections as c')
              .select('c.workspace_id')
              .whereRef('c.workspace_id', '=', 'sync_jobs.workspace_id'),
          ),
        )
        .returning('id'),
    )
    .selectFrom('job')
    .leftJoin('gohighlevel_connections as c', 'c.workspace_id', 'job.workspace_id')
    .leftJoin('workspaces as w', 'w.id', 'job.workspace_id')
    .selectAll('job')
    .select([
      'c.location_id as connection_location_id',
      'c.api_key_ciphertext',
      'c.api_key_key_id',
      'w.booking_field_prefix',
      'w.booking_tag_prefix',
      jsonArrayFrom(journalRowsQuery(db, sql.ref<string>('job.id'))).as('journal'),
      jsonObjectFrom(
        customerQuery(db, sql.ref<string>('job.workspace_id'), sql.ref<string>('job.customer_key')),
      ).as('customer_row'),
      jsonArrayFrom(fieldIdsQuery(db, sql.ref<string>('job.workspace_id'))).as('field_ids'),
      // The ledger's rows for the customer (`bookingsOfCustomer` in bookings/bookingStore.ts).
      jsonArrayFrom(
        db
          .selectFrom('bookings')
          .select('payload')
          .where('workspace_id', '=', sql.ref<string>('job.workspace_id'))
          .where('customer_key', '=', sql.ref<string>('job.customer_key')),
      ).as('bookings'),
    ])
    .executeTakeFirst();
  if (!row || row.status === 'done' || row.status === 'failed') return undefined;
  const {
    connection_location_id: locationId,
    api_key_ciphertext: ciphertext,
    api_key_key_id: keyId,
    booking_field_prefix: fieldPrefix,
    booking_tag_prefix: tagPrefix,
    journal,
    customer_row: customer,
    field_ids: fieldIds,
    bookings,
    ...job
  } = row;
  return {
    job,
    connection:
      locationId !== null && ciphertext !== null && keyId !== null
        ? {
            workspace_id: job.workspace_id,
            location_id: locationId,
            api_key_ciphertext: ciphertext,
            api_key_key_id: keyId,
          }
        : undefined,
    prefixes: { fieldPrefix, tagPrefix },
    stored: { journal, customer: customer ?? undefined, fieldIds },
    bookings: bookings.map((booking) => booking.payload as LedgerBooking),
  };
}

export interface SyncJobListing {
  status?: SyncJobStatus;
  bookingId?: string;
  /** Resume after this job (the last of the previous page). */
  after?: string;
  limit: number;
}

/**
 * One page of a workspace's jobs, newest first (by creation, then id, so a page boundary never
 * skips or repeats a job created in the same instant), and whether more follow; undefined when
 * `after` names no job of this workspace.
 *
 * @example const page = await listSyncJobs(db, workspaceId, { status: 'failed', limit: 50 });
 */
export async function listSyncJobs(
  db: Db,
  workspaceId: string,
  listing: SyncJobListing,
): Promise<{ jobs: SyncJobRow[]; more: boolean } | undefined> {
  let query = db.selectFrom('sync_jobs').selectAll().where('workspace_id', '=', workspaceId);
  if (listing.status) query = query.where('status', '=', listing.status);
  if (listing.bookingId) query = query.where('booking_id', '=', listing.bookingId);
  if (listing.after !== undefined) {
    const after = await db
      .selectFrom('sync_jobs')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', listing.after)
      .executeTakeFirst();
    if (!after) return undefined;
    // Compared in SQL: a JavaScript Date would round created_at's microseconds away.
    query = query.where(
      sql<boolean>`(created_at, id) < (select p.created_at, p.id from sync_jobs p where p.id = ${after.id})`,
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(listing.limit + 1)
    .execute();
  return { jobs: rows.slice(0, listing.limit), more: rows.length > listing.limit };
}

/**
 * How many of a workspace's jobs are in each status, every status named (0 when none).
 *
 * @example await countSyncJobs(db, workspaceId); // { queued: 0, running: 1, …, failed: 2 }
 */
export async function countSyncJobs(
  db: Db,
  workspaceId: string,
): Promise<Record<SyncJobStatus, number>> {
  const rows = await db
    .selectFrom('sync_jobs')
    .select((eb) => ['status', eb.fn.countAll<string | number>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(SYNC_JOB_STATUSES.map((status) => [status, 0])) as Record<
    SyncJobStatus,
    number
  >;
  for (const row of rows) {
    if (row.status in counts) counts[row.status as SyncJobStatus] = Number(row.count);
  }
  return counts;
}

/** A status to give a job, with what goes with it. */
export interface SyncJobStatusUpdate {
  status: SyncJobStatus;
  reason?: string | null;
  failureKind?: FailureKind | null;
  contactId?: string;
  countAttempt?: boolean;
}

/**
 * The writes that give a job its status (and reason); a job of the booking's own customer
 * carries its outcome to the booking's `sync_state`. Not run yet: for `setSyncJobStatus`, or to go
 * into one statement with a sync's last writes.
 */
export function syncJobStatusWrites(
  db: Kysely<DB>,
  job: SyncJobRow,
  update: SyncJobStatusUpdate,
): Write[] {
  const writes: Write[] = [
    db
      .updateTable('sync_jobs')
      .set((eb) => ({
        status: update.status,
        reason: update.reason ?? null,
        failure_kind: update.failureKind ?? null,
        ...(update.contactId ? { contact_id: update.contactId } : {}),
        ...(update.countAttempt ? { attempts: eb('attempts', '+', 1) } : {}),
        updated_at: new Date(),
      }))
      .where('id', '=', job.id),
  ];
  const bookingState: Partial<Record<SyncJobStatus, string>> = {
    done: 'synced',
    failed: 'failed',
    waiting_for_connection: 'waiting_for_connection',
  };
  const state = bookingState[update.status];
  if (state && isOwnCustomerJob(job)) {
    writes.push(
      db
        .updateTable('bookings')
        .set({ sync_state: state, ...(update.contactId ? { contact_id: update.contactId } : {}) })
        .where('workspace_id', '=', job.workspace_id)
        .where('booking_id', '=', job.booking_id)
        .where('version', '=', Number(job.version)),
    );
  }
  return writes;
}

/**
 * Sets a job's status (and reason); a job of the booking's own customer carries its outcome to
 * the booking's `sync_state`, in the same statement.
 */
export async function setSyncJobStatus(
  db: Kysely<DB>,
  job: SyncJobRow,
  update: SyncJobStatusUpdate,
): Promise<void> {
  await writeTogether(db, syncJobStatusWrites(db, job, update));
}

/** True for the job of the booking's own customer (not a former customer's stats refresh). */
function isOwnCustomerJob(job: SyncJobRow): boolean {
  return customerKey((job.current as LedgerBooking).customer) === job.customer_key;
}

/** A job as the API shows it. */
export function syncJobView(row: SyncJobRow) {
  return {
    id: row.id,
    bookingId: row.booking_id,
    version: Number(row.version),
    customerKey: row.customer_key,
    status: row.status as SyncJobStatus,
    attempts: row.attempts,
    reason: row.reason,
    highLevelContactId: row.contact_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
