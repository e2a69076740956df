/**
 * The webhooks a sync job's end emits (docs/webhooks-out.md#events): `booking.synced` when the
 * job of the booking's own customer is done, `booking.sync_failed` when it fails for good. A
 * former customer's job (refreshing their stats after the booking moved away) tells nothing new
 * about the booking and emits nothing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { subscribedEndpoints } from '../webhooksOut/core/payload.js';
import { prepareWebhookEvent, type PreparedWebhookEvent } from '../webhooksOut/emit.js';
import type { LedgerBooking } from './core/ledger.js';
import { isOwnCustomerJob } from './syncJobAttempts.js';
import type { FailureKind, SyncJobRow } from './syncJobStore.js';

/** How a job ended, as its webhook tells it. */
export type SyncEnd =
  | { status: 'done'; contactId: string | undefined }
  | { status: 'failed'; reason: string; failureKind: FailureKind };

/**
 * The deliveries of the job's end event to the workspace's `endpoints` (enabled, with their
 * events, as the job's claim read them); undefined when none takes it.
 *
 * @example const event = syncEndEvent(db, claim.webhookEndpoints, job, { status: 'done', contactId });
 */
export function syncEndEvent(
  db: Kysely<DB>,
  endpoints: ReadonlyArray<{ id: string; events: string[] }>,
  job: SyncJobRow,
  end: SyncEnd,
): PreparedWebhookEvent | undefined {
  if (!isOwnCustomerJob(job)) return undefined;
  const type = end.status === 'done' ? 'booking.synced' : 'booking.sync_failed';
  const endpointIds = subscribedEndpoints(endpoints, type).map((endpoint) => endpoint.id);
  if (endpointIds.length === 0) return undefined;
  const booking = job.current as LedgerBooking;
  const common = {
    workspaceId: job.workspace_id,
    bookingId: job.booking_id,
    version: Number(job.version),
    bookingStatus: booking.status,
    customerKey: job.customer_key,
    syncJobId: job.id,
  };
  return prepareWebhookEvent(db, endpointIds, {
    type,
    data:
      end.status === 'done'
        ? { ...common, highLevelContactId: end.contactId ?? job.contact_id ?? null }
        : { ...common, reason: end.reason, failureKind: end.failureKind },
  });
}
