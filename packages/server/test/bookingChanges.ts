/**
 * Booking traffic from a seed, for fault tests: customers (some known only by phone), and the
 * booking events a booking app sends about them — confirms, reschedules, cancels, rebookings,
 * payment and service changes, notes-only edits, bookings moved to another customer, webhooks
 * repeated and arriving out of order. Also what HighLevel must show once all of it is synced,
 * computed by the sync's own pure rules from the ledger, never from what the sync wrote.
 */
import { syncTargets } from '../src/bookingSync/core/syncTargets.js';
import {
  bookingEventSchema,
  customerKey,
  type BookingEvent,
} from '../src/bookingSync/core/bookingEvent.js';
import {
  bookingFieldDefinitions,
  customFieldValues,
} from '../src/bookingSync/core/customFields.js';
import {
  applyBookingVersion,
  bookingsOfCustomer,
  type Ledger,
} from '../src/bookingSync/core/ledger.js';
import { noteForChange } from '../src/bookingSync/core/notes.js';
import { customerStats } from '../src/bookingSync/core/stats.js';
import { desiredTags } from '../src/bookingSync/core/tags.js';

/** mulberry32: a small, fast, seedable source of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Customer {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
}

/** A booking event as posted, and the group (workspace) it is posted to. */
export interface PostedEvent {
  group: number;
  body: Record<string, unknown>;
}

export interface BookingTraffic {
  customers: Customer[];
  /** Customer index -> group. */
  groupOf: (customer: number) => number;
  events: PostedEvent[];
}

const SERVICES = ['Deep Tissue Massage', 'Facial', 'Manicure', 'Haircut'];
const AMOUNTS = ['45.00', '60.50', '120.00', '99.99', '80.00'];
const PAYMENTS = ['paid', 'unpaid', 'pending', 'refunded', 'partially_paid'] as const;
const TIMEZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/Berlin'];
const START = Date.parse('2027-01-04T14:00:00Z');
const HOUR = 3_600_000;

/**
 * `changes` events about `customers` customers in `groups` groups, the same for the same seed.
 *
 * @example const { customers, events } = bookingTraffic(seededRandom(42), { customers: 100, changes: 500, groups: 4 });
 */
