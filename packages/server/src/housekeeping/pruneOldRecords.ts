/**
 * Deletes what the bridge no longer needs: webhooks from HighLevel settled longer ago than the
 * retention (their `webhookId` only matters within HighLevel's replay window of minutes),
 * deliveries to the booking app that ended (delivered, or failed after three days of retries)
 * longer ago, and MCP tool calls of the audit trail made longer ago. In batches, so a first
 * sweep over a large table never holds long locks; safe to run in several processes at once.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Rows deleted per statement. */
const BATCH = 1000;

export interface PruneReport {
  highLevelWebhooks: number;
  webhookDeliveries: number;
  mcpCalls: number;
}

async function inBatches(remove: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await remove();
    total += removed;
    if (removed < BATCH) return total;
  }
}

/**
 * @example const report = await pruneOldRecords(db, new Date(Date.now() - 30 * 86_400_000));
 */
export async function pruneOldRecords(db: Kysely<DB>, olderThan: Date): Promise<PruneReport> {
  const highLevelWebhooks = await inBatches(async () => {
    const result = await db
      .deleteFrom('highlevel_webhooks')
      .where('webhook_id', 'in', (qb) =>
        qb
          .selectFrom('highlevel_webhooks')
          .select('webhook_id')
          .where('status', '<>', 'received')
          .where('received_at', '<', olderThan)
          .limit(BATCH),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  });
  const webhookDeliveries = await inBatches(async () => {
    const result = await db
      .deleteFrom('webhook_deliveries')
      .where('id', 'in', (qb) =>
        qb
          .selectFrom('webhook_deliveries')
          .select('id')
          .where('status', '<>', 'pending')
          .where('updated_at', '<', olderThan)
          .limit(BATCH),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  });
  // The audit trail of MCP tool calls: kept as long as the rest, then gone.
  const mcpCalls = await inBatches(async () => {
    const result = await db
      .deleteFrom('mcp_calls')
      .where('id', 'in', (qb) =>
        qb.selectFrom('mcp_calls').select('id').where('created_at', '<', olderThan).limit(BATCH),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  });
  return { highLevelWebhooks, webhookDeliveries, mcpCalls };
}
