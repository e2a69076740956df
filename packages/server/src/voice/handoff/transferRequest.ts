/**
 * Vapi's `transfer-destination-request`: the assistant called its `transferCall` tool
 * (`transfer_to_human`, no destinations of its own) and Vapi asks where to send the call. The
 * answer is the workspace's destination with the words said before the transfer, or an `error`
 * when none is set; either way the caller was handed off, so the team is alerted (once per call:
 * a call a tool answer already handed off is not alerted again).
 */
import { newId } from '../../ids.js';
import type { HandOff } from '../core/outcomes.js';
import type { VoiceSettings } from '../core/settings.js';
import { spokenResult } from '../core/spokenResult.js';
import { recordToolCall } from '../callAudit.js';
import type { VoiceContext } from '../context.js';
import { vapiTransferAnswer, type VapiTransferAnswer } from './core/vapiTransfer.js';
import { handOff } from './handOff.js';

/** How the transfer appears in the call's audit trail, among its tool calls. */
export const TRANSFER_REQUEST = {
  toolCallId: 'transfer-destination-request',
  tool: 'transfer_to_human',
} as const;

/**
 * Where to transfer a caller who asked for a person, with the words said first (in the
 * workspace's language); an `error` when the workspace has no destination. Nothing is stored or
 * alerted.
 *
 * @example transferAnswer(settings, new Date()); // { destination: { type: 'number', number: '+14155550100', message: 'Let me put you through to someone from the team.' } }
 */
export function transferAnswer(settings: VoiceSettings, now: Date): VapiTransferAnswer {
  const { destination } = settings.handoff;
  const outcome: HandOff = { status: 'transfer', reason: 'caller_asked', transfer: !!destination };
  return vapiTransferAnswer(destination, spokenResult(outcome, now, settings.locale).message);
}

/**
 * The answer for Vapi, and `background`: the alert and the audit record still being written.
 *
 * @example const { answer } = answerTransferRequest(ctx, { callId: 'call_8f2a', callerNumber: '+14155550100' });
 */
export function answerTransferRequest(
  ctx: VoiceContext,
  call: { callId?: string; callerNumber?: string },
): { answer: VapiTransferAnswer; background: Promise<void> } {
  // Without Vapi's call id nothing ties two requests together: each is a handoff of its own.
  const callId = call.callId ?? newId('call');
  const { outcome, background } = handOff(ctx, {
    reason: 'caller_asked',
    callId,
    ...(call.callerNumber ? { callerNumber: call.callerNumber } : {}),
  });
  // Vapi's request carries no language of the caller's: the workspace's is spoken.
  const result = spokenResult(outcome, ctx.now, ctx.locale);
  const audit = recordToolCall(ctx.db, {
    workspaceId: ctx.workspaceId,
    callId,
    ...TRANSFER_REQUEST,
    arguments: {},
    requests: [],
    outcome: result,
  }).catch((error: unknown) => ctx.log.warn({ err: error }, 'voice audit record failed'));
  return {
    answer: vapiTransferAnswer(ctx.settings.handoff.destination, result.message),
    background: Promise.all([background, audit]).then(() => undefined),
  };
}