export function bookingTraffic(
  random: () => number,
  options: { customers: number; changes: number; groups: number },
): BookingTraffic {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const customers: Customer[] = Array.from({ length: options.customers }, (_, i) => {
    const phone = `+1 415 555 ${String(100 + i).padStart(4, '0')}`;
    const name = { firstName: `Client${i}`, lastName: `Seed${i % 7}` };
    // About a third known by phone only, some by email and phone, the rest by email.
    if (i % 3 === 2) return { ...name, phone };
    return i % 3 === 1
      ? { ...name, email: `client${i}@example.com`, phone }
      : { ...name, email: `client${i}@example.com` };
  });
  const groupOf = (customer: number) => customer % options.groups;

  interface Booking {
    customer: number;
    event: Record<string, unknown>;
  }
  const bookings: Booking[] = [];
  const sent: Array<{ booking: Booking; body: Record<string, unknown> }> = [];
  const send = (booking: Booking, changes: Record<string, unknown>) => {
    const version = (booking.event.version as number) + (random() < 0.1 ? 2 : 1);
    booking.event = { ...booking.event, ...changes, version };
    sent.push({ booking, body: booking.event });
  };

  // Every customer books once first (in a seeded order), then traffic of every kind.
  const firstOrder = customers.map((_, i) => i).sort(() => random() - 0.5);
  while (sent.length < options.changes - Math.floor(options.changes * 0.04)) {
    const newcomer = firstOrder.shift();
    if (newcomer !== undefined || random() < 0.3) {
      const customer = newcomer ?? Math.floor(random() * customers.length);
      const start = START + Math.floor(random() * 60 * 24) * HOUR;
      const booking: Booking = {
        customer,
        event: {
          id: `bk-${bookings.length}`,
          version: 1,
          status: 'confirmed',
          ...times(start, 60),
          timezone: pick(TIMEZONES),
          service: { name: pick(SERVICES) },
          ...(random() < 0.9 ? { price: { amount: pick(AMOUNTS), currency: 'USD' } } : {}),
          payment: { status: pick(PAYMENTS) },
          customer: customers[customer],
        },
      };
      bookings.push(booking);
      sent.push({ booking, body: booking.event });
      continue;
    }
    const booking = pick(bookings);
    const roll = random();
    const cancelled = booking.event.status === 'cancelled';
    if (roll < 0.25) {
      const start = Date.parse(booking.event.startsAt as string) + Math.ceil(random() * 72) * HOUR;
      send(booking, { ...times(start, pick([45, 60, 90])), status: 'confirmed' });
    } else if (roll < 0.45) {
      send(booking, { status: cancelled ? 'confirmed' : 'cancelled' });
    } else if (roll < 0.75) {
      send(booking, { payment: { status: pick(PAYMENTS) } });
    } else if (roll < 0.85) {
      send(booking, { service: { name: pick(SERVICES) } });
    } else if (roll < 0.95) {
      // A change a person does not act on: no note.
      send(booking, { notes: `note ${sent.length}` });
    } else {
      // Booked under the wrong person: moved to another customer of the same workspace.
      const group = groupOf(booking.customer);
      const others = customers
        .map((_, i) => i)
        .filter((i) => groupOf(i) === group && i !== booking.customer);
      booking.customer = pick(others);
      send(booking, { customer: customers[booking.customer] });
    }
  }

  // Webhooks arrive out of order (a higher version first makes the lower one stale) ...
  for (let i = 0; i < sent.length - 1; i++) {
    if (random() >= 0.08) continue;
    const later = sent.findIndex((s, j) => j > i && s.booking === sent[i]!.booking);
    if (later > 0) [sent[i], sent[later]] = [sent[later]!, sent[i]!];
  }
  // ... and are sent again.
  while (sent.length < options.changes) {
    const at = Math.floor(random() * sent.length);
    sent.splice(at + 1 + Math.floor(random() * 20), 0, sent[at]!);
  }
  return {
    customers,
    groupOf,
    events: sent.map(({ booking, body }) => ({
      group: groupOf(booking.customer),
      body: structuredClone(body),
    })),
  };
}

function times(start: number, minutes: number) {
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + minutes * 60_000).toISOString(),
  };
}

/** What a user should find on one customer's HighLevel contact. */
export interface ExpectedContact {
  key: string;
  /** Custom field values by field name; fields written empty are absent. */
  fields: Record<string, unknown>;
  tags: string[];
  /** Note markers, one per booking change that earns a note, sorted. */
  noteMarkers: string[];
}

const schema = bookingEventSchema();

/**
 * Replays `bodies` (one workspace's events, in the order they were posted) through the ledger and
 * returns each customer's expected contact, plus the final ledger.
 */
export function expectedContacts(bodies: readonly Record<string, unknown>[]): {
  ledger: Ledger;
  contacts: Map<string, ExpectedContact>;
} {
  let ledger: Ledger = new Map();
  const markers = new Map<string, string[]>();
  for (const body of bodies) {
    const event: BookingEvent = schema.parse(body);
    const change = applyBookingVersion(ledger, event);
    ledger = change.ledger;
    for (const target of syncTargets(change)) {
      const list = markers.get(target.customerKey) ?? [];
      markers.set(target.customerKey, list);
      if (customerKey(change.current.customer) !== target.customerKey) continue;
      const note = noteForChange(target.previous, change.current);
      if (note) list.push(note.marker);
    }
  }
  const definitions = bookingFieldDefinitions();
  // Keyed by name instead of a HighLevel id: the values as a user reads them by field name.
  const byName = Object.fromEntries(definitions.map((d) => [d.key, d.name]));
  const contacts = new Map<string, ExpectedContact>();
  for (const [key, noteMarkers] of markers) {
    const bookings = bookingsOfCustomer(ledger, key);
    const stats = customerStats(bookings);
    const fields = Object.fromEntries(
      customFieldValues(stats, byName, definitions)
        .filter((write) => write.field_value !== '')
        .map((write) => [write.id, write.field_value]),
    );
    contacts.set(key, {
      key,
      fields,
      tags: desiredTags(stats, bookings),
      noteMarkers: [...noteMarkers].sort(),
    });
  }
  return { ledger, contacts };
}
