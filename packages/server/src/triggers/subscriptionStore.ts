/**
 * A workspace's trigger subscriptions in the database (table `trigger_subscriptions`): what each
 * polls, how often, where its items go, and its checkpoint (the items the last poll saw).
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, TriggerSubscriptionsTable } from '../db/schema.js';
import { newId } from '../ids.js';

export type TriggerSubscriptionRow = Selectable<TriggerSubscriptionsTable>;

type Db = Kysely<DB> | Transaction<DB>;

export interface NewSubscription {
  trigger: string;
  input: Record<string, unknown>;
  intervalSeconds: number;
  endpointId: string;
  /** When its first poll (the baseline) is due. */
  firstPollAt: Date;
}

/** @example const row = await createSubscription(db, 'ws_1', { trigger, input, intervalSeconds: 300, endpointId, firstPollAt: new Date() }); */
export function createSubscription(
  db: Db,
  workspaceId: string,
  subscription: NewSubscription,
): Promise<TriggerSubscriptionRow> {
  return db
    .insertInto('trigger_subscriptions')
    .values({
      id: newId('trg'),
      workspace_id: workspaceId,
      trigger: subscription.trigger,
      input: JSON.stringify(subscription.input),
      interval_seconds: subscription.intervalSeconds,
      endpoint_id: subscription.endpointId,
      next_poll_at: subscription.firstPollAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The workspace's subscriptions, oldest first. */
export function listSubscriptions(db: Db, workspaceId: string): Promise<TriggerSubscriptionRow[]> {
  return db
    .selectFrom('trigger_subscriptions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One subscription of the workspace, or undefined. */
export function findSubscription(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<TriggerSubscriptionRow | undefined> {
  return db
    .selectFrom('trigger_subscriptions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Deletes one subscription; false when the workspace has no such subscription. */
export async function deleteSubscription(db: Db, workspaceId: string, id: string) {
  const result = await db
    .deleteFrom('trigger_subscriptions')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Every due subscription whose workspace is connected and whose endpoint is enabled, with its
 * Location, the longest-waiting first; locked for `trx`, so processes that look at once see each
 * once (one skips what another holds).
 *
 * @example const due = await dueSubscriptions(trx, new Date());
 */
export async function dueSubscriptions(
  trx: Transaction<DB>,
  now: Date,
): Promise<{ id: string; locationId: string }[]> {
  const due = await trx
    .selectFrom('trigger_subscriptions as s')
    .innerJoin('gohighlevel_connections as c', 'c.workspace_id', 's.workspace_id')
    .innerJoin('webhook_endpoints as e', 'e.id', 's.endpoint_id')
    .select(['s.id', 'c.location_id'])
    .where('s.next_poll_at', '<=', now)
    .where('e.enabled', '=', true)
    .orderBy('s.next_poll_at')
    .orderBy('s.id')
    .forUpdate('s')
    .skipLocked()
    .execute();
  return due.map((row) => ({ id: row.id, locationId: row.location_id }));
}

/**
 * Moves the subscriptions `ids` one interval on from `now`: claimed, their poll is a job's.
 *
 * @example await moveOn(trx, ['trg_1'], new Date());
 */
export async function moveOn(trx: Transaction<DB>, ids: readonly string[], now: Date) {
  if (ids.length === 0) return;
  await trx
    .updateTable('trigger_subscriptions')
    .set({
      next_poll_at: sql<Date>`${now}::timestamptz + interval_seconds * interval '1 second'`,
      updated_at: now,
    })
    .where('id', 'in', ids)
    .execute();
}

/**
 * Makes subscriptions due again now: those a Location's job claimed but had no budget left to
 * poll, so the next look takes them first.
 */
export async function makeDueAgain(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('trigger_subscriptions')
    .set({ next_poll_at: now, updated_at: now })
    .where('id', 'in', ids)
    .execute();
}
