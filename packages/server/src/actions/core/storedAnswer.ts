/**
 * HighLevel's answer to an action, as data: what the caller is told, and what is stored under an
 * Idempotency-Key and told again to a retry. Only answers about the request itself are kept: the
 * result, or a refusal that sending the same request again would get again (invalid input,
 * nothing with that id, a duplicate contact, a taken slot), or a write that was sent and whose
 * answer was lost (HighLevel may have done it: sending it again under the same key must not do it
 * twice). A failure of the connection, or HighLevel not reached at all, is not an answer: a
 * retry runs the action again.
 */

/** Why HighLevel refused the request itself. */
export type RefusalReason = 'invalid' | 'not_found' | 'duplicate_contact' | 'slot_unavailable';

export interface HighLevelRefusal {
  reason: RefusalReason;
  /** HighLevel's HTTP status. */
  status: number | undefined;
  /** The client's sentence: what HighLevel answered, on which operation, in its words. */
  message: string;
  /** HighLevel's own messages, one per problem. */
  messages: string[];
  traceId?: string;
  /** `duplicate_contact`: the contact that already has the email or phone. */
  existingContactId?: string;
}

export type StoredAnswer =
  | { kind: 'result'; status: number | undefined; result: unknown }
  | { kind: 'refused'; refusal: HighLevelRefusal }
  /** The write was sent and no answer came: the client's sentence saying so. */
  | { kind: 'unknown'; message: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A stored answer read back from its JSON; undefined when the row holds something else (written by
 * a later version), which the caller treats as no answer.
 *
 * @example storedAnswerFromJson({ kind: 'result', status: 201, result: { contact: {} } })
 */
export function storedAnswerFromJson(value: unknown): StoredAnswer | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === 'result') {
    const status = typeof value.status === 'number' ? value.status : undefined;
    return { kind: 'result', status, result: value.result ?? null };
  }
  if (value.kind === 'unknown' && typeof value.message === 'string') {
    return { kind: 'unknown', message: value.message };
  }
  if (value.kind === 'refused' && isObject(value.refusal)) {
    const r = value.refusal;
    const reasons: RefusalReason[] = [
      'invalid',
      'not_found',
      'duplicate_contact',
      'slot_unavailable',
    ];
    if (!reasons.includes(r.reason as RefusalReason) || typeof r.message !== 'string') {
      return undefined;
    }
    return {
      kind: 'refused',
      refusal: {
        reason: r.reason as RefusalReason,
        status: typeof r.status === 'number' ? r.status : undefined,
        message: r.message,
        messages: Array.isArray(r.messages) ? r.messages.map(String) : [],
        ...(typeof r.traceId === 'string' ? { traceId: r.traceId } : {}),
        ...(typeof r.existingContactId === 'string'
          ? { existingContactId: r.existingContactId }
          : {}),
      },
    };
  }
  return undefined;
}
