import { describe, expect, it } from 'vitest';
import type { BookingEvent } from './bookingEvent.js';
import { bookingsOfCustomer } from './ledger.js';
import { toDecimalString } from './money.js';
import { customerStats, type CustomerStats } from './stats.js';
import { booking, replay } from './testing.js';

/** Stats with revenue as a decimal string, so expectations read like the HighLevel field. */
function readable(stats: CustomerStats) {
  const { totalRevenue, revenueInOtherCurrencies, ...rest } = stats;
  const text = (m: { currency: string; minor: bigint }) =>
    `${toDecimalString(m.minor, m.currency)} ${m.currency}`;
  return {
    ...rest,
    totalRevenue: text(totalRevenue),
    revenueInOtherCurrencies: revenueInOtherCurrencies.map(text),
  };
}

const NY = 'America/New_York';

/**
 * One customer's history as the booking app sent it, in arrival order: confirms, a reschedule,
 * a refund with cancellation, a late (stale) version, and a version that arrived before the
 * one it replaces.
 */
const mixedHistory: BookingEvent[] = [
  booking({ id: 'bk_1', version: 1, startsAt: '2026-12-01T15:00:00-05:00', price: '120.00 USD' }),
  booking({
    id: 'bk_2',
    version: 1,
    startsAt: '2026-12-08T10:00:00-05:00',
    service: 'Facial',
    price: '80.00 USD',
    payment: 'unpaid',
  }),
  booking({
    id: 'bk_3',
    version: 1,
    startsAt: '2026-11-20T09:00:00-05:00',
    service: 'Consultation',
    price: '19.99 USD',
  }),
  // v3 (rescheduled and paid) overtakes v2 (a cancellation the app later undid).
  booking({
    id: 'bk_2',
    version: 3,
    startsAt: '2026-12-10T10:00:00-05:00',
    service: 'Facial',
    price: '80.00 USD',
    payment: 'paid',
  }),
  booking({
    id: 'bk_2',
    version: 2,
    status: 'cancelled',
    startsAt: '2026-12-08T10:00:00-05:00',
    service: 'Facial',
    price: '80.00 USD',
    payment: 'unpaid',
  }),
  // Refunded and cancelled.
  booking({
    id: 'bk_3',
    version: 2,
    status: 'cancelled',
    startsAt: '2026-11-20T09:00:00-05:00',
    service: 'Consultation',
    price: '19.99 USD',
    payment: 'refunded',
  }),
  // Rescheduled.
  booking({ id: 'bk_1', version: 2, startsAt: '2026-12-15T15:00:00-05:00', price: '120.00 USD' }),
  // Cancelled late, money kept (no refund sent).
  booking({
    id: 'bk_4',
    version: 1,
    status: 'cancelled',
    startsAt: '2027-01-05T11:00:00-05:00',
    service: 'Hot Stone',
    price: '50.00 USD',
  }),
  // A repeat of a version already stored.
  booking({ id: 'bk_1', version: 2, startsAt: '2026-12-15T15:00:00-05:00', price: '120.00 USD' }),
];

const mixedExpected = {
  totalBookings: 2,
  totalCancellations: 2,
  totalRevenue: '250.00 USD',
  revenueInOtherCurrencies: [],
  latestBooking: {
    id: 'bk_1',
    status: 'confirmed',
    startsAt: '2026-12-15T15:00:00-05:00',
    timezone: NY,
    date: '2026-12-15',
    serviceName: 'Deep Tissue Massage',
    paymentStatus: 'paid',
  },
  firstBookingDate: '2026-12-10',
  isRepeatClient: true,
};

describe('customerStats after a replayed history', () => {
  it('is exact after confirms, cancels, reschedules, refunds and out-of-order versions', () => {
    const { ledger, changes } = replay(mixedHistory);
    expect(changes.map((c) => c.outcome)).toEqual([
      'created',
      'created',
      'created',
      'updated',
      'stale',
      'updated',
      'updated',
      'created',
      'duplicate',
    ]);
    const stats = customerStats(bookingsOfCustomer(ledger, 'ada@example.com'));
    expect(readable(stats)).toEqual(mixedExpected);
  });

  it.each([
    ['reversed', [...mixedHistory].reverse()],
    [
      'odd events first',
      [...mixedHistory.filter((_, i) => i % 2), ...mixedHistory.filter((_, i) => !(i % 2))],
    ],
    ['every event twice', [...mixedHistory, ...mixedHistory]],
  ])('gives the same stats whatever the arrival order (%s)', (_order, events) => {
    const { ledger } = replay(events);
    expect(readable(customerStats([...ledger.values()]))).toEqual(mixedExpected);
  });
});

