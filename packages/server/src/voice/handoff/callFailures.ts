/**
 * The failed answers of one call, for handing the caller to a person after
 * `handoff.afterFailures` of them (core/repeatedFailures.ts): those already in the call's audit
 * trail (callAudit.ts), read once per message and only when something fails, plus this message's.
 */
import { callEvents } from '../callAudit.js';
import type { VoiceContext } from '../context.js';
import { failedAnswers, handOffAfterFailures } from './core/repeatedFailures.js';

export interface CallFailures {
  /** Counts one more failed answer; resolves with the call's count and whether to hand off. */
  failed(): Promise<{ failures: number; handOff: boolean }>;
}

/**
 * A counter for one message of `callId` (none: the message's failures alone count).
 *
 * @example const failures = callFailures(ctx, input.callId); if ((await failures.failed()).handOff) …
 */
export function callFailures(ctx: VoiceContext, callId: string | undefined): CallFailures {
  let earlier: Promise<number> | undefined;
  let inMessage = 0;
  return {
    async failed() {
      inMessage += 1;
      earlier ??= callId
        ? callEvents(ctx.db, ctx.workspaceId, callId).then(
            (events) => failedAnswers(events.map((event) => event.outcome)),
            (error: unknown) => {
              // Without the trail the caller is not handed off early; the answer still goes out.
              ctx.log.warn({ err: error }, 'voice call audit unreadable; failures not counted');
              return 0;
            },
          )
        : Promise.resolve(0);
      const failures = (await earlier) + inMessage;
      return {
        failures,
        handOff: handOffAfterFailures(failures, ctx.settings.handoff.afterFailures),
      };
    },
  };
}
