/**
 * The contact-sync job handler (the imperative shell around `syncContact`): loads the job and
 * the customer's ledger, finds the workspace's connection, runs the sync, and records how it
 * went. Failures a retry can fix are thrown back to the queue; failures only a person can fix
 * (credentials revoked, a scope missing, a field of the wrong type) are dead-lettered at once,
 * with the reason in plain words.
 */
import {
  AuthenticationError,
  HighLevelError,
  LocationAccessError,
  ScopeError,
  ValidationError,
} from '@ghl-bridge/client';
import { CredentialKeyError } from '../crypto/credentials.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Database } from '../db/database.js';
import type { HighLevelClients } from '../gohighlevel/clients.js';
import { connectionApiKey, recordCredentialFailure } from '../gohighlevel/connectionStore.js';
import type { Logger } from '../logger.js';
import type { JobHandler } from '../queue/jobQueue.js';
import { databaseLock } from '../rateLimit/databaseLock.js';
import type { BookingCustomer } from '../sync/bookingEvent.js';
import type { LedgerBooking } from '../sync/ledger.js';
import { PermanentSyncError, syncContact } from './contactSync.js';
import { namingFor, syncNaming, type SyncNaming } from './naming.js';
import {
  CONTACT_SYNC_RETRY_LIMIT,
  claimSyncJob,
  findSyncJob,
  setSyncJobStatus,
  syncJobStatusWrites,
  type ContactSyncJobData,
  type FailureKind,
  type SyncJobRow,
} from './syncJobStore.js';

export interface ContactSyncJobDeps {
  database: Database;
  keyring: Keyring;
  highLevel: HighLevelClients;
  logger: Logger;
  naming?: SyncNaming;
}

/**
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
    try {
      const apiKey = connectionApiKey(deps.keyring, connection);
      await syncContact({
        db,
        hl: deps.highLevel.forKey(apiKey, connection.location_id),
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
          db
            .updateTable('gohighlevel_connections')
            // A sync that went through proves the key works: a credential failure recorded earlier
            // (a refusal since fixed in HighLevel) no longer applies. `last_sync_at` moves by the
            // second: jobs of one workspace ending together need not all rewrite the row.
            .set({ last_sync_at: new Date(), last_error: null })
            .where('workspace_id', '=', job.workspace_id)
            .where((eb) =>
              eb.or([
                eb('last_sync_at', 'is', null),
                eb('last_sync_at', '<', new Date(Date.now() - 1000)),
                eb('last_error', 'is not', null),
              ]),
            ),
        ],
      });
    } catch (error) {
      const permanent = permanentFailure(error);
      const exhausted = retryCount >= CONTACT_SYNC_RETRY_LIMIT;
      const reason = permanent?.reason ?? plainReason(error);
      deps.logger.warn(
        { syncJobId: job.id, workspaceId: job.workspace_id, err: error, permanent: !!permanent },
        'contact sync failed',
      );
      if (permanent?.kind === 'credentials') {
        await recordCredentialFailure(db, connection, permanent.reason);
      }
      if (permanent || exhausted) {
        const failureKind: FailureKind = permanent?.kind ?? 'exhausted';
        await setSyncJobStatus(db, job, { status: 'failed', reason, failureKind });
        return;
      }
      await setSyncJobStatus(db, job, { status: 'retrying', reason });
      throw error;
    }
  };
  // The queue gave up without the handler seeing the last attempt end (its worker died, or the
  // attempt ran past its time): say so on the row, which would otherwise stay `running`.
  handler.givenUp = async ({ id, data, attempts, lastError }) => {
    const job = await findSyncJob(db, data.syncJobId);
    if (!job || !['queued', 'running', 'retrying'].includes(job.status)) return;
    // A late notice about an attempt from before the job was retried: the retry is in charge.
    if (job.queue_job_id !== null && job.queue_job_id !== id) return;
    deps.logger.warn(
      { syncJobId: job.id, workspaceId: job.workspace_id, attempts },
      'contact sync given up',
    );
    await setSyncJobStatus(db, job, {
      status: 'failed',
      reason: givenUpReason(job, attempts, lastError),
      failureKind: 'exhausted',
    });
  };
  return handler;
}

function givenUpReason(job: SyncJobRow, attempts: number, lastError: string | undefined): string {
  const last = lastError ? ` (${lastError})` : '';
  return `Gave up after ${attempts} attempts: the last one never finished${last} — the worker running it crashed, was stopped or lost its database connection, or the attempt ran out of time. The booking is kept. Once the workers run normally, retry with POST /v1/workspaces/${job.workspace_id}/sync-jobs/${job.id}/retry.`;
}

/** The failures no retry fixes, each with what to do about it. */
export function permanentFailure(
  error: unknown,
): { reason: string; kind: 'credentials' | 'rejected' } | undefined {
  if (error instanceof PermanentSyncError) return { reason: error.message, kind: error.kind };
  if (error instanceof CredentialKeyError) {
    return {
      reason: `The stored GoHighLevel API key cannot be decrypted with the configured secret keys (${error.message}). Reconnect GoHighLevel; this job is retried automatically after reconnecting.`,
      kind: 'credentials',
    };
  }
  if (error instanceof AuthenticationError) {
    return {
      reason:
        'HighLevel refused the stored API key: it is invalid, expired or was revoked. Create a new Private Integration token (Settings → Private Integrations) and reconnect GoHighLevel; this job is retried automatically after reconnecting.',
      kind: 'credentials',
    };
  }
  if (error instanceof ScopeError) {
    return {
      reason: `The API key lacks a permission the booking sync needs (HighLevel: "${error.message}"). Add the contacts and custom field scopes to the Private Integration and reconnect GoHighLevel; this job is retried automatically after reconnecting.`,
      kind: 'credentials',
    };
  }
  if (error instanceof LocationAccessError) {
    return {
      reason:
        'The API key no longer has access to the connected Location. Reconnect GoHighLevel with a key of the same sub-account; this job is retried automatically after reconnecting.',
      kind: 'credentials',
    };
  }
  if (error instanceof ValidationError) {
    return {
      reason: `HighLevel rejected the contact data: ${error.messages.join('; ') || error.message}. Fix the booking and send it again, then retry this job.`,
      kind: 'rejected',
    };
  }
  return undefined;
}

function plainReason(error: unknown): string {
  if (error instanceof HighLevelError) {
    return `HighLevel call failed (${error.code}${error.status ? `, HTTP ${error.status}` : ''}): ${error.message}. It is retried automatically.`;
  }
  return error instanceof Error ? error.message : String(error);
}
