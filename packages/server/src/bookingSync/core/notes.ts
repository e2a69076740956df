/**
 * One HighLevel note per booking change, for the people who work the contact: what happened,
 * when (in the booking's own timezone), for how long, at what price, the booking's notes and
 * metadata and what of it could not be synced — and a marker line that names the booking and
 * version, so a job that retries after an unknown outcome finds the note it already wrote
 * instead of writing a second one.
 */
import { DateTime } from 'luxon';
import type { PaymentStatus } from './bookingEvent.js';
import type { LedgerBooking } from './ledger.js';
import { formatMoney, toMinorUnits } from './money.js';
import { bookingTextLines } from './noteText.js';
import { timeZone } from '../../core/timeZones.js';

export type NoteKind = 'confirmed' | 'rescheduled' | 'cancelled' | 'payment-changed' | 'updated';

export interface NoteOptions {
  /** Locale for dates and money, default `en-US`. The labels ("When:", "Price:") stay English. */
  locale?: string;
}

export interface BookingNote {
  kind: NoteKind;
  /** The note's `body` for `POST /contacts/{id}/notes`; its last line is `marker`. */
  body: string;
  marker: string;
}

/**
 * The marker line for one version of one booking. The closing bracket right after the version
 * keeps `v3` from matching `v31`.
 *
 * @example noteMarker('bk_123', 3) // "[ghl-bridge booking bk_123 v3]"
 */
export function noteMarker(bookingId: string, version: number): string {
  return `[ghl-bridge booking ${bookingId} v${version}]`;
}

/**
 * The note already written for this booking version, if any. Substring match, not line match:
 * HighLevel may keep a note body as HTML, with the line breaks turned into tags.
 *
 * @example const existing = findNoteMarker(await hl.notes.list(contactId), 'bk_123', 3);
 */
export function findNoteMarker<T extends { body?: string }>(
  notes: readonly T[],
  bookingId: string,
  version: number,
): T | undefined {
  const marker = noteMarker(bookingId, version);
  return notes.find((note) => note.body?.includes(marker));
}

const PAYMENT_WORDS: Record<PaymentStatus, string> = {
  paid: 'paid',
  unpaid: 'unpaid',
  pending: 'pending',
  refunded: 'refunded',
  partially_paid: 'partially paid',
};

/** "Tuesday, December 1, 2026, 3:00 PM EST" in en-US; each part follows the locale. */
function when(iso: string, booking: LedgerBooking, locale: string): string {
  const local = DateTime.fromISO(iso, { setZone: true })
    .setZone(timeZone(booking.timezone))
    .setLocale(locale);
  const date = local.toLocaleString(DateTime.DATE_HUGE);
  const time = local.toLocaleString({ hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  return `${date}, ${time}`;
}

/**
 * How long a booking lasts, for a note.
 *
 * @example formatDuration('2026-12-01T15:00:00-05:00', '2026-12-01T16:30:00-05:00'); // '1 h 30 min'
 */
export function formatDuration(startsAt: string, endsAt: string): string {
  const minutes = Math.round(
    DateTime.fromISO(endsAt).diff(DateTime.fromISO(startsAt), 'minutes').minutes,
  );
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function priceText(booking: LedgerBooking, locale: string): string | undefined {
  const { price } = booking;
  if (!price) return undefined;
  return formatMoney(
    { currency: price.currency, minor: toMinorUnits(price.amount, price.currency) },
    locale,
  );
}

const sameInstant = (a: string, b: string) =>
  DateTime.fromISO(a).toMillis() === DateTime.fromISO(b).toMillis();

/**
 * The note for the change from `previous` (the version the ledger held before; undefined for a
 * booking seen for the first time) to `current`, or null when the change is not one a person
 * acts on: notes, metadata, customer details or the timezone alone (same instants).
 *
 * What counts, most important first (the headline; the other changes are listed below it):
 * status (confirmed / cancelled), time (rescheduled, shown old -> new; not for a booking that
 * stays cancelled), payment status or price, service.
 *
 * @example
 * const note = noteForChange(change.previous, change.current, { locale: 'en-US' });
 * if (note) await hl.notes.create(contactId, { body: note.body });
 */
export function noteForChange(
  previous: LedgerBooking | undefined,
  current: LedgerBooking,
  options: NoteOptions = {},
): BookingNote | null {
  const locale = options.locale ?? 'en-US';
  const statusChanged = !previous || previous.status !== current.status;
  const timeChanged =
    !!previous &&
    current.status === 'confirmed' &&
    (!sameInstant(previous.startsAt, current.startsAt) ||
      !sameInstant(previous.endsAt, current.endsAt));
  const paymentChanged =
    !!previous &&
    (previous.payment?.status !== current.payment?.status ||
      // Amounts are canonical decimal strings (bookingEventSchema), so text equality is exact.
      previous.price?.amount !== current.price?.amount ||
      previous.price?.currency !== current.price?.currency);
  const serviceChanged = !!previous && previous.service.name !== current.service.name;
  if (!statusChanged && !timeChanged && !paymentChanged && !serviceChanged) return null;

  const kind: NoteKind = statusChanged
    ? current.status
    : timeChanged
      ? 'rescheduled'
      : paymentChanged
        ? 'payment-changed'
        : 'updated';
  const headline: Record<NoteKind, string> = {
    confirmed: 'Booking confirmed',
    cancelled: 'Booking cancelled',
    rescheduled: 'Booking rescheduled',
    'payment-changed': 'Booking payment changed',
    updated: 'Booking updated',
  };

  const lines = [`${headline[kind]}: ${current.service.name}`];
  if (previous && serviceChanged) lines.push(`Service changed from: ${previous.service.name}`);
  if (previous && timeChanged) {
    lines.push(`From: ${when(previous.startsAt, current, locale)}`);
    lines.push(`To: ${when(current.startsAt, current, locale)}`);
  } else {
    lines.push(`When: ${when(current.startsAt, current, locale)}`);
  }
  lines.push(`Duration: ${formatDuration(current.startsAt, current.endsAt)}`);
  const price = priceText(current, locale);
  const payment = current.payment ? PAYMENT_WORDS[current.payment.status] : undefined;
  const money = [price && `Price: ${price}`, payment && `Payment: ${payment}`].filter(Boolean);
  if (money.length > 0) lines.push(money.join(' · '));
  if (previous && paymentChanged) {
    const before = [
      priceText(previous, locale),
      previous.payment && PAYMENT_WORDS[previous.payment.status],
    ].filter(Boolean);
    lines.push(`Previously: ${before.join(', ') || 'no price or payment'}`);
  }
  // The booking app's own text, made safe: it can never end the note or forge its marker.
  lines.push(...bookingTextLines(current));
  lines.push(`Booking: ${current.id}`);
  const marker = noteMarker(current.id, current.version);
  lines.push(marker);
  return { kind, body: lines.join('\n'), marker };
}
