/**
 * When the tool calls of one message hand the caller to a person (docs/vapi.md#handoff-and-alerts):
 * the caller asks (`transfer_to_human`), a booking can't be confirmed either way, or the answers
 * have failed `handoff.afterFailures` times in the call. Each handoff's alert is added to the
 * message's background work.
 */
import type { HandOff, ToolOutcome } from '../core/outcomes.js';
import type { VoiceContext } from '../context.js';
import { repeatedFailuresDetail } from './core/repeatedFailures.js';
import { callFailures } from './callFailures.js';
import { handOff, type HandoffCall } from './handOff.js';

/** The tool call being answered. */
interface Answering {
  id: string;
  name: string;
}

export interface CallHandoffs {
  /** `transfer_to_human`: the caller asked for a person (`detail`: why, when the model says). */
  askedFor(call: Answering, detail?: string): HandOff;
  /** A booking's outcome; `unconfirmed` hands off, with the booking's contact when known. */
  afterBooking(
    call: Answering,
    outcome: ToolOutcome,
    booking: { contactId?: string; name: string },
  ): ToolOutcome;
  /** Any answer; the `afterFailures`-th failure in the call (and every later one) hands off. */
  afterAnswer(call: Answering, outcome: ToolOutcome): Promise<ToolOutcome>;
}

/**
 * The handoffs of one message of a call; their alerts go to `background`.
 *
 * @example const handoffs = callHandoffs(ctx, input, background);
 */
export function callHandoffs(
  ctx: VoiceContext,
  message: { callId?: string; callerNumber?: string },
  background: Promise<void>[],
): CallHandoffs {
  const failures = callFailures(ctx, message.callId);
  const handOffFor = (
    call: Answering,
    why: Pick<HandoffCall, 'reason' | 'detail' | 'contactId'>,
  ) => {
    const handoff = handOff(ctx, {
      ...why,
      // The booking's idempotency falls back to the tool call the same way.
      callId: message.callId ?? `tool-call:${call.id}`,
      ...(message.callerNumber ? { callerNumber: message.callerNumber } : {}),
    });
    background.push(handoff.background);
    return handoff.outcome;
  };
  return {
    askedFor: (call, detail) =>
      handOffFor(call, { reason: 'caller_asked', ...(detail ? { detail } : {}) }),
    afterBooking(call, outcome, booking) {
      if (outcome.status !== 'error' || outcome.code !== 'unconfirmed') return outcome;
      return handOffFor(call, {
        reason: 'unconfirmed',
        detail: `book_appointment for ${booking.name}`,
        ...(booking.contactId ? { contactId: booking.contactId } : {}),
      });
    },
    async afterAnswer(call, outcome) {
      if (outcome.status !== 'error') return outcome;
      const counted = await failures.failed();
      if (!counted.handOff) return outcome;
      const detail = repeatedFailuresDetail(counted.failures, call.name, outcome.code);
      return handOffFor(call, { reason: 'repeated_failures', detail });
    },
  };
}
