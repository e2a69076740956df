/**
 * The durable retry of a handoff alert that could not be raised at once (the database or HighLevel
 * failing): queue `voice-handoff-alert`, retried with backoff across restarts. It does what the
 * handoff's journal says is undone, so running it after a partial alert tells nobody twice.
 */
import type { JobHandler, QueueDefinition } from '../../queue/jobQueue.js';
import { openVoiceContext, type VoiceDeps } from '../context.js';
import { loadVoiceSetup } from '../settingsStore.js';
import type { HandoffRecord } from './core/handoffAlert.js';
import { raiseHandoffAlert, tellWebhooks } from './handoffAlert.js';
import { claimHandoff, findHandoff } from './handoffStore.js';

export const VOICE_HANDOFF_ALERT_QUEUE = 'voice-handoff-alert';

/** Retries 5 s, 10 s, 20 s … doubling: the last about 85 minutes after the handoff. */
export const voiceHandoffAlertQueue: QueueDefinition = {
  policy: 'standard',
  retryLimit: 10,
  retryDelaySeconds: 5,
};

export interface HandoffAlertJob {
  workspaceId: string;
  /** The handoff as answered: stored here if storing it at the time failed too. */
  handoff: HandoffRecord;
}

/**
 * The worker side. A workspace that turned voice off or lost its connection meanwhile still gets
 * its webhook event; only the HighLevel task is dropped (and logged).
 *
 * @example queue.work(VOICE_HANDOFF_ALERT_QUEUE, handoffAlertHandler(deps));
 */
export function handoffAlertHandler(deps: VoiceDeps): JobHandler<HandoffAlertJob> {
  return async ({ data }) => {
    const { workspaceId, handoff } = data;
    const log = deps.logger.child({ workspaceId, job: VOICE_HANDOFF_ALERT_QUEUE });
    const db = deps.database.db;
    await claimHandoff(db, handoff);
    const stored = await findHandoff(db, workspaceId, handoff.callId);
    if (!stored) return;
    const setup = await loadVoiceSetup(db, deps.keyring, workspaceId);
    const ctx = setup && openVoiceContext(deps, log, workspaceId, setup);
    if (ctx) {
      await raiseHandoffAlert(ctx, stored);
      return;
    }
    const publicUrl = deps.publicUrl;
    await tellWebhooks({ db, queue: deps.queue, ...(publicUrl ? { publicUrl } : {}) }, stored);
    if (stored.taskId === undefined && stored.taskSkipped === undefined) {
      log.warn(
        { callId: stored.callId },
        'voice handoff task dropped: voice or the HighLevel connection was removed',
      );
    }
  };
}
