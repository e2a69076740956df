/**
 * The journal keys of a sync job's steps. A key names one booking, one version and one step, and
 * stays the same across every retry of the job, so a retry finds what an earlier attempt did. The
 * keys are stored in `sync_steps`: their format never changes, or journals written by an earlier
 * version of ghl-bridge would stop resuming.
 */
import type { LedgerBooking } from './ledger.js';

export interface SyncStepKeys {
  provisionFields: string;
  upsertContact: string;
  updateContact: string;
  /** What the contact write is journaled under, whether it is an upsert or an update. */
  contact: string;
  addTags: string;
  removeTags: string;
  addNote: string;
}

/**
 * The keys of the job that syncs `current` to its own customer, or to the customer it moved away
 * from (`formerCustomer`).
 *
 * @example
 * syncStepKeys({ id: 'bk/1', version: 3 }, { formerCustomer: false }).addNote;
 * // 'booking/bk%2F1/v3/add-note'
 */
export function syncStepKeys(
  current: Pick<LedgerBooking, 'id' | 'version'>,
  { formerCustomer }: { formerCustomer: boolean },
): SyncStepKeys {
  // Booking ids may hold `/`; encoded, a key names exactly one booking, version and step.
  const prefix =
    `booking/${encodeURIComponent(current.id)}/v${current.version}/` +
    (formerCustomer ? 'former-customer/' : '');
  return {
    provisionFields: `${prefix}provision-fields`,
    upsertContact: `${prefix}upsert-contact`,
    updateContact: `${prefix}update-contact`,
    contact: `${prefix}contact`,
    addTags: `${prefix}add-tags`,
    removeTags: `${prefix}remove-tags`,
    addNote: `${prefix}add-note`,
  };
}
