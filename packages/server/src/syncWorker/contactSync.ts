/**
 * Runs one customer's sync plan (`sync/plan.ts`) against HighLevel: provision the custom fields,
 * write the contact, apply the tag difference, add the note — each step journaled, so a retry
 * skips what is done and reconciles what may have happened.
 */
import type { HighLevelError } from '@ghl-bridge/client';
import {
  DuplicateContactError,
  NotFoundError,
  OutcomeUnknownError,
  ValidationError,
  type Contact,
  type HighLevel,
  type UpdateContactInput,
  type UpsertContactInput,
} from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { NamedLock } from '../rateLimit/databaseLock.js';
import type { BookingCustomer } from '../sync/bookingEvent.js';
import { planFieldProvisioning, type CustomFieldDefinition } from '../sync/customFields.js';
import type { LedgerBooking } from '../sync/ledger.js';
import { findNoteMarker } from '../sync/notes.js';
import {
  planContactSync,
  type ContactSyncPlan,
  type ContactWriteBody,
  type SyncStep,
} from '../sync/plan.js';
import type { Write } from '../db/writeTogether.js';
import { journalFrom, type JournalRow } from './journal.js';
import type { SyncNaming } from './naming.js';
import {
  clearFieldIds,
  customerCacheFrom,
  customerWrite,
  fieldIdsFrom,
  loadFieldIds,
  saveFieldIds,
  type CustomerRow,
  type FieldIdRow,
} from './customerStore.js';

/** A failure no retry can fix until a person acts; `message` says what to do. */
export class PermanentSyncError extends Error {
  constructor(
    message: string,
    readonly kind: 'credentials' | 'rejected',
  ) {
    super(message);
    this.name = 'PermanentSyncError';
  }
}

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
}

/**
 * Syncs one customer; returns the HighLevel contact id.
 *
 * @example
 * const contactId = await syncContact({ db, hl, lock, workspaceId, locationId, syncJobId, ... });
 */
