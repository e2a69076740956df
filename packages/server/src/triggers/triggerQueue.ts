/**
 * The `trigger-poll` queue: one job per Location with subscriptions due (`schedule.ts` enqueues
 * them, `pollJob.ts` runs them). One job of a Location runs at a time, across every worker, so
 * its polls share one budget, and one more waits at most (`stately`).
 */
import type { QueueDefinition } from '../queue/jobQueue.js';

export const TRIGGER_POLL_QUEUE = 'trigger-poll';

export interface TriggerPollJobData {
  locationId: string;
  /** The due subscriptions claimed for this job, the longest-waiting first. */
  subscriptionIds: string[];
}

/** A job stops taking polls after this long; the rest are due again for the next look. */
export const LONGEST_JOB_MS = 60_000;

export const triggerPollQueue: QueueDefinition = {
  policy: 'stately',
  // A failed job is not retried: its subscriptions are due again an interval later, and a poll
  // that did not commit delivered nothing.
  retryLimit: 0,
  expireInSeconds: LONGEST_JOB_MS / 1000 + 120,
};
