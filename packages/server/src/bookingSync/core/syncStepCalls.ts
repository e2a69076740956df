/**
 * What a journaled step did in HighLevel, read back from its journal key (`syncStepKeys.ts`): the
 * kind of step, whether it was the job of a booking's former customer, and the HighLevel calls
 * that kind makes (`contactSync.ts`, `contactWrite.ts`, `fieldProvisioning.ts`), so a booking's
 * timeline can say "Add the booking note — POST /contacts/{contactId}/notes".
 */

/** The steps a journal records, by the last segment of their key, in the order a job runs them. */
export const SYNC_STEP_KINDS = [
  'provision-fields',
  'contact',
  'upsert-contact',
  'update-contact',
  'add-tags',
  'remove-tags',
  'add-note',
] as const;
export type SyncStepKind = (typeof SYNC_STEP_KINDS)[number];

export interface HighLevelCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path as HighLevel's API reference writes it (spec/highlevel/apps/*.json). */
  path: string;
  /** When the step makes this call; null: every time it runs. */
  when: string | null;
}

export interface SyncStepDescription {
  kind: SyncStepKind;
  /** What the step does, for people. */
  action: string;
  calls: HighLevelCall[];
}

const call = (method: HighLevelCall['method'], path: string, when: string | null = null) => ({
  method,
  path,
  when,
});

const UPSERT = call('POST', '/contacts/upsert');

/** Every kind of step, its words and its calls: the one place they are written down. */
const STEPS: Record<SyncStepKind, Omit<SyncStepDescription, 'kind'>> = {
  'provision-fields': {
    action: 'Find or create the booking custom fields',
    calls: [
      call('GET', '/locations/{locationId}/customFields'),
      call('POST', '/locations/{locationId}/customFields', 'for each booking field missing'),
    ],
  },
  // The journal records the contact write under one key, whichever of the two it was.
  contact: {
    action: 'Create or update the contact',
    calls: [
      { ...UPSERT, when: 'for a customer without a known contact, or when the known one is gone' },
      call('PUT', '/contacts/{contactId}', 'for a customer whose contact is known'),
    ],
  },
  'upsert-contact': { action: 'Create or update the contact', calls: [UPSERT] },
  'update-contact': {
    action: 'Update the contact',
    calls: [call('PUT', '/contacts/{contactId}')],
  },
  'add-tags': {
    action: 'Add the booking tags',
    calls: [call('POST', '/contacts/{contactId}/tags')],
  },
  'remove-tags': {
    action: 'Remove booking tags that no longer apply',
    calls: [call('DELETE', '/contacts/{contactId}/tags')],
  },
  'add-note': {
    action: 'Add the booking note',
    calls: [
      call('GET', '/contacts/{contactId}/notes', 'on a retry, to find a note already written'),
      call('POST', '/contacts/{contactId}/notes'),
    ],
  },
};

/**
 * The kind, words and HighLevel calls of the step journaled under `key`, and whether it belongs
 * to a booking's former customer; undefined for a key this version does not write.
 *
 * @example
 * describeSyncStep('booking/bk_1/v2/add-note');
 * // { kind: 'add-note', formerCustomer: false, action: 'Add the booking note', calls: [...] }
 */
export function describeSyncStep(
  key: string,
): (SyncStepDescription & { formerCustomer: boolean }) | undefined {
  // booking/<encoded id>/v<version>/[former-customer/]<kind>: the id is encoded, so no `/` in it.
  const match = /^booking\/[^/]+\/v\d+\/(former-customer\/)?([a-z-]+)$/.exec(key);
  const kind = match?.[2];
  if (!match || !isSyncStepKind(kind)) return undefined;
  return { kind, formerCustomer: match[1] !== undefined, ...STEPS[kind] };
}

/**
 * Where a step of `kind` comes in a job's run, to list a job's steps in the order they ran.
 *
 * @example syncStepOrder('contact') < syncStepOrder('add-note'); // true
 */
export function syncStepOrder(kind: SyncStepKind): number {
  return SYNC_STEP_KINDS.indexOf(kind);
}

function isSyncStepKind(kind: string | undefined): kind is SyncStepKind {
  return (SYNC_STEP_KINDS as readonly (string | undefined)[]).includes(kind);
}
