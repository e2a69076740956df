/**
 * The contact-sync job handler (the imperative shell around `syncContact`): loads the job and
 * the customer's ledger, finds the workspace's connection, runs the sync, and records how it
 * went. Failures a retry can fix are thrown back to the queue; failures only a person can fix
 * (credentials revoked, a scope missing, a field of the wrong type) are dead-lettered at once,
 * with the reason in plain words.
 */
import type { Keyring } from '../crypto/keyring.js';
import type { Database } from '../db/database.js';
import { databaseLock } from '../db/namedLock.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import { recordCredentialFailure, syncSucceededWrite } from '../highlevel/connectionStore.js';
import type { Logger } from '../logger.js';
import type { JobHandler, JobQueue } from '../queue/jobQueue.js';
import { enabledEndpointsQuery } from '../webhooksOut/endpointStore.js';
import { writeTogetherWithEvent } from '../webhooksOut/emit.js';
import type { BookingCustomer } from './core/bookingEvent.js';
import type { LedgerBooking } from './core/ledger.js';
import { namingFor, syncNaming, type SyncNaming } from './core/naming.js';
import { canMoveSyncJob } from './core/syncJobStates.js';
import { syncContact } from './contactSync.js';
import { syncFailure } from './syncFailures.js';
import { claimSyncJob, setSyncJobStatus, syncJobStatusWrites } from './syncJobAttempts.js';
import { findSyncJob } from './syncJobListing.js';
import { syncEndEvent } from './syncWebhooks.js';
import {
  CONTACT_SYNC_RETRY_LIMIT,
  type ContactSyncJobData,
  type SyncJobRow,
} from './syncJobStore.js';

export interface ContactSyncJobDeps {
  database: Database;
  keyring: Keyring;
  highLevel: HighLevelClients;
  /** For the webhooks a job's end emits (`booking.synced`, `booking.sync_failed`, …). */
  queue: JobQueue;
  logger: Logger;
  naming?: SyncNaming;
}

/**
 * The queue's handler for `contact-sync` jobs, with its notice for attempts the queue gave up on.
 *
 * @example
 * await queue.work(CONTACT_SYNC_QUEUE, contactSyncHandler({ database, keyring, highLevel, logger }));
 */
export function contactSyncHandler(deps: ContactSyncJobDeps): JobHandler<ContactSyncJobData> {
  const { db } = deps.database;
  const lock = databaseLock(deps.database);
  const naming = deps.naming ?? syncNaming();
  const handler: JobHandler<ContactSyncJobData> = async ({ data, retryCount, takeRunRecord }) => {
    // Marked running (the attempt counted) when connected; read with all the sync needs.
    const claim = await claimSyncJob(db, data.syncJobId);
    // Deleted with its workspace, finished by an earlier delivery, or dead-lettered.
    if (!claim) return;
    const { job, connection } = claim;
    if (!connection) {
      await setSyncJobStatus(db, job, { status: 'waiting_for_connection' });
      return;
    }
    // The app's install is gone: the job waits with the reason until it is installed again.
    if (connection.paused_reason !== null) {
      await setSyncJobStatus(db, job, { status: 'paused', reason: connection.paused_reason });
      return;
    }
    const startedAt = Date.now();
    try {
      await syncContact({
        db,
        hl: deps.highLevel.forConnection(connection),
        lock,
        workspaceId: job.workspace_id,
        locationId: connection.location_id,
        syncJobId: job.id,
        customerKey: job.customer_key,
        customer: job.customer as BookingCustomer,
        previous: (job.previous as LedgerBooking | null) ?? undefined,
        current: job.current as LedgerBooking,
        bookings: claim.bookings,
        naming: namingFor(claim.prefixes, naming),
        stored: claim.stored,
        // Written in one statement with the sync's last journal marks, with the queue's record
        // of this run.
        finish: (contactId) => [
          ...(takeRunRecord ? [takeRunRecord()] : []),
          ...syncJobStatusWrites(db, job, {
            status: 'done',
            ...(contactId ? { contactId } : {}),
          }),
          syncSucceededWrite(db, job.workspace_id),
        ],
        // `booking.synced` goes into that statement too; its delivery jobs with it, in a
        // transaction, only when an endpoint takes it.
        writeFinish: (writes, contactId) =>
          writeTogetherWithEvent(
            db,
            deps.queue,
            writes,
            syncEndEvent(db, claim.webhookEndpoints, job, { status: 'done', contactId }),
          ),
      });
      // One line per job that ends, as for requests; the customer's email or phone stays out.
      deps.logger.info(
        {
          syncJobId: job.id,
          workspaceId: job.workspace_id,
          bookingId: job.booking_id,
          attempt: retryCount + 1,
          durationMs: Date.now() - startedAt,
        },
        'contact synced',
      );
    } catch (error) {
      const failure = syncFailure(error);
      const exhausted = retryCount >= CONTACT_SYNC_RETRY_LIMIT;
      deps.logger.warn(
        {
          syncJobId: job.id,
          workspaceId: job.workspace_id,
          err: error,
          permanent: failure.kind !== 'retry',
        },
        'contact sync failed',
      );
      if (failure.kind === 'paused') {
        // The install was marked gone (and the connection paused) where the refusal was seen.
        await setSyncJobStatus(db, job, { status: 'paused', reason: failure.reason });
        return;
      }
      if (failure.kind === 'credentials') {
        await recordCredentialFailure(db, connection, failure.reason, deps.queue);
      }
      if (failure.kind !== 'retry' || exhausted) {
        const failureKind = failure.kind === 'retry' ? 'exhausted' : failure.kind;
        const end = { status: 'failed', reason: failure.reason, failureKind } as const;
        await writeTogetherWithEvent(
          db,
          deps.queue,
          syncJobStatusWrites(db, job, end),
          syncEndEvent(db, claim.webhookEndpoints, job, end),
        );
        return;
      }
      await setSyncJobStatus(db, job, { status: 'retrying', reason: failure.reason });
      throw error;
    }
  };
  // The queue gave up without the handler seeing the last attempt end (its worker died, or the
  // attempt ran past its time): say so on the row, which would otherwise stay `running`.
  handler.givenUp = async ({ id, data, attempts, lastError }) => {
    const job = await findSyncJob(db, data.syncJobId);
    // Ended (done, failed), or waiting for a connection with no attempt in flight.
    if (!job || !canMoveSyncJob(job.status, 'failed')) return;
    // A late notice about an attempt from before the job was retried: the retry is in charge.
    if (job.queue_job_id !== null && job.queue_job_id !== id) return;
    deps.logger.warn(
      { syncJobId: job.id, workspaceId: job.workspace_id, attempts },
      'contact sync given up',
    );
    const end = {
      status: 'failed',
      reason: givenUpReason(job, attempts, lastError),
      failureKind: 'exhausted',
    } as const;
    const endpoints = await enabledEndpointsQuery(db, job.workspace_id).execute();
    await writeTogetherWithEvent(
      db,
      deps.queue,
      syncJobStatusWrites(db, job, end),
      syncEndEvent(db, endpoints, job, end),
    );
  };
  return handler;
}

function givenUpReason(job: SyncJobRow, attempts: number, lastError: string | undefined): string {
  const last = lastError ? ` (${lastError})` : '';
  return `Gave up after ${attempts} attempts: the last one never finished${last} — the worker running it crashed, was stopped or lost its database connection, or the attempt ran out of time. The booking is kept. Once the workers run normally, retry with POST /v1/workspaces/${job.workspace_id}/sync-jobs/${job.id}/retry.`;
}
