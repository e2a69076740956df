/**
 * One attempt of a sync job in the database: its start (`claimSyncJob`, which also reads all the
 * sync needs) and its end (`syncJobStatusWrites`), each checked against the moves of
 * `core/syncJobStates.ts`.
 */
import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.js';
import { writeTogether, type Write } from '../db/writeTogether.js';
import type { ConnectionRow } from '../highlevel/connectionStore.js';
import { enabledEndpointsQuery } from '../webhooksOut/endpointStore.js';
import { customerKey } from './core/bookingEvent.js';
import type { LedgerBooking } from './core/ledger.js';
import {
  bookingSyncStateFor,
  canMoveSyncJob,
  checkSyncJobMove,
  statusesThatCannotMoveTo,
  type SyncJobStatus,
} from './core/syncJobStates.js';
import {
  customerQuery,
  fieldIdsQuery,
  type CustomerRow,
  type FieldIdRow,
} from './customerStore.js';
import { journalRowsQuery, type JournalRow } from './journal.js';
import { bookingSyncStateWrite, customerBookingsQuery } from './ledgerStore.js';
import type { FailureKind, SyncJobRow } from './syncJobStore.js';

/** What of the workspace's connection a sync job uses (the key only ever sealed). */
export type SyncConnection = Pick<
  ConnectionRow,
  | 'workspace_id'
  | 'location_id'
  | 'credential_kind'
  | 'api_key_ciphertext'
  | 'api_key_key_id'
  | 'connected_at'
  | 'paused_reason'
>;

/** What an attempt of a sync job starts from. */
export interface SyncJobClaim {
  /**
   * The job: its status as it is now (`running` once the attempt started), its other columns as
   * they were found.
   */
  job: SyncJobRow;
  /** The workspace's connection; without one, or with it paused, the job was not started. */
  connection: SyncConnection | undefined;
  /** The workspace's own name prefixes (null: the server's). */
  prefixes: { fieldPrefix: string | null; tagPrefix: string | null };
  /** What earlier attempts and syncs left: the job's journal, the customer's cache, field ids. */
  stored: { journal: JournalRow[]; customer: CustomerRow | undefined; fieldIds: FieldIdRow[] };
  /** Every booking of the job's customer in the ledger. */
  bookings: LedgerBooking[];
  /** The workspace's enabled webhook endpoints and their events, for the job's end. */
  webhookEndpoints: Array<{ id: string; events: string[] }>;
}

/**
 * Starts an attempt of a sync job: marks it running (counting the attempt) when it may run and
 * its workspace is connected, and reads everything the sync needs, in one statement. A job
 * makes two or three HighLevel calls, and PostgreSQL's cost is mostly per statement, not per row
 * (bench/scale.bench.ts): the eight reads and writes this replaces cost more than the calls.
 * Undefined when the job is gone (deleted with its workspace) or has ended (done, or failed for
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
        .where('status', 'not in', statusesThatCannotMoveTo('running'))
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('gohighlevel_connections as c')
              .select('c.workspace_id')
              .whereRef('c.workspace_id', '=', 'sync_jobs.workspace_id')
              .where('c.paused_reason', 'is', null),
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
      'c.credential_kind',
      'c.api_key_ciphertext',
      'c.api_key_key_id',
      'c.connected_at',
      'c.paused_reason',
      'w.booking_field_prefix',
      'w.booking_tag_prefix',
      jsonArrayFrom(journalRowsQuery(db, sql.ref<string>('job.id'))).as('journal'),
      jsonObjectFrom(
        customerQuery(db, sql.ref<string>('job.workspace_id'), sql.ref<string>('job.customer_key')),
      ).as('customer_row'),
      jsonArrayFrom(fieldIdsQuery(db, sql.ref<string>('job.workspace_id'))).as('field_ids'),
      jsonArrayFrom(
        customerBookingsQuery(
          db,
          sql.ref<string>('job.workspace_id'),
          sql.ref<string>('job.customer_key'),
        ),
      ).as('bookings'),
      // Read here, so that a job of a workspace without endpoints spends no statement on them.
      jsonArrayFrom(enabledEndpointsQuery(db, sql.ref<string>('job.workspace_id'))).as(
        'webhook_endpoints',
      ),
    ])
    .executeTakeFirst();
  if (!row || !canMoveSyncJob(row.status, 'running')) return undefined;
  const {
    connection_location_id: locationId,
    credential_kind: credentialKind,
    api_key_ciphertext: ciphertext,
    api_key_key_id: keyId,
    connected_at: connectedAt,
    paused_reason: pausedReason,
    booking_field_prefix: fieldPrefix,
    booking_tag_prefix: tagPrefix,
    journal,
    customer_row: customer,
    field_ids: fieldIds,
    bookings,
    webhook_endpoints: webhookEndpoints,
    ...job
  } = row;
  // The same connection the update above required: with it, unpaused, the job is running now.
  const connection =
    locationId !== null && credentialKind !== null && connectedAt !== null
      ? {
          workspace_id: job.workspace_id,
          location_id: locationId,
          credential_kind: credentialKind,
          api_key_ciphertext: ciphertext,
          api_key_key_id: keyId,
          connected_at: connectedAt,
          paused_reason: pausedReason,
        }
      : undefined;
  return {
    job: connection && connection.paused_reason === null ? { ...job, status: 'running' } : job,
    connection,
    prefixes: { fieldPrefix, tagPrefix },
    stored: { journal, customer: customer ?? undefined, fieldIds },
    bookings: bookings.map((booking) => booking.payload as LedgerBooking),
    webhookEndpoints,
  };
}

/** A status to give a job, with what goes with it. */
export interface SyncJobStatusUpdate {
  status: SyncJobStatus;
  reason?: string | null;
  failureKind?: FailureKind | null;
  contactId?: string;
}

/**
 * The writes that give a job its status (and reason), not run yet: for `setSyncJobStatus`, or to
 * go into one statement with a sync's last writes. A job of the booking's own customer carries
 * its outcome to the booking's `sync_state`. Throws `SyncJobMoveError`, writing nothing, when the
 * job's status may not move to `update.status`.
 *
 * @example await writeTogether(db, [...journalWrites, ...syncJobStatusWrites(db, job, { status: 'done' })]);
 */
export function syncJobStatusWrites(
  db: Kysely<DB>,
  job: SyncJobRow,
  update: SyncJobStatusUpdate,
): Write[] {
  checkSyncJobMove(job.status, update.status);
  const writes: Write[] = [
    db
      .updateTable('sync_jobs')
      .set({
        status: update.status,
        reason: update.reason ?? null,
        failure_kind: update.failureKind ?? null,
        ...(update.contactId ? { contact_id: update.contactId } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', job.id),
  ];
  const state = bookingSyncStateFor(update.status);
  if (state && isOwnCustomerJob(job)) {
    writes.push(bookingSyncStateWrite(db, job, state, update.contactId));
  }
  return writes;
}

/**
 * Sets a job's status (and reason); a job of the booking's own customer carries its outcome to
 * the booking's `sync_state`, in the same statement.
 *
 * @example await setSyncJobStatus(db, job, { status: 'retrying', reason });
 */
export async function setSyncJobStatus(
  db: Kysely<DB>,
  job: SyncJobRow,
  update: SyncJobStatusUpdate,
): Promise<void> {
  await writeTogether(db, syncJobStatusWrites(db, job, update));
}

/** True for the job of the booking's own customer (not a former customer's stats refresh). */
export function isOwnCustomerJob(job: SyncJobRow): boolean {
  return customerKey((job.current as LedgerBooking).customer) === job.customer_key;
}
