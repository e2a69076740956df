/**
 * Whom one ledger change syncs, and against which previous version: the booking's customer, and
 * its former customer when a new version moved the booking to another email/phone.
 */
import { customerKey, type BookingCustomer } from './bookingEvent.js';
import type { LedgerBooking, LedgerChange } from './ledger.js';

export interface SyncTarget {
  customerKey: string;
  customer: BookingCustomer;
  /** The version to describe the change from; none for a booking new to this customer. */
  previous: LedgerBooking | undefined;
}

/**
 * A booking that moved from another customer is new to its new one: its note says confirmed
 * (or cancelled), not "changed" from a version this contact never had.
 *
 * @example for (const target of syncTargets(change)) createSyncJob(trx, queue, { ...target, current: change.current });
 */
export function syncTargets(change: LedgerChange): SyncTarget[] {
  const own = customerKey(change.current.customer);
  const moved = change.previous && customerKey(change.previous.customer) !== own;
  return change.customersToSync.map((key) => ({
    customerKey: key,
    customer: key === own ? change.current.customer : change.previous!.customer,
    previous: key === own && moved ? undefined : change.previous,
  }));
}
