/**
 * Triggers in a worker process: the handler of their poll jobs and the schedule that claims due
 * polls, from the configuration. With the look interval at 0 neither runs (subscriptions are then
 * polled only on request: `POST …/triggers/:id/poll`).
 */
import type { RateLimitWindow } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { burstWindow } from '../reconciliation/startReconciliation.js';
import { triggerPollHandler } from './pollJob.js';
import { scheduleTriggers } from './schedule.js';
import { TRIGGER_POLL_QUEUE } from './triggerQueue.js';

export { TRIGGER_POLL_QUEUE, triggerPollQueue } from './triggerQueue.js';

/**
 * @example const triggers = await startTriggers({ db, highLevel, queue, logger, lookEverySeconds: 5, budgetShare: 0.2 });
 * await triggers.stop();
 */
export async function startTriggers(deps: {
  db: Kysely<DB>;
  highLevel: HighLevelClients;
  queue: JobQueue;
  logger: Logger;
  lookEverySeconds: number;
  budgetShare: number;
  /** The Location's budget as the limiter applies it; default HighLevel's. */
  rateLimitWindows?: readonly RateLimitWindow[] | undefined;
}): Promise<{ stop(): Promise<void> }> {
  if (deps.lookEverySeconds === 0) return { stop: () => Promise.resolve() };
  await deps.queue.work(
    TRIGGER_POLL_QUEUE,
    triggerPollHandler({
      ...deps,
      settings: { budgetShare: deps.budgetShare, burst: burstWindow(deps.rateLimitWindows) },
    }),
    // A job spends most of its time waiting its turn: several Locations' jobs at once.
    { concurrency: 8, batchSize: 1 },
  );
  const schedule = scheduleTriggers({
    db: deps.db,
    queue: deps.queue,
    logger: deps.logger,
    lookEveryMs: deps.lookEverySeconds * 1000,
  });
  return { stop: () => schedule.stop() };
}
