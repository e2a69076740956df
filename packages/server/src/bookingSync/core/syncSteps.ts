/**
 * The steps of a contact sync plan (`plan.ts`): each a HighLevel call with the data it sends, and
 * the journal key it is recorded under.
 */
import type { CustomFieldWrite } from './customFields.js';

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
   * (`planFieldProvisioning`). Field ids are then known: `withFieldIds` gives the contact step
   * its `customFields`, and every step key stays the same.
   */
  | (Step<'provision-fields'> & { missing: string[] })
  /** `POST /contacts/upsert`: HighLevel matches the email/phone by the Location's duplicate rules. */
  | (Step<'upsert-contact'> & { body: ContactWriteBody & { locationId: string } })
  /**
   * `PUT /contacts/{contactId}`. If HighLevel answers that the contact is gone (deleted there) or
   * that its new email or phone belongs to another contact, run `upsertBody` instead, which
   * recreates it or applies the Location's duplicate rules, and cache the id it returns.
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

/** The contact write: an upsert, or an update of the cached contact. */
export type ContactStep = Extract<SyncStep, { kind: 'upsert-contact' | 'update-contact' }>;
/** The calls after the contact write: tags and the note. */
export type FollowUpStep = Extract<SyncStep, { kind: 'add-tags' | 'remove-tags' | 'add-note' }>;

/**
 * The contact write among `steps` (a plan has exactly one).
 *
 * @example await hl.contacts.upsert(contactStepIn(plan.steps).body);
 */
export function contactStepIn(steps: readonly SyncStep[]): ContactStep {
  const step = steps.find(
    (s): s is ContactStep => s.kind === 'upsert-contact' || s.kind === 'update-contact',
  );
  if (!step) throw new Error('A contact sync plan without a contact write');
  return step;
}

/**
 * The tag and note steps among `steps`, in order.
 *
 * @example for (const step of followUpStepsIn(plan.steps)) await run(step);
 */
export function followUpStepsIn(steps: readonly SyncStep[]): FollowUpStep[] {
  return steps.filter(
    (s): s is FollowUpStep =>
      s.kind === 'add-tags' || s.kind === 'remove-tags' || s.kind === 'add-note',
  );
}
