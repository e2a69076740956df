/**
 * When triggers are polled: every worker process looks every few seconds for subscriptions whose
 * poll is due, claims them (`claimDueSubscriptions`: one process wins each) and enqueues one job
 * per Location in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { lookEvery, type PeriodicLook } from '../queue/periodicLook.js';
import { claimDueSubscriptions } from './subscriptionStore.js';
import { TRIGGER_POLL_QUEUE, type TriggerPollJobData } from './triggerQueue.js';

/** Looks for due polls; `look()` claims them now and answers the Locations given jobs. */
export type TriggerSchedule = PeriodicLook<string>;

/**
 * Starts looking for due polls every `lookEveryMs`.
 *
 * @example const schedule = scheduleTriggers({ db, queue, logger, lookEveryMs: 5000 });
 */
export function scheduleTriggers(deps: {
  db: Kysely<DB>;
  queue: JobQueue;
  logger: Logger;
  lookEveryMs: number;
}): TriggerSchedule {
  const { db, queue } = deps;
  const claim = () =>
    db.transaction().execute(async (trx) => {
      const due = await claimDueSubscriptions(trx, new Date());
      const byLocation = new Map<string, string[]>();
      for (const { id, locationId } of due) {
        byLocation.set(locationId, [...(byLocation.get(locationId) ?? []), id]);
      }
      for (const [locationId, subscriptionIds] of byLocation) {
        await queue.enqueue<TriggerPollJobData>(
          trx,
          TRIGGER_POLL_QUEUE,
          { locationId, subscriptionIds },
          { singletonKey: locationId },
        );
      }
      return [...byLocation.keys()];
    });

  return lookEvery(deps.lookEveryMs, claim, deps.logger, 'due trigger polls');
}
