/**
 * The ledger keeps, per booking id, only the highest version a booking app sent. Booking apps
 * retry and their webhooks arrive out of order, so a version at or below the stored one changes
 * nothing: the same version is a repeat, a lower one is stale. Stats are computed from the
 * ledger, never read back from HighLevel.
 */
import { customerKey, type BookingEvent } from './bookingEvent.js';

/** The current version of one booking, as stored. */
export type LedgerBooking = BookingEvent;

/** Booking id -> its current version. */
export type Ledger = ReadonlyMap<string, LedgerBooking>;

export type LedgerOutcome =
  /** First version seen of this booking. */
  | 'created'
  /** A higher version replaced the stored one. */
  | 'updated'
  /** This exact version is already stored; nothing changes (an idempotent repeat). */
  | 'duplicate'
  /** A lower version than the stored one arrived late; it is ignored. */
  | 'stale';

export interface LedgerChange {
  ledger: Ledger;
  outcome: LedgerOutcome;
  /** The booking as stored before this event (for the note: "rescheduled from …"). */
  previous?: LedgerBooking;
  /** The booking as stored after this event. */
  current: LedgerBooking;
  /**
   * Customers whose stats changed: the booking's customer, plus its former customer when a new
   * version moved the booking to another email/phone (that customer lost a booking and needs a
   * sync too). Empty for `duplicate` and `stale`.
   */
  customersToSync: string[];
}

/**
 * Stores `event` if it is newer than what the ledger holds for its booking id.
 *
 * @example
 * const { ledger: next, outcome } = applyBookingVersion(ledger, event);
 * if (outcome === 'stale') return { ignored: 'stale' };
 */
export function applyBookingVersion(ledger: Ledger, event: LedgerBooking): LedgerChange {
  const stored = ledger.get(event.id);
  if (stored && event.version <= stored.version) {
    return {
      ledger,
      outcome: event.version === stored.version ? 'duplicate' : 'stale',
      previous: stored,
      current: stored,
      customersToSync: [],
    };
  }
  const next = new Map(ledger);
  next.set(event.id, event);
  const customers = [customerKey(event.customer)];
  if (stored && customerKey(stored.customer) !== customers[0]) {
    customers.push(customerKey(stored.customer));
  }
  return {
    ledger: next,
    outcome: stored ? 'updated' : 'created',
    ...(stored ? { previous: stored } : {}),
    current: event,
    customersToSync: customers,
  };
}

/**
 * The current version of every booking of one customer.
 *
 * @example const bookings = bookingsOfCustomer(ledger, 'ada@example.com');
 */
export function bookingsOfCustomer(ledger: Ledger, key: string): LedgerBooking[] {
  return [...ledger.values()].filter((booking) => customerKey(booking.customer) === key);
}