describe('customerStats rules', () => {
  it.each<[string, BookingEvent[], Partial<ReturnType<typeof readable>>]>([
    [
      'no bookings',
      [],
      { totalBookings: 0, totalCancellations: 0, totalRevenue: '0.00 USD', isRepeatClient: false },
    ],
    [
      'only cancelled bookings: latest and first by start among them',
      [
        booking({ id: 'a', status: 'cancelled', startsAt: '2026-12-01T15:00:00-05:00' }),
        booking({ id: 'b', status: 'cancelled', startsAt: '2026-12-20T15:00:00-05:00' }),
      ],
      {
        totalBookings: 0,
        totalCancellations: 2,
        latestBooking: expect.objectContaining({ id: 'b', status: 'cancelled' }) as never,
        firstBookingDate: '2026-12-01',
        isRepeatClient: false,
      },
    ],
    [
      'a cancelled later booking does not hide the confirmed one',
      [
        booking({ id: 'a', startsAt: '2026-12-01T15:00:00-05:00' }),
        booking({ id: 'b', status: 'cancelled', startsAt: '2026-12-20T15:00:00-05:00' }),
      ],
      {
        totalBookings: 1,
        totalCancellations: 1,
        latestBooking: expect.objectContaining({ id: 'a', status: 'confirmed' }) as never,
        firstBookingDate: '2026-12-01',
        isRepeatClient: false,
      },
    ],
    [
      'only paid counts as revenue',
      [
        booking({ id: 'a', price: '10.00 USD', payment: 'paid' }),
        booking({ id: 'b', price: '20.00 USD', payment: 'partially_paid' }),
        booking({ id: 'c', price: '40.00 USD', payment: 'pending' }),
        booking({ id: 'd', price: '80.00 USD', payment: 'unpaid' }),
        booking({ id: 'e', price: '160.00 USD', payment: 'refunded' }),
        booking({ id: 'f', price: null, payment: 'paid' }),
        booking({ id: 'g', price: '320.00 USD', payment: null }),
      ],
      { totalBookings: 7, totalRevenue: '10.00 USD', isRepeatClient: true },
    ],
    [
      'paid bookings in another currency are kept apart',
      [
        booking({ id: 'a', startsAt: '2026-11-01T10:00:00Z', price: '10.10 USD' }),
        booking({ id: 'b', price: '20.20 EUR' }),
        booking({ id: 'c', price: '1000 JPY' }),
        booking({ id: 'd', price: '0.20 USD' }),
      ],
      { totalRevenue: '10.30 USD', revenueInOtherCurrencies: ['20.20 EUR', '1000 JPY'] },
    ],
  ])('%s', (_case, bookings, expected) => {
    expect(readable(customerStats(bookings))).toMatchObject(expected);
  });

  it('has no latest or first booking without bookings', () => {
    const stats = customerStats([]);
    expect(stats.latestBooking).toBeUndefined();
    expect(stats.firstBookingDate).toBeUndefined();
  });

  it('reports revenue in the workspace currency when given', () => {
    const stats = customerStats(
      [booking({ id: 'a', price: '10.00 USD' }), booking({ id: 'b', price: '20.00 EUR' })],
      { currency: 'EUR' },
    );
    expect(readable(stats)).toMatchObject({
      totalRevenue: '20.00 EUR',
      revenueInOtherCurrencies: ['10.00 USD'],
    });
  });

  it('without a workspace currency, uses the earliest priced booking, whatever the input order', () => {
    const early = booking({ id: 'z', startsAt: '2026-01-01T10:00:00Z', price: '5 JPY' });
    const late = booking({ id: 'a', startsAt: '2026-06-01T10:00:00Z', price: '7.00 USD' });
    expect(customerStats([late, early]).totalRevenue).toEqual({ currency: 'JPY', minor: 5n });
    expect(customerStats([early, late]).totalRevenue).toEqual({ currency: 'JPY', minor: 5n });
  });

  it('sums 1,000 paid bookings of 19.99 exactly', () => {
    const bookings = Array.from({ length: 1000 }, (_, i) =>
      booking({ id: `bk_${i}`, price: '19.99 USD' }),
    );
    expect(readable(customerStats(bookings)).totalRevenue).toBe('19990.00 USD');
  });

  it.each([
    ['late evening in New York (next day in UTC)', '2026-12-01T23:30:00-05:00', NY, '2026-12-01'],
    [
      'early morning in Tokyo (previous day in UTC)',
      '2026-12-01T01:00:00+09:00',
      'Asia/Tokyo',
      '2026-12-01',
    ],
    [
      'a UTC instant shown in Los Angeles',
      '2026-12-02T05:00:00Z',
      'America/Los_Angeles',
      '2026-12-01',
    ],
  ])('dates a booking in its own timezone: %s', (_case, startsAt, timezone, date) => {
    const stats = customerStats([booking({ startsAt, timezone })]);
    expect(stats.latestBooking?.date).toBe(date);
    expect(stats.firstBookingDate).toBe(date);
  });

  it('breaks a tie on start time by booking id, whatever the input order', () => {
    const a = booking({ id: 'bk_a', service: 'A' });
    const b = booking({ id: 'bk_b', service: 'B' });
    expect(customerStats([a, b]).latestBooking?.id).toBe('bk_b');
    expect(customerStats([b, a]).latestBooking?.id).toBe('bk_b');
  });

  it('orders by instant, not by the text of the time', () => {
    // 10:00 in Berlin is 09:00 UTC, before 09:30 UTC.
    const berlin = booking({ id: 'x', startsAt: '2026-12-01T10:00:00+01:00', service: 'Berlin' });
    const utc = booking({ id: 'y', startsAt: '2026-12-01T09:30:00Z', service: 'UTC' });
    expect(customerStats([utc, berlin]).latestBooking?.serviceName).toBe('UTC');
  });

  it('counts a repeat client by confirmed bookings: book, cancel, rebook is one visit', () => {
    const history = [
      booking({ id: 'a', status: 'cancelled' }),
      booking({ id: 'b', startsAt: '2026-12-03T15:00:00-05:00' }),
    ];
    expect(customerStats(history).isRepeatClient).toBe(false);
    const again = [...history, booking({ id: 'c', startsAt: '2026-12-10T15:00:00-05:00' })];
    expect(customerStats(again).isRepeatClient).toBe(true);
  });
});
