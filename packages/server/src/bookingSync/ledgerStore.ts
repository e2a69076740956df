/**
 * The booking ledger in the database, table `bookings`: the newest version of every booking and
 * its sync state (the pure rules are `core/ledger.ts`). Recording a booking together with its
 * sync jobs is `recordBooking.ts`.
 */
import type { Expression, Kysely, Selectable, Transaction } from 'kysely';
import type { BookingsTable, DB } from '../db/schema.js';
import type { Write } from '../db/writeTogether.js';
import { customerKey } from './core/bookingEvent.js';
import type { LedgerBooking } from './core/ledger.js';
import type { BookingSyncState } from './core/syncJobStates.js';

export type BookingRow = Selectable<BookingsTable>;

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The stored version of a booking, locked until the transaction ends, and the workspace's
 * connected Location, in one statement: each round trip to the database costs a booking post as
 * much as the statement itself.
 *
 * @example const { stored, locationId } = await lockStoredBooking(trx, workspaceId, event.id);
 */
export async function lockStoredBooking(
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

/**
 * Stores `event` as its booking's version unless the stored one is as new or newer; the row
 * written, or undefined when the stored version won. Two requests for a booking not stored yet
 * both get here; the unique key makes the second wait for the first, and the version check turns
 * it into a repeat instead of a second sync.
 *
 * @example const row = await storeBookingVersion(trx, workspaceId, event, locationId);
 */
export function storeBookingVersion(
  trx: Transaction<DB>,
  workspaceId: string,
  event: LedgerBooking,
  /** The connected Location; without one the booking waits for a connection. */
  locationId: string | undefined,
): Promise<BookingRow | undefined> {
  const values = {
    version: event.version,
    customer_key: customerKey(event.customer),
    status: event.status,
    payload: JSON.stringify(event),
    sync_state: locationId ? 'pending' : 'waiting_for_connection',
    updated_at: new Date(),
  };
  return trx
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
}

/**
 * The stored version of a booking.
 *
 * @example const row = await findBooking(db, workspaceId, 'bk_1');
 */
export function findBooking(
  db: Db,
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

/**
 * The current version of every booking of one customer, for reading together with the rest of
 * what a sync job needs.
 *
 * @example jsonArrayFrom(customerBookingsQuery(db, sql.ref('job.workspace_id'), sql.ref('job.customer_key')))
 */
export function customerBookingsQuery(
  db: Kysely<DB>,
  workspaceId: string | Expression<string>,
  key: string | Expression<string>,
) {
  return db
    .selectFrom('bookings')
    .select('payload')
    .where('workspace_id', '=', workspaceId)
    .where('customer_key', '=', key);
}

/**
 * The stored versions of the bookings named in `bookingIds` and of every booking of the customers
 * in `customerKeys` (what a backfill dry run needs to know about the ledger).
 *
 * @example await storedBookings(db, 'ws_1', { bookingIds: ['bk_1'], customerKeys: ['ada@example.com'] });
 */
export async function storedBookings(
  db: Db,
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

/** The booking a sync job is of: one version of one booking. */
export interface BookingVersion {
  workspace_id: string;
  booking_id: string;
  version: number | string;
}

/**
 * The write that gives one booking version its sync state (and HighLevel contact), not run yet:
 * to go into one statement with the job's own status.
 *
 * @example await writeTogether(db, [jobWrite, bookingSyncStateWrite(db, job, 'synced', contactId)]);
 */
export function bookingSyncStateWrite(
  db: Kysely<DB>,
  booking: BookingVersion,
  state: BookingSyncState,
  contactId: string | undefined,
): Write {
  return db
    .updateTable('bookings')
    .set({ sync_state: state, ...(contactId ? { contact_id: contactId } : {}) })
    .where('workspace_id', '=', booking.workspace_id)
    .where('booking_id', '=', booking.booking_id)
    .where('version', '=', Number(booking.version));
}

/**
 * Marks the bookings of a workspace's jobs queued again `pending`, one statement each, unless
 * already synced.
 *
 * @example await markBookingsPending(trx, workspaceId, [{ booking_id: 'bk_1', version: 2 }]);
 */
export async function markBookingsPending(
  trx: Db,
  workspaceId: string,
  bookings: ReadonlyArray<Omit<BookingVersion, 'workspace_id'>>,
): Promise<void> {
  for (const booking of bookings) {
    await trx
      .updateTable('bookings')
      .set({ sync_state: 'pending' })
      .where('workspace_id', '=', workspaceId)
      .where('booking_id', '=', booking.booking_id)
      .where('version', '=', Number(booking.version))
      .where('sync_state', '!=', 'synced')
      .execute();
  }
}

/**
 * A booking as the API shows it: the stored version, its sync state and HighLevel contact.
 *
 * @example return c.json(bookingView(row), 200);
 */
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