export async function syncContact(ctx: ContactSyncContext): Promise<string | undefined> {
  const { db, workspaceId, locationId, customerKey } = ctx;
  const { fieldDefinitions: definitions, tagNames } = ctx.naming;
  const journal = journalFrom(db, ctx.syncJobId, ctx.stored.journal);
  const cached = customerCacheFrom(ctx.stored.customer, locationId);
  let fieldIds = fieldIdsFrom(ctx.stored.fieldIds, locationId);
  let contactId = cached.contactId;
  let appliedTags = cached.appliedTags;
  let contactTags: string[] | undefined;
  /** The customer's cache as changed so far: written with the journal's next statement. */
  const customerUpdate: { contactId?: string; appliedTags?: string[] } = {};
  const saveCustomer = (update: typeof customerUpdate) => {
    Object.assign(customerUpdate, update);
    journal.withNext(
      'customer',
      customerWrite(db, workspaceId, customerKey, locationId, { ...customerUpdate }),
    );
  };

  // Planned again as field ids, the contact and its tags become known; the stats and the note,
  // computed from every booking of the customer, only once.
  let planned: ContactSyncPlan | undefined;
  const plan = (): ContactSyncPlan =>
    (planned = planFromStoredBookings(
      ctx,
      {
        locationId,
        customer: ctx.customer,
        change: { ...(ctx.previous ? { previous: ctx.previous } : {}), current: ctx.current },
        bookings: ctx.bookings,
        fieldIds,
        fieldDefinitions: definitions,
        tagNames,
        appliedTags,
        ...(contactTags ? { contactTags } : {}),
        ...(contactId ? { contactId } : {}),
      },
      planned,
    ));

  const provision = async () => {
    fieldIds = await provisionFields(ctx, definitions);
  };

  let steps = plan().steps;
  const provisionStep = steps.find((step) => step.kind === 'provision-fields');
  if (provisionStep) {
    await provision();
    journal.done(provisionStep.key);
    steps = plan().steps;
  }

  const contactStep = steps.find(
    (step) => step.kind === 'upsert-contact' || step.kind === 'update-contact',
  )!;
  const contactKey = contactStep.key.replace(/(upsert|update)-contact$/, 'contact');
  const written = journal.get(contactKey);
  if (written?.status === 'done' && typeof written.result?.contactId === 'string') {
    contactId = written.result.contactId;
  } else {
    // Not marked started: the write is an upsert, or an update of a known contact, that a retry
    // simply sends again (nothing would read the mark). Its result goes with the next write.
    let contact: Contact;
    try {
      contact = await writeContact(ctx.hl, contactStep);
    } catch (error) {
      if (!rejectsField(error, fieldIds)) throw error;
      // A cached field was deleted or changed in HighLevel: provision again, write once more.
      await clearFieldIds(db, workspaceId, locationId);
      fieldIds = {};
      await provision();
      const retried = plan().steps.find(
        (step) => step.kind === 'upsert-contact' || step.kind === 'update-contact',
      )!;
      contact = await writeContact(ctx.hl, retried);
    }
    contactId = contact.id!;
    contactTags = contact.tags ?? [];
    saveCustomer({ contactId });
    journal.done(contactKey, { contactId });
  }

  // A retry after a tag add that started: its tags are recorded as ours (below) but may never
  // have reached HighLevel, so only the contact itself can say which are there. Without this
  // read the difference would take them as present and never send them.
  const addTagsKey = contactKey.replace(/contact$/, 'add-tags');
  if (contactTags === undefined && journal.get(addTagsKey)?.status === 'started') {
    contactTags = (await ctx.hl.contacts.get(contactId)).tags ?? [];
  }

  const saveAppliedTags = (tags: string[]) => {
    appliedTags = tags;
    saveCustomer({ appliedTags });
  };
  const followUps = plan().steps.filter(
    (step) =>
      step.kind !== 'provision-fields' &&
      !step.kind.endsWith('-contact') &&
      journal.get(step.key)?.status !== 'done',
  );
  // Started by an earlier attempt: the call may have reached HighLevel (its answer lost).
  const startedBefore = new Set(
    followUps.filter((step) => journal.get(step.key)?.status === 'started').map((s) => s.key),
  );
  // Tags count as ours from before they are sent: an add whose answer is lost (or a crash
  // right after it) may have applied them, and tags not recorded as ours would look like the
  // user's own to every later difference and stay for good. Removing a tag the add never
  // applied costs nothing. The add comes first, and the tags it will add and those the removal
  // after it will take off are ours from its start (a retry reads the contact's tags, above).
  // Removed tags stop being ours only once the removal is done.
  const addTags = followUps.find((step) => step.kind === 'add-tags');
  if (addTags?.kind === 'add-tags') saveAppliedTags(addTags.appliedAfter);
  // Every remaining step is marked started in one statement, before the first of their calls:
  // one write for the lot. A crash before a step's own call leaves it started without having
  // reached HighLevel, which a retry reconciles like any started step.
  if (followUps.length > 0) await journal.start(...followUps.map((step) => step.key));
  for (const step of followUps) {
    await runFollowUpStep(ctx, step, contactId, startedBefore.has(step.key));
    journal.done(step.key);
    if (step.kind === 'remove-tags') saveAppliedTags(step.appliedAfter);
  }
  await journal.flush(ctx.finish(contactId));
  return contactId;
}

/**
 * The plan, or a permanent failure when a stored booking cannot be turned into the contact's
 * stats: a RangeError from the money arithmetic (a price stored before today's amount limit, or a
 * revenue past what a JSON number holds exactly) fails the same way on every attempt, so it is not
 * worth a retry.
 */
function planFromStoredBookings(
  ctx: ContactSyncContext,
  input: Parameters<typeof planContactSync>[0],
  earlier: ContactSyncPlan | undefined,
): ContactSyncPlan {
  try {
    return planContactSync(input, earlier);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new PermanentSyncError(
      `The booking fields of customer ${ctx.customerKey} cannot be computed from their stored bookings: ${error.message}. Send a new version of the booking with a price of at most 12 digits (docs/booking-events.md#money), then retry this job.`,
      'rejected',
    );
  }
}

