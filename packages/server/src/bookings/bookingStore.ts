/**
 * The booking ledger in the database (the pure rules are `sync/ledger.ts`). Recording a booking
 * version and enqueueing the sync of every customer it affects happen in one transaction, so a
 * booking is never stored without its sync, nor synced without being stored.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BookingsTable, DB } from '../db/schema.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { customerKey } from '../sync/bookingEvent.js';
import { applyBookingVersion, type LedgerBooking, type LedgerOutcome } from '../sync/ledger.js';
import { createSyncJob, type SyncJobRow } from '../syncWorker/syncJobStore.js';
import { syncTargets } from './syncTargets.js';

export type BookingRow = Selectable<BookingsTable>;

export interface RecordedBooking {
  outcome: LedgerOutcome;
  /** The stored row after this event (the newer one for `stale`). */
  row: BookingRow;
  /** The sync jobs this event created; empty for `duplicate` and `stale`. */
  jobs: SyncJobRow[];
}

/**
 * Stores `event` in the ledger if it is newer than the stored version of its booking, and
 * creates one sync job per affected customer (enqueued when the workspace is connected).
 *
 * @example
 * const { outcome } = await recordBooking(db, queue, workspaceId, event);
 */
export function recordBooking(
  db: Kysely<DB>,
  queue: JobQueue,
  workspaceId: string,
  event: LedgerBooking,
): Promise<RecordedBooking> {
  return db.transaction().execute(async (trx) => {
    const { stored, locationId } = await lockStoredBooking(trx, workspaceId, event.id);
    const ledger = new Map(stored ? [[event.id, stored.payload as LedgerBooking]] : []);
    const change = applyBookingVersion(ledger, event);
    if (stored && (change.outcome === 'duplicate' || change.outcome === 'stale')) {
      return { outcome: change.outcome, row: stored, jobs: [] };
    }

    const values = {
      version: event.version,
      customer_key: customerKey(event.customer),
      status: event.status,
      payload: JSON.stringify(event),
      sync_state: locationId ? 'pending' : 'waiting_for_connection',
      updated_at: new Date(),
    };
    // Two requests for a booking not stored yet both get here; the unique key makes the second
    // wait for the first, and the version check turns it into a repeat instead of a second sync.
    const row = await trx
      .insertInto('bookings')
      .values({ workspace_id: workspaceId, booking_id: event.id, contact_id: null, ...values })
      .onConflict((oc) =>
        oc
          .columns(['workspace_id', 'booking_id'])
          .doUpdateSet(values)
          .where('bookings.version', '<', event.version),
      )
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const winner = await trx
        .selectFrom('bookings')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('booking_id', '=', event.id)
        .executeTakeFirstOrThrow();
      const outcome = Number(winner.version) === event.version ? 'duplicate' : 'stale';
      return { outcome, row: winner, jobs: [] };
    }

    const jobs: SyncJobRow[] = [];
    for (const target of syncTargets(change)) {
      jobs.push(
        await createSyncJob(trx, queue, {
          workspaceId,
          locationId,
          ...target,
          current: change.current,
        }),
      );
    }
    return { outcome: change.outcome, row, jobs };
  });
}

/**
 * The stored version of a booking, locked until the transaction ends, and the workspace's
 * connected Location, in one statement: each round trip to the database costs a booking post as
 * much as the statement itself.
 */
async function lockStoredBooking(
  trx: Transaction<DB>,
  workspaceId: string,
  bookingId: string,
): Promise<{ stored: BookingRow | undefined; locationId: string | undefined }> {
  const found = await trx
    .selectFrom('workspaces as w')
    .leftJoin('gohighlevel_connections as c', 'c.workspace_id', 'w.id')
    // The lock is taken in the subquery: FOR UPDATE cannot name the nullable side of a join.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('bookings')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('booking_id', '=', bookingId)
          .forUpdate()
          .as('b'),
      (join) => join.onTrue(),
    )
    .select('c.location_id as connected_location_id')
    .selectAll('b')
    .where('w.id', '=', workspaceId)
    .executeTakeFirst();
  if (!found) return { stored: undefined, locationId: undefined };
  const { connected_location_id: locationId, ...booking } = found;
  return {
    stored: booking.booking_id === null ? undefined : (booking as BookingRow),
    locationId: locationId ?? undefined,
  };
}

export function findBooking(
  db: Kysely<DB>,
  workspaceId: string,
  bookingId: string,
): Promise<BookingRow | undefined> {
  return db
    .selectFrom('bookings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
}

/** The current version of every booking of one customer. */
export async function bookingsOfCustomer(
  db: Kysely<DB>,
  workspaceId: string,
  key: string,
): Promise<LedgerBooking[]> {
  const rows = await db
    .selectFrom('bookings')
    .select('payload')
    .where('workspace_id', '=', workspaceId)
    .where('customer_key', '=', key)
    .execute();
  return rows.map((row) => row.payload as LedgerBooking);
}

/**
 * The stored versions of the bookings named in `bookingIds` and of every booking of the customers
 * in `customerKeys` (what a backfill dry run needs to know about the ledger).
 *
 * @example await storedBookings(db, 'ws_1', { bookingIds: ['bk_1'], customerKeys: ['ada@example.com'] });
 */
export async function storedBookings(
  db: Kysely<DB>,
  workspaceId: string,
  query: { bookingIds: readonly string[]; customerKeys: readonly string[] },
): Promise<LedgerBooking[]> {
  if (query.bookingIds.length === 0 && query.customerKeys.length === 0) return [];
  const rows = await db
    .selectFrom('bookings')
    .select('payload')
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        ...(query.bookingIds.length > 0 ? [eb('booking_id', 'in', [...query.bookingIds])] : []),
        ...(query.customerKeys.length > 0
          ? [eb('customer_key', 'in', [...query.customerKeys])]
          : []),
      ]),
    )
    .execute();
  return rows.map((row) => row.payload as LedgerBooking);
}

/** A booking as the API shows it: the stored version, its sync state and HighLevel contact. */
export function bookingView(row: BookingRow) {
  return {
    bookingId: row.booking_id,
    version: Number(row.version),
    status: row.status,
    customerKey: row.customer_key,
    sync: row.sync_state,
    highLevelContactId: row.contact_id,
    problems: (row.payload as LedgerBooking).problems ?? [],
    booking: row.payload as LedgerBooking,
    updatedAt: row.updated_at.toISOString(),
  };
}
