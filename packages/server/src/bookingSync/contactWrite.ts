/**
 * The contact write of a sync: an upsert, or an update of the cached contact that falls back to
 * the upsert; journaled once done, and done again with fresh field ids when HighLevel refuses a
 * cached one.
 */
import type {
  Contact,
  HighLevel,
  UpdateContactInput,
  UpsertContactInput,
} from '@ghl-bridge/client';
import type { CustomFieldDefinition } from './core/customFields.js';
import type { ContactSyncPlan } from './core/plan.js';
import { contactStepIn, type ContactStep, type ContactWriteBody } from './core/syncSteps.js';
import type { ContactCacheUpdate, ContactSyncContext } from './contactSyncContext.js';
import { clearFieldIds } from './customerStore.js';
import { provisionedPlan } from './fieldProvisioning.js';
import type { Journal } from './journal.js';
import { contactWriteFailure } from './syncFailures.js';

/** After the contact write: the plan (with new field ids if it had to provision again) and the contact. */
export interface WrittenContact {
  plan: ContactSyncPlan;
  contactId: string;
  /** The contact's tags, when this attempt wrote it (the write returns them). */
  contactTags?: string[];
}

/**
 * The plan's contact write, unless an earlier attempt did it. Not marked started: the write is
 * an upsert, or an update of a known contact, that a retry simply sends again (nothing would read
 * the mark). Its result goes with the journal's next statement.
 *
 * @example const { contactId, contactTags } = await writeContactStep(ctx, journal, saveCustomer, plan);
 */
export async function writeContactStep(
  ctx: ContactSyncContext,
  journal: Journal,
  saveCustomer: (update: ContactCacheUpdate) => void,
  plan: ContactSyncPlan,
): Promise<WrittenContact> {
  const written = journal.get(plan.keys.contact);
  if (written?.status === 'done' && typeof written.result?.contactId === 'string') {
    return { plan, contactId: written.result.contactId };
  }
  const definitions = ctx.naming.fieldDefinitions;
  let contact: Contact;
  try {
    contact = await writeContact(ctx.hl, contactStepIn(plan.steps), definitions);
  } catch (error) {
    if (contactWriteFailure(error, contactStepIn(plan.steps), definitions) !== 'field-rejected') {
      throw error;
    }
    // A cached field was deleted or changed in HighLevel: provision again, write once more.
    await clearFieldIds(ctx.db, ctx.workspaceId, ctx.locationId);
    plan = await provisionedPlan(ctx, plan);
    contact = await writeContact(ctx.hl, contactStepIn(plan.steps), definitions);
  }
  const contactId = contact.id!;
  saveCustomer({ contactId });
  journal.done(plan.keys.contact, { contactId });
  return { plan, contactId, contactTags: contact.tags ?? [] };
}

/**
 * The plan's contact write (`updateOrUpsertContact`), the upsert taking over from an update of the
 * cached contact when HighLevel no longer has it (deleted: the upsert recreates it) or refuses it
 * as a duplicate.
 */
function writeContact(
  hl: HighLevel,
  step: ContactStep,
  definitions: readonly CustomFieldDefinition[],
): Promise<Contact> {
  const upsertBody = dto(step.kind === 'upsert-contact' ? step.body : step.upsertBody);
  return updateOrUpsertContact(
    hl,
    step.kind === 'upsert-contact'
      ? { upsertBody }
      : { contactId: step.contactId, body: dto(step.body), upsertBody },
    (error) => {
      const failure = contactWriteFailure(error, step, definitions);
      return failure === 'contact-gone' || failure === 'duplicate-contact';
    },
  );
}

/**
 * A contact write: `PUT /contacts/{id}` of a known contact, else `POST /contacts/upsert`, which
 * finds the contact by email or phone. The upsert takes over from the update when
 * `upsertTakesOver(error)`: when HighLevel no longer has the contact (the upsert recreates it) or
 * refuses the update as a duplicate (the new email or phone belongs to another contact: the upsert
 * applies HighLevel's own duplicate rules, and with email and phone matching two contacts updates
 * the first in the Location's order, ignoring the other field: the description of
 * `POST /contacts/upsert` in spec/highlevel/apps/contacts.json,
 * docs/highlevel-behaviour.md#upsert).
 *
 * @example
 * const contact = await updateOrUpsertContact(hl, { contactId, body, upsertBody }, (e) => e instanceof NotFoundError);
 */
export async function updateOrUpsertContact(
  hl: HighLevel,
  write: { contactId?: string; body?: UpdateContactInput; upsertBody: UpsertContactInput },
  upsertTakesOver: (error: unknown) => boolean,
): Promise<Contact> {
  const { contactId, body, upsertBody } = write;
  if (contactId === undefined || body === undefined) {
    return (await hl.contacts.upsert(upsertBody)).contact;
  }
  try {
    return await hl.contacts.update(contactId, body);
  } catch (error) {
    if (!upsertTakesOver(error)) throw error;
    return (await hl.contacts.upsert(upsertBody)).contact;
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
