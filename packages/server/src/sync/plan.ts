/**
 * The HighLevel calls one booking change needs for one customer, in order, decided from plain
 * data. The worker runs the steps, journals each by its `key`, skips steps already journaled on a
 * retry, and does nothing the plan does not say.
 *
 * A repeat booking whose tag set did not change plans 2 calls: the contact write and the note.
 */
import { customerKey, type BookingCustomer } from './bookingEvent.js';
import {
  bookingFieldDefinitions,
  customFieldValues,
  type CustomFieldDefinition,
  type CustomFieldWrite,
  type FieldIds,
} from './customFields.js';
import type { LedgerBooking } from './ledger.js';
import { noteForChange, type NoteOptions } from './notes.js';
import { customerStats, type CustomerStats, type StatsOptions } from './stats.js';
import { desiredTags, tagDiff, type TagDiff, type TagNames } from './tags.js';

export interface ContactSyncInput {
  locationId: string;
  /** Whose contact this is: the booking's customer, or its former one if the booking moved. */
  customer: BookingCustomer;
  /** The change that started the job: the version the ledger held before (if any) and now. */
  change: { previous?: LedgerBooking; current: LedgerBooking };
  /** The current version of every booking of `customer`, from the ledger. */
  bookings: readonly LedgerBooking[];
  /** Cached HighLevel field ids by definition key. */
  fieldIds: FieldIds;
  fieldDefinitions?: readonly CustomFieldDefinition[];
  /** Tags ghl-bridge applied to this contact and has not removed. */
  appliedTags: readonly string[];
  /** The contact's tags, if known without a call (e.g. returned by the last contact write). */
  contactTags?: readonly string[];
  /** Cached HighLevel contact id. */
  contactId?: string;
  stats?: StatsOptions;
  tagNames?: Partial<TagNames>;
  note?: NoteOptions;
}

/** Contact fields ghl-bridge writes. Never `tags`: HighLevel would replace them all. */
export interface ContactWriteBody {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  customFields: CustomFieldWrite[];
}

interface Step<K extends string> {
  kind: K;
  /** Stable across retries of the same job: what the journal records. */
  key: string;
  /** HighLevel calls the step makes when nothing goes wrong. */
  estimatedCalls: number;
}

export type SyncStep =
  /**
   * `GET /locations/{id}/customFields`, then create the `missing` definitions
   * (`planFieldProvisioning`). Field ids are then known, so plan again with them: the contact
   * step's `customFields` are built from ids, and every other step key stays the same.
   */
  | (Step<'provision-fields'> & { missing: string[] })
  /** `POST /contacts/upsert`: HighLevel matches the email/phone by the Location's duplicate rules. */
  | (Step<'upsert-contact'> & { body: ContactWriteBody & { locationId: string } })
  /**
   * `PUT /contacts/{contactId}`. If HighLevel answers that the contact is gone (deleted there),
   * run `upsertBody` instead, which recreates it, and cache the new id.
   */
  | (Step<'update-contact'> & {
      contactId: string;
      body: ContactWriteBody;
      upsertBody: ContactWriteBody & { locationId: string };
    })
  /** `POST /contacts/{id}/tags`; afterwards ghl-bridge's applied tags are `appliedAfter`. */
  | (Step<'add-tags'> & { tags: string[]; appliedAfter: string[] })
  /** `DELETE /contacts/{id}/tags`; afterwards ghl-bridge's applied tags are `appliedAfter`. */
  | (Step<'remove-tags'> & { tags: string[]; appliedAfter: string[] })
  /**
   * `POST /contacts/{id}/notes` with `body`. If a previous attempt's outcome is unknown, list
   * the contact's notes first and skip when `findNoteMarker` finds `marker`.
   */
  | (Step<'add-note'> & { body: string; marker: string });

export interface ContactSyncPlan {
  customerKey: string;
  stats: CustomerStats;
  /** The change's note (null when it earns none). */
  note: { body: string; marker: string } | null;
  desiredTags: string[];
  tags: TagDiff;
  steps: SyncStep[];
  /** Sum over the steps: HighLevel calls this job should cost. */
  estimatedCalls: number;
}