/** A tag or note step's HighLevel call; `startedBefore`: an earlier attempt may have made it. */
async function runFollowUpStep(
  ctx: ContactSyncContext,
  step: SyncStep,
  contactId: string,
  startedBefore: boolean,
): Promise<void> {
  switch (step.kind) {
    case 'add-tags':
      await ctx.hl.contacts.addTags(contactId, step.tags);
      return;
    case 'remove-tags':
      await ctx.hl.contacts.removeTags(contactId, step.tags);
      return;
    case 'add-note':
      // A note started before may exist already (the answer was lost): look for its marker first.
      if (startedBefore && (await hasNote(ctx, contactId))) return;
      try {
        await ctx.hl.notes.create(contactId, { body: step.body });
      } catch (error) {
        if (!(error instanceof OutcomeUnknownError) || !(await hasNote(ctx, contactId))) {
          throw error;
        }
      }
      return;
    default:
      return;
  }
}

async function hasNote(ctx: ContactSyncContext, contactId: string): Promise<boolean> {
  const notes = await ctx.hl.notes.list(contactId);
  return findNoteMarker(notes, ctx.current.id, ctx.current.version) !== undefined;
}

/**
 * The contact write. The upsert takes over from an update of the cached contact when HighLevel
 * no longer has it (deleted: the upsert recreates it) or refuses it as a duplicate (the new email
 * or phone belongs to another contact: the upsert applies HighLevel's own duplicate rules, and
 * with email and phone matching two contacts updates the first in the Location's order, ignoring
 * the other field: the description of `POST /contacts/upsert` in spec/highlevel/apps/contacts.json).
 */
async function writeContact(hl: HighLevel, step: SyncStep): Promise<Contact> {
  if (step.kind === 'upsert-contact') return (await hl.contacts.upsert(dto(step.body))).contact;
  if (step.kind !== 'update-contact') throw new Error(`Not a contact step: ${step.kind}`);
  try {
    return await hl.contacts.update(step.contactId, dto(step.body));
  } catch (error) {
    const gone = error instanceof NotFoundError && !mentionsCustomField(error);
    if (!gone && !(error instanceof DuplicateContactError)) throw error;
    return (await hl.contacts.upsert(dto(step.upsertBody))).contact;
  }
}

/**
 * The generated DTO types every `field_value` as a string (or an object), while the spec's own text
 * and HighLevel take numbers for NUMERICAL and MONETORY fields
 * (docs/highlevel-behaviour.md#custom-field-values).
 */
function dto<T extends ContactWriteBody>(body: T): UpsertContactInput & UpdateContactInput {
  return body as unknown as UpsertContactInput & UpdateContactInput;
}

function errorText(error: HighLevelError): string {
  return `${error.message} ${JSON.stringify(error.body ?? '')}`;
}

function mentionsCustomField(error: HighLevelError): boolean {
  return /custom ?field/i.test(errorText(error));
}

/** HighLevel refused one of our cached field ids (400 "not found" or 422 naming it). */
function rejectsField(error: unknown, fieldIds: Record<string, string>): boolean {
  if (!(error instanceof NotFoundError) && !(error instanceof ValidationError)) return false;
  const text = errorText(error);
  return mentionsCustomField(error) || Object.values(fieldIds).some((id) => text.includes(id));
}

/**
 * Finds or creates the booking fields in the Location, once per workspace and Location: under a
 * lock, so two jobs starting together do not both create them; adopting fields that exist.
 */
async function provisionFields(
  ctx: ContactSyncContext,
  definitions: CustomFieldDefinition[],
): Promise<Record<string, string>> {
  const { db, workspaceId, locationId } = ctx;
  return ctx.lock(`custom-fields:${workspaceId}:${locationId}`, async () => {
    const cached = await loadFieldIds(db, workspaceId, locationId);
    if (definitions.every((d) => cached[d.key])) return cached;
    const existing = await ctx.hl.customFields.list(locationId, { model: 'contact' });
    const plan = planFieldProvisioning(definitions, existing);
    if (plan.conflicts.length > 0) {
      throw new PermanentSyncError(plan.conflicts.map((c) => c.message).join(' '), 'rejected');
    }
    const fieldIds = { ...plan.fieldIds };
    for (const { key, input } of plan.create) {
      const field = await ctx.hl.customFields.create(locationId, input);
      fieldIds[key] = field.id!;
    }
    await saveFieldIds(db, workspaceId, locationId, fieldIds);
    return fieldIds;
  });
}
