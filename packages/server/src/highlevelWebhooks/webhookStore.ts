/**
 * Webhooks from HighLevel in the database (tables `highlevel_webhooks` and
 * `highlevel_webhook_workspaces`): one row per `webhookId`, written with its queue job in one
 * transaction when it arrives, settled by that job, read by `GET …/highlevel-webhooks`.
 */
import type { IncomingWebhookEvent } from '@ghl-bridge/client/webhooks';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { storableCopy } from '../core/storableText.js';
import type { DB, HighLevelWebhooksTable } from '../db/schema.js';
import type { JobQueue } from '../queue/jobQueue.js';
import type { WebhookStatus } from './core/webhookOutcome.js';
import { webhookLocationId } from './core/webhookOutcome.js';

export type WebhookRow = Selectable<HighLevelWebhooksTable>;

type Db = Kysely<DB> | Transaction<DB>;

export const HIGHLEVEL_WEBHOOK_QUEUE = 'highlevel-webhook';

export interface HighLevelWebhookJobData {
  webhookId: string;
}

/**
 * Stores a verified event and queues its processing, in one transaction; a `webhookId` already
 * stored changes nothing (HighLevel retried, or the delivery was replayed).
 *
 * @example
 * const { duplicate } = await recordReceivedWebhook(db, queue, event);
 */
export async function recordReceivedWebhook(
  db: Kysely<DB>,
  queue: JobQueue,
  event: IncomingWebhookEvent,
): Promise<{ duplicate: boolean }> {
  // HighLevel sends a delivery once: text PostgreSQL refuses (a NUL in a note) is replaced, not
  // refused, or the event would be lost.
  const payload = storableCopy(event) as IncomingWebhookEvent;
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('highlevel_webhooks')
      .values({
        webhook_id: payload.webhookId,
        type: payload.type,
        location_id: webhookLocationId(payload) ?? null,
        sent_at: new Date(payload.timestamp),
        payload: JSON.stringify(payload),
        status: 'received',
      })
      .onConflict((oc) => oc.column('webhook_id').doNothing())
      .returning('webhook_id')
      .executeTakeFirst();
    if (!inserted) return { duplicate: true };
    const data: HighLevelWebhookJobData = { webhookId: payload.webhookId };
    await queue.enqueue(trx, HIGHLEVEL_WEBHOOK_QUEUE, data);
    return { duplicate: false };
  });
}

export function findWebhook(db: Db, webhookId: string): Promise<WebhookRow | undefined> {
  return db
    .selectFrom('highlevel_webhooks')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .executeTakeFirst();
}

/**
 * Records how a received webhook ended and which workspaces it belongs to. Only a `received`
 * row moves: a second run of the same job (the queue delivers at least once) changes nothing.
 * Returns whether this call settled it.
 *
 * @example
 * await settleWebhook(trx, row, { status: 'processed', workspaceIds: ['ws_1'], reason: null });
 */
export async function settleWebhook(
  db: Db,
  row: Pick<WebhookRow, 'webhook_id' | 'received_at'>,
  outcome: {
    status: Exclude<WebhookStatus, 'received'>;
    workspaceIds: readonly string[];
    reason: string | null;
  },
): Promise<boolean> {
  const updated = await db
    .updateTable('highlevel_webhooks')
    .set({ status: outcome.status, reason: outcome.reason, processed_at: new Date() })
    .where('webhook_id', '=', row.webhook_id)
    .where('status', '=', 'received')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  if (outcome.workspaceIds.length > 0) {
    await db
      .insertInto('highlevel_webhook_workspaces')
      .values(
        outcome.workspaceIds.map((workspaceId) => ({
          workspace_id: workspaceId,
          webhook_id: row.webhook_id,
          received_at: row.received_at,
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'webhook_id']).doNothing())
      .execute();
  }
  return true;
}

/** One page of a workspace's webhooks, newest first; undefined when `after` is not one of them. */
export async function listWorkspaceWebhooks(
  db: Db,
  workspaceId: string,
  page: { after?: string; limit: number },
): Promise<{ webhooks: WebhookRow[]; more: boolean } | undefined> {
  let query = db
    .selectFrom('highlevel_webhook_workspaces as w')
    .innerJoin('highlevel_webhooks as h', 'h.webhook_id', 'w.webhook_id')
    .selectAll('h')
    .where('w.workspace_id', '=', workspaceId);
  if (page.after !== undefined) {
    const after = await db
      .selectFrom('highlevel_webhook_workspaces')
      .select('webhook_id')
      .where('workspace_id', '=', workspaceId)
      .where('webhook_id', '=', page.after)
      .executeTakeFirst();
    if (!after) return undefined;
    // Compared in SQL: a JavaScript Date would round received_at's microseconds away.
    query = query.where(
      sql<boolean>`(w.received_at, w.webhook_id) < (select p.received_at, p.webhook_id
        from highlevel_webhook_workspaces p
        where p.workspace_id = ${workspaceId} and p.webhook_id = ${after.webhook_id})`,
    );
  }
  const rows = await query
    .orderBy('w.received_at', 'desc')
    .orderBy('w.webhook_id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return { webhooks: rows.slice(0, page.limit), more: rows.length > page.limit };
}
