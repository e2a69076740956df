/**
 * The `highlevel-reconciliation` queue: one job per due run of a Location (`schedule.ts` enqueues
 * them, `reconcileJob.ts` runs them). One run of a Location at a time, across every worker.
 */
import type { QueueDefinition } from '../queue/jobQueue.js';
import { LONGEST_RUN_MS } from './core/budget.js';

export const RECONCILIATION_QUEUE = 'highlevel-reconciliation';

export interface ReconciliationJobData {
  locationId: string;
}

export const reconciliationQueue: QueueDefinition = {
  policy: 'singleton',
  // A run that failed is not retried: the next one, an interval later, reads from the checkpoint.
  retryLimit: 0,
  // Runs stop themselves after LONGEST_RUN_MS; a worker that died is noticed by the heartbeat.
  expireInSeconds: LONGEST_RUN_MS / 1000 + 120,
};
