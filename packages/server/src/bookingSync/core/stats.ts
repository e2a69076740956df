/**
 * A customer's booking stats, computed from the ledger (the current version of each of their
 * bookings) — never by reading HighLevel's fields back and adding to them, so a retried or
 * reordered job cannot count a booking twice.
 */
import { DateTime } from 'luxon';
import type { BookingStatus, PaymentStatus } from './bookingEvent.js';
import type { LedgerBooking } from './ledger.js';
import { sumMoney, toMinorUnits, type Money } from './money.js';
import { timeZone } from '../../core/timeZones.js';

export interface LatestBooking {
  id: string;
  status: BookingStatus;
  startsAt: string;
  timezone: string;
  /** The start's calendar date in the booking's own timezone, `YYYY-MM-DD`. */
  date: string;
  serviceName: string;
  paymentStatus?: PaymentStatus;
}

export interface CustomerStats {
  /** Bookings currently confirmed. */
  totalBookings: number;
  /** Bookings currently cancelled. */
  totalCancellations: number;
  /** Sum of `price.amount` over bookings whose payment status is `paid`, in `revenueCurrency`. */
  totalRevenue: Money;
  /** Paid amounts in other currencies, per currency: left out of `totalRevenue`, not lost. */
  revenueInOtherCurrencies: Money[];
  /** The confirmed booking with the latest start; when none is confirmed, the latest by start. */
  latestBooking?: LatestBooking;
  /** Date (`YYYY-MM-DD`, booking's timezone) of the earliest booking, by the same rule. */
  firstBookingDate?: string;
  /** Two or more bookings currently confirmed. */
  isRepeatClient: boolean;
}

export interface StatsOptions {
  /**
   * The currency revenue is reported in, e.g. the workspace's. HighLevel's MONETORY field holds
   * one number with no currency, so adding EUR to USD would be wrong; paid bookings in other
   * currencies go to `revenueInOtherCurrencies` instead. Without it, the currency of the
   * customer's earliest priced booking is used (stable as bookings are added), else USD.
   */
  currency?: string;
}

const millis = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

/** Earliest start first; equal starts by id, so the order never depends on input order. */
function sortByStart(bookings: readonly LedgerBooking[]): LedgerBooking[] {
  return bookings
    .map((booking) => ({ booking, start: millis(booking.startsAt) }))
    .sort(
      (a, b) =>
        a.start - b.start ||
        (a.booking.id < b.booking.id ? -1 : a.booking.id > b.booking.id ? 1 : 0),
    )
    .map(({ booking }) => booking);
}

/**
 * The calendar date of `iso` where the booking takes place.
 *
 * @example localDate('2026-12-02T03:00:00Z', 'America/New_York'); // '2026-12-01'
 */
export function localDate(iso: string, timezone: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(timeZone(timezone)).toISODate()!;
}

/**
 * Stats over every current booking of one customer.
 *
 * Counting rules, and why:
 * - "repeat client" uses `totalBookings` (currently confirmed), not every booking ever made: a
 *   booking that was cancelled never happened, so book-cancel-rebook is one visit, and the tag
 *   goes away again when a second confirmed booking is cancelled.
 * - revenue counts only `paid`: `partially_paid` has no paid amount in the event, and
 *   `refunded` money was returned. A paid booking that is later cancelled still counts while its
 *   payment status stays `paid` (the money was taken); the refund event removes it.
 * - latest and first booking prefer confirmed bookings, so a cancelled future booking does not
 *   hide the real next visit.
 *
 * @example
 * const stats = customerStats(bookingsOfCustomer(ledger, key), { currency: 'USD' });
 */
export function customerStats(
  bookings: readonly LedgerBooking[],
  options: StatsOptions = {},
): CustomerStats {
  const sorted = sortByStart(bookings);
  const confirmed = sorted.filter((booking) => booking.status === 'confirmed');
  const ranked = confirmed.length > 0 ? confirmed : sorted;
  const latest = ranked.at(-1);
  const first = ranked[0];

  const currency =
    options.currency ?? sorted.find((booking) => booking.price)?.price?.currency ?? 'USD';
  const paid = new Map<string, Money[]>();
  for (const booking of sorted) {
    if (!booking.price || booking.payment?.status !== 'paid') continue;
    const { amount, currency: own } = booking.price;
    paid.set(own, [...(paid.get(own) ?? []), { currency: own, minor: toMinorUnits(amount, own) }]);
  }

  return {
    totalBookings: confirmed.length,
    totalCancellations: sorted.length - confirmed.length,
    totalRevenue: sumMoney(currency, paid.get(currency) ?? []),
    revenueInOtherCurrencies: [...paid.entries()]
      .filter(([own]) => own !== currency)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([own, amounts]) => sumMoney(own, amounts)),
    ...(latest ? { latestBooking: latestBookingOf(latest) } : {}),
    ...(first ? { firstBookingDate: localDate(first.startsAt, first.timezone) } : {}),
    isRepeatClient: confirmed.length >= 2,
  };
}

function latestBookingOf(booking: LedgerBooking): LatestBooking {
  return {
    id: booking.id,
    status: booking.status,
    startsAt: booking.startsAt,
    timezone: booking.timezone,
    date: localDate(booking.startsAt, booking.timezone),
    serviceName: booking.service.name,
    ...(booking.payment ? { paymentStatus: booking.payment.status } : {}),
  };
}
