/**
 * One poll of a trigger subscription: reads the trigger's HighLevel answer (every page, when its
 * entry pages), finds the items that are new or changed against the checkpoint, and in one
 * transaction stores the new checkpoint and a `trigger.item` delivery per such item. Written
 * together, so a poll that dies before the commit delivers nothing and the next finds the same
 * items new, and one that commits has delivered each once. The subscription's row is locked while
 * its news is decided: two polls at once deliver an item once.
 */
import { HighLevelError, type ClientEvent } from '@ghl-bridge/client';
import type { Kysely, Transaction } from 'kysely';
import { placeInput, withLocation } from '../actions/core/actionInput.js';
import { findCatalogueEntry } from '../catalogue/core/catalogue.js';
import type { CatalogueEntry } from '../catalogue/core/entry.js';
import type { DB } from '../db/schema.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import type { ConnectionRow } from '../highlevel/connectionStore.js';
import { ConnectionPausedError } from '../oauth/installAuth.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { BudgetSpent, type CallBudget } from '../reconciliation/callBudget.js';
import { TRIGGER_ITEM_EVENT } from '../webhooksOut/core/eventTypes.js';
import { prepareWebhookEvent } from '../webhooksOut/emit.js';
import { writeTogether } from '../db/writeTogether.js';
import { deliverableItem } from './core/deliverableItem.js';
import { MAX_PAGES, morePages, pageInput, pagingFor } from './core/pages.js';
import { listLength, newsAmong, polledItems, type PolledItem } from './core/polledItems.js';
import type { PollSummary } from './core/pollSummary.js';
import type { TriggerSubscriptionRow } from './subscriptionStore.js';

export interface PollDeps {
  db: Kysely<DB>;
  queue: JobQueue;
  highLevel: HighLevelClients;
}

interface Read {
  items: PolledItem[];
  pages: number;
  truncated: boolean;
}

/** Every page of the trigger's answer, each call waiting its turn in `budget`. */
async function readItems(
  deps: PollDeps,
  entry: CatalogueEntry,
  subscription: TriggerSubscriptionRow,
  connection: ConnectionRow,
  budget: CallBudget | undefined,
  onEvent: (event: ClientEvent) => void,
): Promise<Read> {
  const detect = entry.detect!;
  const { method, path } = entry.operations[0]!;
  const client = deps.highLevel.forConnection(connection, onEvent);
  const input = withLocation(entry, subscription.input, connection.location_id);
  const paging = pagingFor(detect, input);
  const items = new Map<string, PolledItem>();
  for (let index = 0; ; index++) {
    await budget?.take();
    const answer = await client.raw(method, path, {
      ...placeInput(entry, paging ? pageInput(input, paging, index) : input),
      locationId: connection.location_id,
      // Nobody waits on a poll: behind voice calls and booking syncs in the Location's budget.
      priority: 'bulk',
    });
    // An item seen twice (the list shifted while it was paged) counts once.
    for (const item of polledItems(answer, detect)) {
      if (!items.has(item.key)) items.set(item.key, item);
    }
    const length = listLength(answer, detect);
    if (!morePages(paging, input, index, length)) {
      const truncated = paging !== undefined && index + 1 === MAX_PAGES && length > 0;
      return { items: [...items.values()], pages: index + 1, truncated };
    }
  }
}

/** Why a poll failed, in words for `last_poll.error`; throws what is not HighLevel's or ours. */
function pollError(error: unknown): string {
  if (error instanceof HighLevelError) return `${error.code}: ${error.message}`;
  if (error instanceof ConnectionPausedError) return `connection paused: ${error.message}`;
  throw error;
}

/** A poll's summary, and what made it fail when it did (HighLevel's error, a paused connection). */
export interface PollOutcome {
  summary: PollSummary;
  failure?: unknown;
}

