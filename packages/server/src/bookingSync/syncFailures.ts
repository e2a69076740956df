/**
 * What a failed sync means, told from the HighLevel client's typed errors (never from the wording
 * of HighLevel's messages, which the client reads in one place): whether a retry can fix it, or
 * only a person can, with the reason in words; and what a refused contact write says about the
 * contact and its custom fields.
 */
import {
  AuthenticationError,
  DuplicateContactError,
  HighLevelError,
  LocationAccessError,
  NotFoundError,
  ScopeError,
  ValidationError,
} from '@ghl-bridge/client';
import { CredentialKeyError } from '../crypto/credentials.js';
import { ConnectionPausedError } from '../oauth/installAuth.js';
import type { CustomFieldDefinition } from './core/customFields.js';
import type { ContactStep } from './core/syncSteps.js';

/**
 * A failure no retry can fix until a person acts; `message` says what to do.
 *
 * @example throw new PermanentSyncError('The field … is TEXT, but ghl-bridge writes NUMERICAL there.', 'rejected');
 */
export class PermanentSyncError extends Error {
  constructor(
    message: string,
    readonly kind: 'credentials' | 'rejected',
  ) {
    super(message);
    this.name = 'PermanentSyncError';
  }
}

/**
 * How a sync attempt failed: `retry` goes back to the queue (with backoff); `credentials` and
 * `rejected` fail the job at once, and `credentials` jobs are retried after a reconnect.
 */
export interface SyncFailure {
  /** `paused`: the app's install is gone; the job waits, it does not fail. */
  kind: 'retry' | 'credentials' | 'rejected' | 'paused';
  reason: string;
}

/**
 * The failure `error` is, with what to do about it in plain words.
 *
 * @example syncFailure(new ScopeError('scope_not_authorized', '…')).kind; // 'credentials'
 */
export function syncFailure(error: unknown): SyncFailure {
  if (error instanceof PermanentSyncError) return { kind: error.kind, reason: error.message };
  if (error instanceof ConnectionPausedError) return { kind: 'paused', reason: error.reason };
  if (error instanceof CredentialKeyError) {
    return {
      kind: 'credentials',
      reason: `The stored GoHighLevel API key cannot be decrypted with the configured secret keys (${error.message}). Reconnect GoHighLevel; this job is retried automatically after reconnecting.`,
    };
  }
  // HighLevel's auth failures: docs/highlevel-behaviour.md#auth-error-triad
  // (https://github.com/GoHighLevel/highlevel-api-docs/issues/213).
  if (error instanceof AuthenticationError) {
    return {
      kind: 'credentials',
      reason:
        'HighLevel refused the stored API key: it is invalid, expired or was revoked. Create a new Private Integration token (Settings → Private Integrations) and reconnect GoHighLevel; this job is retried automatically after reconnecting.',
    };
  }
  if (error instanceof ScopeError) {
    return {
      kind: 'credentials',
      reason: `The API key lacks a permission the booking sync needs (HighLevel: "${error.message}"). Add the contacts and custom field scopes to the Private Integration and reconnect GoHighLevel; this job is retried automatically after reconnecting.`,
    };
  }
  if (error instanceof LocationAccessError) {
    return {
      kind: 'credentials',
      reason:
        'The API key no longer has access to the connected Location. Reconnect GoHighLevel with a key of the same sub-account; this job is retried automatically after reconnecting.',
    };
  }
  // HighLevel validates bodies against the DTO and answers 422 (or 400): sending the same data
  // again gets the same answer (docs/highlevel-behaviour.md#unknown-properties-are-refused).
  if (error instanceof ValidationError) {
    return {
      kind: 'rejected',
      reason: `HighLevel rejected the contact data: ${error.messages.join('; ') || error.message}. Fix the booking and send it again, then retry this job.`,
    };
  }
  // Everything else (429s past the client's own retries, 5xx, timeouts, a create whose outcome is
  // unknown, a lost connection) may go through on a later attempt.
  if (error instanceof HighLevelError) {
    return {
      kind: 'retry',
      reason: `HighLevel call failed (${error.code}${error.status ? `, HTTP ${error.status}` : ''}): ${error.message}. It is retried automatically.`,
    };
  }
  return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
}

/**
 * What a refused contact write means:
 * - `field-rejected`: HighLevel refused a custom field the write sent (deleted or changed there
 *   since its id was cached): provision the fields again and write once more;
 * - `contact-gone`: the cached contact no longer exists (deleted in HighLevel): the upsert
 *   recreates it;
 * - `duplicate-contact`: the new email or phone belongs to another contact: the upsert applies the
 *   Location's duplicate rules (docs/highlevel-behaviour.md#duplicate-contacts);
 * - undefined: anything else, for `syncFailure`.
 *
 * HighLevel answers a missing contact and a missing custom field alike, a 400 "… not found for
 * id:<id>" (docs/highlevel-behaviour.md#not-found-is-400), which the client raises as a
 * `NotFoundError`; which of the two it was is told by the identifiers the answer names: a field id
 * the write sent, or the field key a 422 about a value names.
 *
 * @example
 * contactWriteFailure(error, step, definitions); // 'contact-gone'
 */
export function contactWriteFailure(
  error: unknown,
  step: Pick<ContactStep, 'body'>,
  definitions: readonly Pick<CustomFieldDefinition, 'key'>[],
): 'field-rejected' | 'contact-gone' | 'duplicate-contact' | undefined {
  if (error instanceof DuplicateContactError) return 'duplicate-contact';
  if (!(error instanceof NotFoundError) && !(error instanceof ValidationError)) return undefined;
  const fields = [
    ...step.body.customFields.map((field) => field.id),
    ...definitions.map((d) => d.key),
  ];
  if (namesAnyOf(error, fields)) return 'field-rejected';
  return error instanceof NotFoundError ? 'contact-gone' : undefined;
}

/** Whether HighLevel's answer (the error's message or body) names one of `identifiers`. */
function namesAnyOf(error: HighLevelError, identifiers: readonly string[]): boolean {
  const said = `${error.message} ${JSON.stringify(error.body ?? '')}`;
  return identifiers.some((identifier) => said.includes(identifier));
}

/**
 * `make()` (a plan, or its contact step made again with new field ids), or a permanent failure
 * when a stored booking cannot be turned into the contact's stats: a RangeError from the money
 * arithmetic (a price stored before today's amount limit, or a revenue past what a JSON number
 * holds exactly) fails the same way on every attempt, so it is not worth a retry.
 *
 * @example const plan = fromStoredBookings(customerKey, () => planContactSync(input));
 */
export function fromStoredBookings<T>(customerKey: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new PermanentSyncError(
      `The booking fields of customer ${customerKey} cannot be computed from their stored bookings: ${error.message}. Send a new version of the booking with a price of at most 12 digits (docs/booking-events.md#money), then retry this job.`,
      'rejected',
    );
  }
}
