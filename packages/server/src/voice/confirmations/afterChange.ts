/**
 * What a booking, reschedule or cancellation leaves to do after the caller has the answer: the
 * confirmation to the caller, and the note in the appointment's history. Like the booking's note
 * and tags (../followUps.ts), each is tried at once and never changes the answer; what fails is
 * left to a durable job (`voice-confirmations`, confirmationJob.ts) that retries with backoff,
 * and a confirmation that falls in quiet hours to one that starts when they end.
 */
import type { VoiceContext } from '../context.js';
import type { AppointmentChange } from './core/change.js';
import type { HistoryNote } from './core/appointmentHistory.js';
import { confirmChange, type ConfirmResult } from './confirmChange.js';
import { sendFailure } from './sendFailure.js';

export const VOICE_CONFIRMATIONS_QUEUE = 'voice-confirmations';

/** One thing to do after a change. */
export type AfterChange =
  { do: 'confirm'; change: AppointmentChange } | { do: 'note'; note: HistoryNote };

export interface VoiceConfirmationJob {
  workspaceId: string;
  work: AfterChange;
}

/**
 * Writes the note on the appointment unless a note with its marker is there already. A refusal
 * (the appointment deleted in HighLevel) has nothing to retry.
 */
async function writeNote(ctx: VoiceContext, note: HistoryNote): Promise<ConfirmResult> {
  try {
    for await (const written of ctx.hl.appointmentNotes.listAll(note.appointmentId)) {
      if (written.body?.includes(note.marker)) return {};
    }
    await ctx.hl.appointmentNotes.create(note.appointmentId, { body: note.body });
    return {};
  } catch (error) {
    const failure = sendFailure(error);
    if (failure.retry) return { retry: failure.reason };
    ctx.log.warn(
      { appointmentId: note.appointmentId, reason: failure.reason },
      'appointment history note refused; not retried',
    );
    return {};
  }
}

/**
 * Does `work` once: what is left (a retry, a later send) is in the result. Throws when the
 * database or HighLevel could not be read (a retry may fix it).
 *
 * @example const left = await runAfterChange(ctx, { do: 'note', note });
 */
export function runAfterChange(ctx: VoiceContext, work: AfterChange): Promise<ConfirmResult> {
  return work.do === 'confirm' ? confirmChange(ctx, work.change) : writeNote(ctx, work.note);
}

/**
 * Queues `work` to be done again: at once when it failed, at `startAfter` when it waits.
 *
 * @example await queueAfterChange(ctx, work, quietEnd);
 */
export async function queueAfterChange(
  ctx: Pick<VoiceContext, 'db' | 'queue' | 'workspaceId'>,
  work: AfterChange,
  startAfter?: Date,
): Promise<void> {
  const job: VoiceConfirmationJob = { workspaceId: ctx.workspaceId, work };
  await ctx.queue.enqueue(ctx.db, VOICE_CONFIRMATIONS_QUEUE, job, startAfter ? { startAfter } : {});
}

/**
 * Runs each of `works` now; what is left is queued. Resolves when every one is done or queued;
 * never rejects.
 *
 * @example background.push(changedInBackground(ctx, [{ do: 'confirm', change }]));
 */
export function changedInBackground(ctx: VoiceContext, works: readonly AfterChange[]) {
  return Promise.all(
    works.map(async (work) => {
      let left: ConfirmResult;
      try {
        left = await runAfterChange(ctx, work);
      } catch (error) {
        left = { retry: error instanceof Error ? error.message : String(error) };
      }
      if (left.retry) ctx.log.warn({ step: work.do, reason: left.retry }, 'voice follow-up queued');
      if (!left.retry && !left.waitUntil) return;
      // A call repeated in quiet hours queues a second job for their end: the first run to
      // claim the confirmation sends it, the other finds it sent (confirmationStore.ts).
      try {
        await queueAfterChange(ctx, work, left.retry ? undefined : left.waitUntil);
      } catch (error) {
        ctx.log.error(
          { err: error, step: work.do },
          'voice follow-up could not be queued; the change stands without it',
        );
      }
    }),
  ).then(() => undefined);
}
