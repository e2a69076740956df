/**
 * Writing an app contact's latest version to HighLevel: the fields it sent (those HighLevel
 * changed later than the app left as they are), found by email or phone the first time as
 * booking sync finds a customer (`updateOrUpsertContact`: an upsert, so a contact HighLevel has
 * with that email is updated, not duplicated, and a retry is harmless), then the managed tags as
 * a difference, never a tag replace. Each answer's state is remembered as told before the next
 * call, and the end is written for the version written.
 */
import type { Contact, UpdateContactInput, UpsertContactInput } from '@ghl-bridge/client';
import { updateOrUpsertContact } from '../bookingSync/contactWrite.js';
import { contactWriteFailure } from '../bookingSync/syncFailures.js';
import {
  contactBodies,
  upsertIdentity,
  type AppContactFields,
  type DesiredContact,
} from './core/contactFields.js';
import { afterAppWrite, fieldsToWrite } from './core/fieldWrites.js';
import { appliedDuringAdd, managedTagDiff } from './core/managedTags.js';
import { contactWritten, saveAppliedTags, type AppContactRow } from './contactStore.js';
import type { RecordContext } from './recordContext.js';
import { rememberWritten, writtenContactState } from './rememberWritten.js';

/**
 * Writes `row`'s version; returns the HighLevel contact id.
 *
 * @example const contactId = await writeAppContact(ctx, row);
 */
export async function writeAppContact(ctx: RecordContext, row: AppContactRow): Promise<string> {
  const desired = row.desired as unknown as DesiredContact;
  const sent = Object.fromEntries(desired.sent.map((field) => [field, desired.fields[field]]));
  const { write } = fieldsToWrite(sent, row.app_updated_at, row.field_writes);

  let contact = await writeFields(ctx, row, desired, write);
  const contactId = contact.id!;
  let rank = await remember(ctx, contact, 0);

  let applied = row.applied_tags;
  const diff = managedTagDiff(desired.tags, applied, contact.tags ?? []);
  if (diff && diff.add.length > 0) {
    applied = appliedDuringAdd(diff);
    await saveAppliedTags(ctx.db, row, applied);
    contact = { ...contact, tags: await ctx.hl.contacts.addTags(contactId, diff.add) };
    rank = await remember(ctx, contact, rank);
  }
  if (diff && diff.remove.length > 0) {
    contact = { ...contact, tags: await ctx.hl.contacts.removeTags(contactId, diff.remove) };
    await remember(ctx, contact, rank);
  }

  await contactWritten(ctx.db, row, {
    version: Number(row.version),
    locationId: ctx.locationId,
    contactId,
    appliedTags: diff ? diff.nextApplied : applied,
    fieldWrites: afterAppWrite({}, write, row.app_updated_at),
  });
  return contactId;
}

/**
 * The field write: an update of the known contact (the upsert taking over when HighLevel no
 * longer has it or its new email or phone is another contact's), else the upsert; and
 * `companyName`, which only the upsert takes, by an upsert that finds the contact as it now is.
 */
async function writeFields(
  ctx: RecordContext,
  row: AppContactRow,
  desired: DesiredContact,
  write: AppContactFields,
): Promise<Contact> {
  const known = row.location_id === ctx.locationId ? row.contact_id : null;
  const upsertBody = { locationId: ctx.locationId, ...upsertIdentity(desired.fields), ...write };
  const { update, upsertOnly } = contactBodies(write);
  const contact = await updateOrUpsertContact(
    ctx.hl,
    known
      ? { contactId: known, body: dto(update), upsertBody: dto(upsertBody) }
      : { upsertBody: dto(upsertBody) },
    upsertTakesOver,
  );
  if (!known || upsertOnly.companyName === undefined) return contact;
  if (contact.companyName === upsertOnly.companyName) return contact;
  const identity = upsertIdentity(contact);
  return (
    await ctx.hl.contacts.upsert(dto({ locationId: ctx.locationId, ...identity, ...upsertOnly }))
  ).contact;
}

/**
 * The generated DTO types `dateOfBirth` as an object, while the spec's own description of it and
 * HighLevel take a date string (`YYYY-MM-DD`; packages/emulator/DEVIATIONS.md).
 */
function dto(
  body: AppContactFields & { locationId?: string },
): UpsertContactInput & UpdateContactInput {
  return body as unknown as UpsertContactInput & UpdateContactInput;
}

/** An app contact has no custom fields: a refusal names none of them. */
function upsertTakesOver(error: unknown): boolean {
  const failure = contactWriteFailure(error, { body: { customFields: [] } }, []);
  return failure === 'contact-gone' || failure === 'duplicate-contact';
}

async function remember(ctx: RecordContext, contact: Contact, after: number): Promise<number> {
  const state = writtenContactState(contact, after);
  await rememberWritten(ctx.db, ctx.locationId, state);
  return state.rank;
}
