/**
 * When triggers are polled: every worker process looks every few seconds for subscriptions whose
 * poll is due and gives each Location one job with its due subscriptions, claiming them (their
 * next poll moved one interval on) in the same transaction. A Location has at most one job
 * waiting besides the one running (a `stately` queue): while both are taken, its due
 * subscriptions stay due and go, longest-waiting first, to the job after. So a Location with more
 * subscriptions than its budget can poll falls behind by at most about a job, never by a queue
 * that grows.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { lookEvery, type PeriodicLook } from '../queue/periodicLook.js';
import { dueSubscriptions, moveOn } from './subscriptionStore.js';
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
      const now = new Date();
      const due = await dueSubscriptions(trx, now);
      const byLocation = new Map<string, string[]>();
      for (const { id, locationId } of due) {
        byLocation.set(locationId, [...(byLocation.get(locationId) ?? []), id]);
      }
      const given: string[] = [];
      for (const [locationId, subscriptionIds] of byLocation) {
        const job = await queue.enqueueIfRoom<TriggerPollJobData>(
          trx,
          TRIGGER_POLL_QUEUE,
          { locationId, subscriptionIds },
          { singletonKey: locationId },
        );
        if (job === undefined) continue;
        await moveOn(trx, subscriptionIds, now);
        given.push(locationId);
      }
      return given;
    });

  return lookEvery(deps.lookEveryMs, claim, deps.logger, 'due trigger polls');
}
