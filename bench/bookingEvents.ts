/**
 * Booking events as a booking app sends them, for benchmarks: a backlog over a set of customers
 * with first bookings, repeat bookings and cancellations.
 */

/** One confirmed or cancelled booking event (docs/booking-events.md). */
export function bookingEvent(
  id: string,
  version: number,
  status: 'confirmed' | 'cancelled',
  customer: number,
  n: number,
) {
  const start = new Date(Date.UTC(2026, 0, 1 + (n % 360), 9 + (n % 8)));
  return {
    id,
    version,
    status,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    timezone: 'America/New_York',
    service: { name: n % 3 === 0 ? 'Deep Tissue Massage' : 'Facial' },
    price: { amount: n % 3 === 0 ? '120.00' : '85.00', currency: 'USD' },
    payment: { status: 'paid' },
    customer: { firstName: `Customer ${customer}`, email: `customer${customer}@example.com` },
  };
}

/**
 * `total` booking events over `customers`: one first booking each, then repeat bookings, and for
 * every tenth repeat a cancellation (version 2) of that customer's latest confirmed booking.
 *
 * @example backlogEvents('ws1', 60, 12) // 12 first bookings, then 48 repeats and cancellations
 */
export function backlogEvents(prefix: string, total: number, customers: number) {
  const confirmed: number[][] = Array.from({ length: customers }, () => []);
  return Array.from({ length: total }, (_, i) => {
    const customer = i % customers;
    const latest = confirmed[customer]!.at(-1);
    if (i >= customers && i % 10 === 9 && latest !== undefined) {
      confirmed[customer]!.pop();
      return bookingEvent(`${prefix}-${latest}`, 2, 'cancelled', customer, latest);
    }
    confirmed[customer]!.push(i);
    return bookingEvent(`${prefix}-${i}`, 1, 'confirmed', customer, i);
  });
}
