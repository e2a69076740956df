/**
 * What a chaos run left behind, against what it should have: in HighLevel, one contact per
 * customer with the fields, tags and notes the ledger gives (`expectedContacts`); in the bridge's
 * database, every booking kept and synced and no job left. Differences come back as data —
 * figures and, per customer, what was expected and what was found — for a test to compare with
 * `EXACT` and a benchmark to print.
 */
import type { Emulator } from '@ghl-bridge/emulator';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { customerKey } from '../../src/bookingSync/core/bookingEvent.js';
import { CONTACT_SYNC_QUEUE } from '../../src/bookingSync/syncJobStore.js';
import { expectedContacts, type ExpectedContact, type PostedEvent } from '../bookingChanges.js';
import { userContacts } from '../bookings.js';

export interface FoundContact {
  fields: Record<string, unknown>;
  tags: string[];
  /** Note markers, sorted. */
  notes: string[];
}

/** One customer whose HighLevel state is not the expected one. */
export interface Mismatch {
  salon: number;
  key: string;
  /** Undefined for a contact of no customer of the traffic. */
  expected: Omit<ExpectedContact, 'key'> | undefined;
  /** Every contact of that customer: none when lost, two or more when duplicated. */
  found: FoundContact[];
}

export interface HighLevelCheck {
  customers: number;
  contacts: number;
  /** Contacts beyond one per customer, plus notes beyond one per change that earns one. */
  duplicates: number;
  /** Customers without a contact, plus changes that earn a note without one. */
  lost: number;
  mismatches: Mismatch[];
}

/** HighLevel's state, Location by Location, against what each salon's traffic should give. */
export function checkHighLevel(
  emulator: Emulator,
  salons: ReadonlyArray<{ locationId: string }>,
  events: readonly PostedEvent[],
): HighLevelCheck {
  const check: HighLevelCheck = {
    customers: 0,
    contacts: 0,
    duplicates: 0,
    lost: 0,
    mismatches: [],
  };
  for (const [salon, { locationId }] of salons.entries()) {
    const expected = expectedContacts(
      events.filter((e) => e.group === salon).map((e) => e.body),
    ).contacts;
    const found = new Map<string, FoundContact[]>();
    for (const contact of userContacts(emulator, locationId)) {
      const key = customerKey({
        email: contact.email ?? undefined,
        phone: contact.phone ?? undefined,
      });
      const markers = contact.notes.map(
        (note) => /\[ghl-bridge booking \S+ v\d+\]/.exec(note)?.[0] ?? note,
      );
      const list = found.get(key) ?? [];
      list.push({ fields: contact.fields, tags: contact.tags, notes: markers.sort() });
      found.set(key, list);
      check.contacts++;
    }
    check.customers += expected.size;
    for (const key of new Set([...expected.keys(), ...found.keys()])) {
      const want = expected.get(key);
      const got = found.get(key) ?? [];
      const notes = noteDifference(
        want?.noteMarkers ?? [],
        got.flatMap((c) => c.notes),
      );
      check.duplicates += Math.max(0, got.length - 1) + notes.extra;
      check.lost += (want && got.length === 0 ? 1 : 0) + (got.length > 0 ? notes.missing : 0);
      const exact =
        want !== undefined &&
        got.length === 1 &&
        sameJson(got[0], { fields: want.fields, tags: want.tags, notes: want.noteMarkers });
      if (!exact) {
        check.mismatches.push({
          salon,
          key,
          expected: want && { fields: want.fields, tags: want.tags, noteMarkers: want.noteMarkers },
          found: got,
        });
      }
    }
  }
  return check;
}

/** Notes found beyond the expected ones, and expected ones not found (as multisets). */
function noteDifference(expected: readonly string[], found: readonly string[]) {
  const left = new Map<string, number>();
  for (const marker of expected) left.set(marker, (left.get(marker) ?? 0) + 1);
  let extra = 0;
  for (const marker of found) {
    const n = left.get(marker) ?? 0;
    if (n > 0) left.set(marker, n - 1);
    else extra++;
  }
  return { extra, missing: [...left.values()].reduce((a, b) => a + b, 0) };
}

function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : Array.isArray(value)
        ? value.map(canonical)
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export interface DatabaseCheck {
  bookings: number;
  /** Bookings whose latest version is not `synced`, with their state. */
  unsynced: Array<{ bookingId: string; syncState: string }>;
  /** Sync jobs by status, `done` excepted. */
  unfinishedJobs: Record<string, number>;
  /** pg-boss jobs of the contact sync (or its given-up queue) still to run or running. */
  queuedJobs: number;
}

/** The bridge's database once every process is stopped. */
export async function checkDatabase(database: Database): Promise<DatabaseCheck> {
  const { db } = database;
  const bookings = await db.selectFrom('bookings').select(['booking_id', 'sync_state']).execute();
  const jobs = await db
    .selectFrom('sync_jobs')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', '!=', 'done')
    .groupBy('status')
    .execute();
  const queues = `${CONTACT_SYNC_QUEUE}%`;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
    where name like ${queues} and state in ('created', 'retry', 'active')`.execute(db);
  return {
    bookings: bookings.length,
    unsynced: bookings
      .filter((b) => b.sync_state !== 'synced')
      .map((b) => ({ bookingId: b.booking_id, syncState: b.sync_state })),
    unfinishedJobs: Object.fromEntries(jobs.map((j) => [j.status, Number(j.n)])),
    queuedJobs: rows[0]!.n,
  };
}

/** Everything that differs from an exact end state. */
export interface Differences {
  /** Contacts beyond one per customer, notes beyond one per change that earns one. */
  duplicates: number;
  /** Customers without a contact, notes missing, bookings the database does not hold. */
  lost: number;
  /** Customers whose contact is not exactly the expected one (duplicates and losses included). */
  mismatches: Mismatch[];
  unsynced: DatabaseCheck['unsynced'];
  unfinishedJobs: DatabaseCheck['unfinishedJobs'];
  queuedJobs: number;
}

/** The differences of a run that ended exact. */
export const EXACT: Differences = {
  duplicates: 0,
  lost: 0,
  mismatches: [],
  unsynced: [],
  unfinishedJobs: {},
  queuedJobs: 0,
};

/**
 * @example
 * expect(differences(checkHighLevel(...), await checkDatabase(database), 120)).toEqual(EXACT);
 */
export function differences(
  highLevel: HighLevelCheck,
  database: DatabaseCheck,
  bookingsPosted: number,
): Differences {
  return {
    duplicates: highLevel.duplicates,
    lost: highLevel.lost + Math.max(0, bookingsPosted - database.bookings),
    mismatches: highLevel.mismatches,
    unsynced: database.unsynced,
    unfinishedJobs: database.unfinishedJobs,
    queuedJobs: database.queuedJobs,
  };
}
