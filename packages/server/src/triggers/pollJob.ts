/**
 * The `trigger-poll` job: polls a Location's due subscriptions one after another, the
 * longest-waiting first, on one budget: a share of the Location's HighLevel budget
 * (`GHL_BRIDGE_TRIGGER_BUDGET_SHARE`) at the lowest priority, so booking syncs and voice calls
 * keep the rest. Subscriptions the budget has no room for are due again at once and taken first
 * by the next job.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { JobHandler } from '../queue/jobQueue.js';
import {
  BudgetSpent,
  callBudget,
  systemClock,
  type BudgetClock,
} from '../reconciliation/callBudget.js';
import { runBudget, type BurstWindow } from '../reconciliation/core/budget.js';
import { pollSubscription, type PollDeps } from './pollSubscription.js';
import { makeDueAgain } from './subscriptionStore.js';
import { LONGEST_JOB_MS, type TriggerPollJobData } from './triggerQueue.js';

export interface TriggerPollSettings {
  /** GHL_BRIDGE_TRIGGER_BUDGET_SHARE. */
  budgetShare: number;
  /** The Location's burst budget the share is of. */
  burst: BurstWindow;
}

export interface TriggerPollDeps extends PollDeps {
  logger: Logger;
  settings: TriggerPollSettings;
  /** Paces the calls; default the system clock. */
  clock?: BudgetClock;
}

/** The subscriptions of `ids` still there and connected, in that order, each with its connection. */
async function subscriptionsWithConnections(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const subscriptions = await db
    .selectFrom('trigger_subscriptions')
    .selectAll()
    .where('id', 'in', ids)
    .execute();
  if (subscriptions.length === 0) return [];
  const connections = await db
    .selectFrom('gohighlevel_connections')
    .selectAll()
    .where('workspace_id', 'in', [...new Set(subscriptions.map((s) => s.workspace_id))])
    .execute();
  const byId = new Map(subscriptions.map((row) => [row.id, row]));
  const connectionOf = new Map(connections.map((row) => [row.workspace_id, row]));
  return ids.flatMap((id) => {
    const subscription = byId.get(id);
    const connection = subscription && connectionOf.get(subscription.workspace_id);
    return subscription && connection ? [{ subscription, connection }] : [];
  });
}

/**
 * The queue's handler for `trigger-poll` jobs.
 *
 * @example await queue.work(TRIGGER_POLL_QUEUE, triggerPollHandler(deps), { concurrency: 8, batchSize: 1 });
 */
export function triggerPollHandler(deps: TriggerPollDeps): JobHandler<TriggerPollJobData> {
  // A Location's jobs follow one another: each takes up the pace where the last one left it, so
  // the share holds across jobs, not only within one.
  const nextCallAt = new Map<string, number>();
  return async ({ data: { locationId, subscriptionIds } }) => {
    const plan = runBudget({
      share: deps.settings.budgetShare,
      intervalMs: LONGEST_JOB_MS,
      burst: deps.settings.burst,
    });
    const clock = deps.clock ?? systemClock;
    const budget = callBudget(plan, clock, nextCallAt.get(locationId));
    const due = await subscriptionsWithConnections(deps.db, subscriptionIds);
    let polled = 0;
    let delivered = 0;
    for (const { subscription, connection } of due) {
      try {
        const { summary } = await pollSubscription(
          deps,
          subscription,
          connection,
          budget,
          new Date(),
        );
        polled += 1;
        delivered += summary.delivered;
      } catch (error) {
        if (!(error instanceof BudgetSpent)) throw error;
        const left = due.slice(polled).map((d) => d.subscription.id);
        await makeDueAgain(deps.db, left, new Date());
        break;
      }
    }
    nextCallAt.set(locationId, budget.nextCallAt());
    for (const [location, at] of nextCallAt) if (at < clock.now()) nextCallAt.delete(location);
    deps.logger.info(
      {
        locationId,
        due: subscriptionIds.length,
        polled,
        delivered,
        calls: budget.counts.calls,
        throttled: budget.counts.throttled,
      },
      'trigger polls',
    );
  };
}
