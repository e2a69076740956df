/**
 * Booking events for the sync tests, built through the real schema so every test works on the
 * normalized shape the ledger stores.
 */
import { bookingEventSchema, type BookingEvent } from './bookingEvent.js';
import { applyBookingVersion, type Ledger, type LedgerChange } from './ledger.js';

const schema = bookingEventSchema({ phoneCountry: { country: 'US', source: 'location' } });

export interface BookingSketch {
  id?: string;
  version?: number;
  status?: 'confirmed' | 'cancelled';
  /** Start instant with offset; the booking lasts `minutes`. */
  startsAt?: string;
  minutes?: number;
  timezone?: string;
  service?: string;
  /** `"120.00 USD"`, or null for no price. */
  price?: string | null;
  payment?: 'paid' | 'unpaid' | 'pending' | 'refunded' | 'partially_paid' | null;
  customer?: Record<string, string>;
  notes?: string;
  metadata?: Record<string, string>;
}

/**
 * A valid booking event: Ada's 60-minute massage on 2026-12-01 at 3 PM New York time.
 *
 * @example booking({ id: 'bk_2', status: 'cancelled' });
 */
export function booking(sketch: BookingSketch = {}): BookingEvent {
  const startsAt = sketch.startsAt ?? '2026-12-01T15:00:00-05:00';
  const start = new Date(startsAt).getTime();
  const endsAt = new Date(start + (sketch.minutes ?? 60) * 60_000).toISOString();
  const price = sketch.price === undefined ? '120.00 USD' : sketch.price;
  const payment = sketch.payment === undefined ? 'paid' : sketch.payment;
  const [amount, currency] = price?.split(' ') ?? [];
  return schema.parse({
    id: sketch.id ?? 'bk_1',
    version: sketch.version ?? 1,
    status: sketch.status ?? 'confirmed',
    startsAt,
    endsAt,
    timezone: sketch.timezone ?? 'America/New_York',
    service: { name: sketch.service ?? 'Deep Tissue Massage' },
    ...(price ? { price: { amount, currency } } : {}),
    ...(payment ? { payment: { status: payment } } : {}),
    customer: sketch.customer ?? { firstName: 'Ada', email: 'ada@example.com' },
    ...(sketch.notes ? { notes: sketch.notes } : {}),
    ...(sketch.metadata ? { metadata: sketch.metadata } : {}),
  });
}

/**
 * Every event applied in arrival order: the final ledger and each event's change.
 *
 * @example const { ledger, changes } = replay([booking(), booking({ version: 2 })]);
 */
export function replay(events: readonly BookingEvent[], start: Ledger = new Map()) {
  let ledger = start;
  const changes: LedgerChange[] = [];
  for (const event of events) {
    const change = applyBookingVersion(ledger, event);
    changes.push(change);
    ledger = change.ledger;
  }
  return { ledger, changes };
}
