/**
 * What a booking leaves to do after the caller has the answer: the note, the tags, and settling
 * a create whose outcome was unknown. Tried at once; what fails goes to a durable job
 * (`voice-follow-up`) that retries with backoff, surviving a restart, and is never reported to
 * the caller as a failed booking (docs/architecture.md#voice-booking).
 */
import type { JobHandler, QueueDefinition } from '../queue/jobQueue.js';
import {
  voiceBookingNote,
  voiceNoteMarker,
  type BackgroundStep,
  type BookingCall,
} from './core/saga.js';
import { forgetOutcome } from './bookingOutcomeStore.js';
import { findAppointment } from './createAppointment.js';
import { openVoiceContext, type VoiceContext, type VoiceDeps } from './context.js';
import { loadVoiceSetup } from './settingsStore.js';

export const VOICE_FOLLOW_UP_QUEUE = 'voice-follow-up';

/** Retries 5 s, 10 s, 20 s … doubling: the last about 21 minutes after the booking. */
export const voiceFollowUpQueue: QueueDefinition = {
  policy: 'standard',
  retryLimit: 8,
  retryDelaySeconds: 5,
};

export interface FollowUp {
  step: BackgroundStep;
  call: BookingCall;
  /** The caller's name as given, for the note. */
  name: string;
  idempotencyKey: string;
  slot: string;
}

export interface VoiceFollowUpJob extends FollowUp {
  workspaceId: string;
}

/** One follow-up, safe to repeat: a note is looked up by its marker before it is written. */
async function runFollowUp(ctx: VoiceContext, followUp: FollowUp): Promise<void> {
  const { step, call, idempotencyKey } = followUp;
  switch (step.do) {
    case 'add_note': {
      const marker = voiceNoteMarker(idempotencyKey);
      const notes = await ctx.hl.notes.list(step.contactId);
      if (notes.some((note) => note.body?.includes(marker))) return;
      const body = voiceBookingNote({
        idempotencyKey,
        start: followUp.slot,
        name: followUp.name,
        asked: call.asked,
        callId: call.callId,
        ...(call.callerNumber ? { callerNumber: call.callerNumber } : {}),
      });
      await ctx.hl.notes.create(step.contactId, { body });
      return;
    }
    case 'add_tags':
      await ctx.hl.contacts.addTags(step.contactId, step.tags);
      return;
    case 'update_contact':
      await ctx.hl.contacts.update(step.contactId, step.fields);
      return;
    case 'reconcile': {
      const found = await findAppointment(ctx, step.calendarId, step.contactId, step.start);
      // Not found: the record is dropped so a later request books afresh after a slot check.
      if (!found) await forgetOutcome(ctx.db, ctx.workspaceId, idempotencyKey);
      return;
    }
  }
}

/**
 * Runs the follow-ups now; each that fails is queued as a job. Resolves when every one is done
 * or queued; never rejects.
 *
 * @example void finishInBackground(ctx, followUps);
 */
export function finishInBackground(ctx: VoiceContext, followUps: FollowUp[]): Promise<void> {
  return Promise.all(
    followUps.map(async (followUp) => {
      try {
        await runFollowUp(ctx, followUp);
        return;
      } catch (error) {
        ctx.log.warn({ err: error, step: followUp.step.do }, 'voice follow-up failed; queued');
      }
      try {
        const job: VoiceFollowUpJob = { workspaceId: ctx.workspaceId, ...followUp };
        await ctx.queue.enqueue(ctx.db, VOICE_FOLLOW_UP_QUEUE, job);
      } catch (error) {
        ctx.log.error(
          { err: error, step: followUp.step.do, key: followUp.idempotencyKey },
          'voice follow-up could not be queued; the booking stands without it',
        );
      }
    }),
  ).then(() => undefined);
}

/**
 * The worker side: the follow-up again, in the workspace's current context. A workspace that
 * turned voice off or disconnected meanwhile has nothing left to finish.
 *
 * @example queue.work(VOICE_FOLLOW_UP_QUEUE, voiceFollowUpHandler(deps));
 */
export function voiceFollowUpHandler(deps: VoiceDeps): JobHandler<VoiceFollowUpJob> {
  return async ({ data }) => {
    const log = deps.logger.child({ workspaceId: data.workspaceId, job: VOICE_FOLLOW_UP_QUEUE });
    const setup = await loadVoiceSetup(deps.database.db, deps.keyring, data.workspaceId);
    const ctx = setup && openVoiceContext(deps, log, data.workspaceId, setup);
    if (!ctx) {
      log.info({ step: data.step.do }, 'voice follow-up dropped: voice or connection removed');
      return;
    }
    await runFollowUp(ctx, data);
  };
}
