/**
 * Handing a caller to a person (docs/vapi.md#handoff-and-alerts): the answer (`transfer`, put
 * through when the workspace has a transfer destination), and the team's alert raised beside it.
 * The alert never delays or changes the answer; once per call, and what fails of it is retried by
 * a durable job (`handoffJob.ts`).
 */
import { toE164 } from '../../core/phone.js';
import type { HandOff, HandoffReason } from '../core/outcomes.js';
import type { VoiceContext } from '../context.js';
import type { HandoffRecord } from './core/handoffAlert.js';
import { raiseHandoffAlert } from './handoffAlert.js';
import { claimHandoff } from './handoffStore.js';
import { VOICE_HANDOFF_ALERT_QUEUE, type HandoffAlertJob } from './handoffJob.js';

/** Who is handed off, and why. */
export interface HandoffCall {
  reason: HandoffReason;
  /** Vapi's call id: one handoff, and one alert, per call. */
  callId: string;
  /** The calling number as Vapi gave it. */
  callerNumber?: string;
  /** The caller's contact when a booking resolved one. */
  contactId?: string;
  /** What the caller asked for, or what failed, in words. */
  detail?: string;
}

/** The first handoff of the call alerts; a failure of that is queued, never dropped unlogged. */
async function alertOnce(ctx: VoiceContext, record: HandoffRecord): Promise<void> {
  const at = { callId: record.callId, reason: record.reason };
  try {
    if (!(await claimHandoff(ctx.db, record))) {
      ctx.log.info(at, 'voice handoff: this call already handed off; no new alert');
      return;
    }
    const stored = { ...record, at: ctx.now, told: false, taskStarted: false };
    await raiseHandoffAlert(ctx, stored);
    return;
  } catch (error) {
    ctx.log.warn({ ...at, err: error }, 'voice handoff alert failed; queued');
  }
  try {
    const job: HandoffAlertJob = { workspaceId: ctx.workspaceId, handoff: record };
    await ctx.queue.enqueue(ctx.db, VOICE_HANDOFF_ALERT_QUEUE, job);
  } catch (error) {
    ctx.log.error(
      { ...at, err: error },
      'voice handoff alert could not be queued; the team has not been told',
    );
  }
}

/**
 * The `transfer` outcome for the caller, and `background`, the alert still being raised (it never
 * rejects). A second handoff in the same call answers the same and alerts nothing new.
 *
 * @example const { outcome, background } = handOff(ctx, { reason: 'caller_asked', callId, callerNumber });
 */
export function handOff(
  ctx: VoiceContext,
  call: HandoffCall,
): { outcome: HandOff; background: Promise<void> } {
  const transfer = ctx.settings.handoff.destination !== null;
  const callerNumber = call.callerNumber?.trim();
  const record: HandoffRecord = {
    workspaceId: ctx.workspaceId,
    callId: call.callId,
    reason: call.reason,
    transferred: transfer,
    ...(call.detail?.trim() ? { detail: call.detail.trim().slice(0, 2000) } : {}),
    ...(callerNumber
      ? { callerNumber: toE164(callerNumber, ctx.phoneCountry) ?? callerNumber }
      : {}),
    ...(call.contactId ? { contactId: call.contactId } : {}),
  };
  return {
    outcome: { status: 'transfer', reason: call.reason, transfer },
    background: alertOnce(ctx, record),
  };
}