/**
 * Polls `subscription` with the workspace's `connection`; `budget` paces the calls (a Location's
 * job shares one). Throws `BudgetSpent` when the budget ran out before the poll finished: nothing
 * was written, the caller makes the subscription due again.
 *
 * @example const summary = await pollSubscription(deps, subscription, connection, budget, new Date());
 */
export async function pollSubscription(
  deps: PollDeps,
  subscription: TriggerSubscriptionRow,
  connection: ConnectionRow,
  budget: CallBudget | undefined,
  now: Date,
): Promise<PollOutcome> {
  let calls = 0;
  const onEvent = (event: ClientEvent) => {
    budget?.onEvent(event);
    if (event.type === 'response' || event.type === 'error') calls += 1;
  };
  const summary = (fields: Partial<PollSummary>): PollSummary => ({
    at: now.toISOString(),
    calls,
    pages: 0,
    items: 0,
    delivered: 0,
    baseline: false,
    error: null,
    truncated: false,
    ...fields,
  });
  const entry = findCatalogueEntry(subscription.trigger);
  if (!entry?.detect) {
    const error = 'the catalogue has no such trigger';
    return { summary: await saveFailure(deps.db, subscription.id, summary({ error })) };
  }
  let read: Read;
  try {
    read = await readItems(deps, entry, subscription, connection, budget, onEvent);
  } catch (error) {
    if (error instanceof BudgetSpent) throw error;
    const failed = summary({ error: pollError(error) });
    return { summary: await saveFailure(deps.db, subscription.id, failed), failure: error };
  }
  return deps.db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('trigger_subscriptions')
      .select(['seen', 'baseline_at'])
      .where('id', '=', subscription.id)
      .forUpdate()
      .executeTakeFirst();
    // Deleted while it was polled: nothing to deliver to.
    if (!locked) return { summary: summary({ pages: read.pages, items: read.items.length }) };
    const baseline = locked.baseline_at === null;
    const seen = new Map(Object.entries(locked.seen));
    const news = baseline ? [] : newsAmong(read.items, seen);
    const nowSeen = Object.fromEntries(read.items.map((item) => [item.key, item.marker]));
    const result = summary({
      pages: read.pages,
      items: read.items.length,
      delivered: news.length,
      baseline,
      truncated: read.truncated,
    });
    await trx
      .updateTable('trigger_subscriptions')
      .set({
        // Past the pages a poll reads, what earlier polls saw is kept: it is not news again.
        seen: JSON.stringify(read.truncated ? { ...locked.seen, ...nowSeen } : nowSeen),
        baseline_at: locked.baseline_at ?? now,
        last_poll: JSON.stringify(result),
        updated_at: now,
      })
      .where('id', '=', subscription.id)
      .execute();
    await deliver(trx, deps.queue, subscription, news, seen, now);
    return { summary: result };
  });
}

/** A `trigger.item` delivery per item of `news`, with its job, in `trx`. */
async function deliver(
  trx: Transaction<DB>,
  queue: JobQueue,
  subscription: TriggerSubscriptionRow,
  news: PolledItem[],
  seen: ReadonlyMap<string, string>,
  now: Date,
): Promise<void> {
  for (const item of news) {
    const prepared = prepareWebhookEvent(trx, [subscription.endpoint_id], {
      type: TRIGGER_ITEM_EVENT,
      at: now,
      data: {
        subscriptionId: subscription.id,
        trigger: subscription.trigger,
        change: seen.has(item.key) ? 'changed' : 'new',
        item: deliverableItem(item.item),
      },
    })!;
    await writeTogether(trx, prepared.writes);
    await prepared.enqueue(trx, queue);
  }
}

async function saveFailure(db: Kysely<DB>, id: string, summary: PollSummary): Promise<PollSummary> {
  await db
    .updateTable('trigger_subscriptions')
    .set({ last_poll: JSON.stringify(summary), updated_at: new Date(summary.at) })
    .where('id', '=', id)
    .execute();
  return summary;
}
