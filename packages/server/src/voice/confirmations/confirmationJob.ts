/**
 * The `voice-confirmations` queue: a confirmation or history note that could not be done at once
 * (afterChange.ts), done again in the workspace's current context. A failure a retry may fix is
 * thrown, for pg-boss to retry with backoff; a confirmation still waiting for quiet hours to end
 * gets a job of its own at their end. A job given up on fails its confirmations for good, and the
 * app is told (`voice.confirmation_failed`).
 */
import type { JobHandler, QueueDefinition } from '../../queue/jobQueue.js';
import { openVoiceContext, type VoiceDeps } from '../context.js';
import { loadVoiceSetup } from '../settingsStore.js';
import { changeKey } from './core/change.js';
import {
  queueAfterChange,
  runAfterChange,
  VOICE_CONFIRMATIONS_QUEUE,
  type VoiceConfirmationJob,
} from './afterChange.js';
import { confirmationsOf, isSettled } from './confirmationStore.js';
import { failForGood } from './deliver.js';

export { VOICE_CONFIRMATIONS_QUEUE, type VoiceConfirmationJob } from './afterChange.js';

/** Retries 10 s, 20 s, 40 s … doubling to 5 minutes: the last about 25 minutes after the change. */
export const voiceConfirmationsQueue: QueueDefinition = {
  policy: 'standard',
  retryLimit: 8,
  retryDelaySeconds: 10,
  // A job lost with its worker, or out of retries, would otherwise leave a row `sending`.
  reportGivenUp: true,
};

/**
 * The worker side. A workspace that turned voice off or disconnected meanwhile has nothing left to
 * send; its rows stay as they were.
 *
 * @example await queue.work(VOICE_CONFIRMATIONS_QUEUE, voiceConfirmationsHandler(deps));
 */
export function voiceConfirmationsHandler(deps: VoiceDeps): JobHandler<VoiceConfirmationJob> {
  const handler: JobHandler<VoiceConfirmationJob> = async ({ data }) => {
    const { workspaceId, work } = data;
    const log = deps.logger.child({ workspaceId, job: VOICE_CONFIRMATIONS_QUEUE });
    const setup = await loadVoiceSetup(deps.database.db, deps.keyring, workspaceId);
    const opened = setup && openVoiceContext(deps, log, workspaceId, setup);
    if (!opened) {
      log.info({ step: work.do }, 'voice follow-up dropped: voice or connection removed');
      return;
    }
    // Written in the caller's language, not the workspace's.
    const ctx = work.do === 'confirm' ? { ...opened, locale: work.change.locale } : opened;
    const left = await runAfterChange(ctx, work);
    if (left.retry) throw new Error(left.retry);
    if (left.waitUntil) await queueAfterChange(ctx, work, left.waitUntil);
  };
  handler.givenUp = async ({ data, attempts, lastError }) => {
    const { workspaceId, work } = data;
    const log = deps.logger.child({ workspaceId, job: VOICE_CONFIRMATIONS_QUEUE });
    if (work.do !== 'confirm') {
      log.warn({ appointmentId: work.note.appointmentId, attempts }, 'history note given up');
      return;
    }
    const { change } = work;
    const ref = { workspaceId, appointmentId: change.appointmentId, change: changeKey(change) };
    const reason = `Not sent after ${attempts} attempts${lastError ? `: ${lastError}` : ''}`;
    const ctx = { db: deps.database.db, queue: deps.queue, log };
    for (const row of await confirmationsOf(ctx.db, ref)) {
      if (!isSettled(row.status) && row.status !== 'waiting') await failForGood(ctx, row, reason);
    }
  };
  return handler;
}
