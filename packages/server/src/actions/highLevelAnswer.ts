/**
 * What a failed HighLevel call answers about the request, told from the client's typed errors
 * (never from HighLevel's wording, which the client alone reads): the input was invalid, an id in
 * it named nothing (or HighLevel has no such operation at that address: both are its 404), the
 * contact already exists, the slot is taken; or the write was sent and its answer lost. Anything
 * else (the credentials, the rate limit, HighLevel not reached) is about the connection, not the
 * request, and is not an answer to keep.
 */
import {
  DuplicateContactError,
  NotFoundError,
  OutcomeUnknownError,
  SlotUnavailableError,
  ValidationError,
  type HighLevelError,
} from '@ghl-bridge/client';
import type { HighLevelRefusal, RefusalReason, StoredAnswer } from './core/storedAnswer.js';

function refusal(
  reason: RefusalReason,
  error: HighLevelError,
  messages: string[],
  extra: Partial<HighLevelRefusal> = {},
): HighLevelRefusal {
  return {
    reason,
    status: error.status,
    message: error.message,
    messages,
    ...(error.traceId ? { traceId: error.traceId } : {}),
    ...extra,
  };
}

/** The refusal `error` stands for, or undefined when it is not HighLevel refusing the request. */
function refusalOf(error: unknown): HighLevelRefusal | undefined {
  if (error instanceof DuplicateContactError) {
    return refusal('duplicate_contact', error, [], {
      ...(error.existingContactId ? { existingContactId: error.existingContactId } : {}),
    });
  }
  if (error instanceof SlotUnavailableError) return refusal('slot_unavailable', error, []);
  if (error instanceof NotFoundError) return refusal('not_found', error, []);
  if (error instanceof ValidationError) return refusal('invalid', error, error.messages);
  return undefined;
}

/**
 * The answer to keep for `error`, or undefined when there is none (a retry runs the action again).
 *
 * @example answerOf(error) // { kind: 'refused', refusal: { reason: 'invalid', … } }
 */
export function answerOf(error: unknown): StoredAnswer | undefined {
  if (error instanceof OutcomeUnknownError) return { kind: 'unknown', message: error.message };
  const refusal = refusalOf(error);
  return refusal ? { kind: 'refused', refusal } : undefined;
}
