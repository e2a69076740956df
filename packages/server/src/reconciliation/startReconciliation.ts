/**
 * Reconciliation in a worker process: the handler of its runs and the schedule that claims them,
 * from the configuration. With the interval at 0 neither runs.
 */
import { HIGHLEVEL_WINDOWS, type RateLimitWindow } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { Keyring } from '../crypto/keyring.js';
import type { DB } from '../db/schema.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/jobQueue.js';
import type { BurstWindow } from './core/budget.js';
import { reconciliationHandler } from './reconcileJob.js';
import { RECONCILIATION_QUEUE } from './reconcileQueue.js';
import { scheduleReconciliation } from './schedule.js';

export { RECONCILIATION_QUEUE, reconciliationQueue } from './reconcileQueue.js';

/**
 * The burst window of a Location's budget: the shortest of `windows` (HighLevel's 100 per 10 s
 * when none are given).
 *
 * @example burstWindow([{ limit: 200000, intervalMs: 86400000 }, { limit: 100, intervalMs: 10000 }]) // { limit: 100, intervalMs: 10000 }
 */
export function burstWindow(windows: readonly RateLimitWindow[] = HIGHLEVEL_WINDOWS): BurstWindow {
  const [shortest] = [...windows].sort((a, b) => a.intervalMs - b.intervalMs);
  return shortest ?? HIGHLEVEL_WINDOWS[0]!;
}

/**
 * Runs reconciliation jobs in this process and looks for due runs, unless the interval is 0.
 *
 * @example const reconciliation = await startReconciliation({ db, keyring, highLevel, queue, logger, intervalSeconds: 300, budgetShare: 0.1 });
 * await reconciliation.stop();
 */
export async function startReconciliation(deps: {
  db: Kysely<DB>;
  keyring: Keyring;
  highLevel: HighLevelClients;
  queue: JobQueue;
  logger: Logger;
  intervalSeconds: number;
  budgetShare: number;
  /** The Location's budget as the limiter applies it; default HighLevel's. */
  rateLimitWindows?: readonly RateLimitWindow[] | undefined;
}): Promise<{ stop(): Promise<void> }> {
  const { intervalSeconds, budgetShare } = deps;
  if (intervalSeconds === 0) return { stop: () => Promise.resolve() };
  await deps.queue.work(
    RECONCILIATION_QUEUE,
    reconciliationHandler({
      ...deps,
      settings: { intervalSeconds, budgetShare, burst: burstWindow(deps.rateLimitWindows) },
    }),
    // A run spends most of its time waiting its turn (one call a second at the default share):
    // several Locations' runs at once, so 50 Locations still fit in an interval.
    { concurrency: 8, batchSize: 1 },
  );
  const schedule = scheduleReconciliation({
    db: deps.db,
    queue: deps.queue,
    logger: deps.logger,
    intervalMs: intervalSeconds * 1000,
  });
  return { stop: () => schedule.stop() };
}
