/**
 * The retention sweep: every worker process runs `pruneOldRecords` an hour apart (the first a
 * minute after it starts), deleting what is older than `GHL_BRIDGE_RETENTION_DAYS`. Several
 * processes sweeping at once only share the work.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Logger } from '../logger.js';
import { pruneOldRecords, type PruneReport } from './pruneOldRecords.js';

const FIRST_SWEEP_MS = 60_000;
const SWEEP_EVERY_MS = 3600_000;
const DAY_MS = 86_400_000;

export interface RetentionSweep {
  /** Sweeps now (the timer does so on its own). */
  sweep(): Promise<PruneReport | undefined>;
  /** Stops sweeping; waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * @example const retention = startRetentionSweep({ db, logger, retentionDays: 30 });
 */
export function startRetentionSweep(deps: {
  db: Kysely<DB>;
  logger: Logger;
  retentionDays: number;
  now?: () => number;
}): RetentionSweep {
  const now = deps.now ?? Date.now;
  let sweeping: Promise<PruneReport | undefined> = Promise.resolve(undefined);
  const sweep = () =>
    (sweeping = sweeping.then(async () => {
      try {
        const report = await pruneOldRecords(
          deps.db,
          new Date(now() - deps.retentionDays * DAY_MS),
        );
        if (report.highLevelWebhooks + report.webhookDeliveries + report.mcpCalls > 0) {
          deps.logger.info({ ...report, retentionDays: deps.retentionDays }, 'old records deleted');
        }
        return report;
      } catch (error) {
        deps.logger.warn(
          { err: error },
          'could not delete old records; the next sweep tries again',
        );
        return undefined;
      }
    }));
  const first = setTimeout(() => void sweep(), FIRST_SWEEP_MS);
  const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    sweep,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await sweeping;
    },
  };
}
