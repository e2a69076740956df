/**
 * What a backfill dry run needs to know about a workspace: the stored versions of the file's
 * bookings, every booking of the customers they touch (their stats are computed from the
 * ledger), those customers' HighLevel contacts and applied tags, and the custom field ids. Read in
 * batches, from the database or from the running server (`POST …/backfill/state`), never the
 * whole ledger at once.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { findConnection } from '../highlevel/connectionStore.js';
import { customerKey } from './core/bookingEvent.js';
import type { FieldIds } from './core/customFields.js';
import type { LedgerBooking } from './core/ledger.js';
import { loadCustomers, loadFieldIds } from './customerStore.js';
import type { BackfillState } from './core/backfillPlan.js';
import { storedBookings } from './ledgerStore.js';

/** At most this many ids and this many customer keys per read (a request body stays small). */
export const BACKFILL_STATE_BATCH = 500;

export interface BackfillStateQuery {
  bookingIds: string[];
  customerKeys: string[];
}

/** One read: the bookings and customers asked for, and the workspace's field ids. */
export interface BackfillStatePart {
  bookings: LedgerBooking[];
  customers: Array<{ customerKey: string; contactId?: string; appliedTags: string[] }>;
  fieldIds: FieldIds;
}

/**
 * One batch from the database. Contacts and field ids count only for the Location the workspace
 * is connected to now (a reconnect to another Location starts clean there).
 *
 * @example await readBackfillState(db, 'ws_1', { bookingIds: ['bk_1'], customerKeys: ['ada@example.com'] });
 */
export async function readBackfillState(
  db: Kysely<DB>,
  workspaceId: string,
  query: BackfillStateQuery,
): Promise<BackfillStatePart> {
  const bookings = await storedBookings(db, workspaceId, query);
  const locationId = (await findConnection(db, workspaceId))?.location_id;
  if (!locationId) return { bookings, customers: [], fieldIds: {} };
  const customers = await loadCustomers(db, workspaceId, query.customerKeys, locationId);
  return {
    bookings,
    customers: [...customers].map(([key, cache]) => ({
      customerKey: key,
      ...(cache.contactId ? { contactId: cache.contactId } : {}),
      appliedTags: cache.appliedTags,
    })),
    fieldIds: await loadFieldIds(db, workspaceId, locationId),
  };
}

/**
 * The state for the bookings `bookingIds` of customers `customerKeys`, read in batches through
 * `read`; then, for bookings the file moves to another customer, the bookings and contacts of
 * their former customers (who lose a booking and are synced too).
 *
 * @example const state = await gatherBackfillState(ids, keys, (q) => readBackfillState(db, ws, q));
 */
export async function gatherBackfillState(
  bookingIds: Iterable<string>,
  customerKeys: Iterable<string>,
  read: (query: BackfillStateQuery) => Promise<BackfillStatePart>,
  batch = BACKFILL_STATE_BATCH,
): Promise<BackfillState> {
  const ledger = new Map<string, LedgerBooking>();
  const customers = new Map<string, { contactId?: string; appliedTags: string[] }>();
  let fieldIds: FieldIds = {};
  const asked = new Set<string>();
  const take = (part: BackfillStatePart) => {
    for (const booking of part.bookings) ledger.set(booking.id, booking);
    for (const { customerKey: key, ...cache } of part.customers) customers.set(key, cache);
    fieldIds = part.fieldIds;
  };

  const ids = [...new Set(bookingIds)];
  const keys = [...new Set(customerKeys)];
  for (let i = 0; i < Math.max(ids.length, keys.length, 1); i += batch) {
    const query = { bookingIds: ids.slice(i, i + batch), customerKeys: keys.slice(i, i + batch) };
    query.customerKeys.forEach((key) => asked.add(key));
    take(await read(query));
  }
  const former = [...new Set([...ledger.values()].map((b) => customerKey(b.customer)))].filter(
    (key) => !asked.has(key),
  );
  for (let i = 0; i < former.length; i += batch) {
    take(await read({ bookingIds: [], customerKeys: former.slice(i, i + batch) }));
  }
  return { ledger, customers, fieldIds };
}