/**
 * The steps for one customer after one booking change.
 *
 * The note belongs to the booking's own customer: when a new version moved the booking to
 * another email/phone, the former customer's job refreshes stats and tags only.
 *
 * @example
 * const plan = planContactSync({ locationId, customer: current.customer, change, bookings,
 *   fieldIds, appliedTags, contactId });
 * for (const step of plan.steps) if (!journal.done(step.key)) await run(step);
 */
export function planContactSync(
  input: ContactSyncInput,
  /**
   * A plan made earlier for the same change and bookings (only field ids, the contact and its
   * tags learnt since): its stats and note are reused, not computed again from every booking.
   */
  earlier?: ContactSyncPlan,
): ContactSyncPlan {
  const { current, previous } = input.change;
  const key = customerKey(input.customer);
  const ownBooking = customerKey(current.customer) === key;
  // Booking ids may hold `/`; encoded, a key names exactly one booking, version and step.
  const keyPrefix =
    `booking/${encodeURIComponent(current.id)}/v${current.version}/` +
    (ownBooking ? '' : 'former-customer/');
  const definitions = input.fieldDefinitions ?? bookingFieldDefinitions();
  const stats = earlier?.stats ?? customerStats(input.bookings, input.stats);
  const steps: SyncStep[] = [];

  const missing = definitions.filter((d) => !input.fieldIds[d.key]).map((d) => d.key);
  if (missing.length > 0) {
    steps.push({
      kind: 'provision-fields',
      key: `${keyPrefix}provision-fields`,
      missing,
      estimatedCalls: 1 + missing.length,
    });
  }

  const body = contactBody(input.customer, customFieldValues(stats, input.fieldIds, definitions));
  const upsertBody = { locationId: input.locationId, ...body };
  steps.push(
    input.contactId
      ? {
          kind: 'update-contact',
          key: `${keyPrefix}update-contact`,
          contactId: input.contactId,
          body,
          upsertBody,
          estimatedCalls: 1,
        }
      : {
          kind: 'upsert-contact',
          key: `${keyPrefix}upsert-contact`,
          body: upsertBody,
          estimatedCalls: 1,
        },
  );

  const desired = desiredTags(stats, input.bookings, input.tagNames);
  const tags = tagDiff({
    desired,
    appliedByUs: input.appliedTags,
    ...(input.contactTags ? { onContact: input.contactTags } : {}),
  });
  if (tags.add.length > 0) {
    steps.push({
      kind: 'add-tags',
      key: `${keyPrefix}add-tags`,
      tags: tags.add,
      // Until the removal has run, the tags it will remove are still ours and still there.
      appliedAfter: [...new Set([...tags.nextApplied, ...tags.remove])].sort(),
      estimatedCalls: 1,
    });
  }
  if (tags.remove.length > 0) {
    steps.push({
      kind: 'remove-tags',
      key: `${keyPrefix}remove-tags`,
      tags: tags.remove,
      appliedAfter: tags.nextApplied,
      estimatedCalls: 1,
    });
  }

  const note =
    earlier !== undefined
      ? earlier.note
      : ownBooking
        ? noteForChange(previous, current, input.note)
        : null;
  if (note) {
    steps.push({
      kind: 'add-note',
      key: `${keyPrefix}add-note`,
      body: note.body,
      marker: note.marker,
      estimatedCalls: 1,
    });
  }

  return {
    customerKey: key,
    stats,
    note: note ? { body: note.body, marker: note.marker } : null,
    desiredTags: desired,
    tags,
    steps,
    estimatedCalls: steps.reduce((sum, step) => sum + step.estimatedCalls, 0),
  };
}

/** Only what the booking gave: an absent name is left alone on HighLevel, not blanked. */
function contactBody(
  customer: BookingCustomer,
  customFields: CustomFieldWrite[],
): ContactWriteBody {
  return {
    ...(customer.firstName ? { firstName: customer.firstName } : {}),
    ...(customer.lastName ? { lastName: customer.lastName } : {}),
    ...(customer.email ? { email: customer.email } : {}),
    ...(customer.phone ? { phone: customer.phone } : {}),
    customFields,
  };
}
