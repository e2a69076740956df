/**
 * What a contact sync runs with: the job, the customer's ledger, what earlier attempts left, and
 * how to reach HighLevel and the database.
 */
import type { HighLevel } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { NamedLock } from '../db/namedLock.js';
import type { DB } from '../db/schema.js';
import type { Write } from '../db/writeTogether.js';
import type { BookingCustomer } from './core/bookingEvent.js';
import type { LedgerBooking } from './core/ledger.js';
import type { SyncNaming } from './core/naming.js';
import type { CustomerRow, FieldIdRow } from './customerStore.js';
import type { JournalRow } from './journal.js';

export interface ContactSyncContext {
  db: Kysely<DB>;
  hl: HighLevel;
  lock: NamedLock;
  workspaceId: string;
  locationId: string;
  syncJobId: string;
  customerKey: string;
  customer: BookingCustomer;
  previous: LedgerBooking | undefined;
  current: LedgerBooking;
  bookings: LedgerBooking[];
  /** The field and tag names to write: the workspace's own over the server's. */
  naming: SyncNaming;
  /** What earlier attempts and syncs left: the job's journal, the customer's cache, field ids. */
  stored: { journal: JournalRow[]; customer: CustomerRow | undefined; fieldIds: FieldIdRow[] };
  /** The writes that end the job (its status), made in one statement with the sync's last ones. */
  finish(contactId: string | undefined): Write[];
  /** Runs that last statement; default `writeTogether` (here: with the job's webhook, if any). */
  writeFinish?: (writes: Write[], contactId: string | undefined) => Promise<void>;
}

/** A change of the customer's cache (its HighLevel contact, the tags ghl-bridge applied). */
export interface ContactCacheUpdate {
  contactId?: string;
  appliedTags?: string[];
}
