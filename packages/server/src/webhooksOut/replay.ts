/** Replaying a delivery: a new job in charge of it, sent now, in one transaction with its row. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { newQueueJobId, type JobQueue } from '../queue/jobQueue.js';
import { WEBHOOK_DELIVERY_QUEUE, type WebhookDeliveryJobData } from './deliveryQueue.js';
import { takeForReplay, type WebhookDeliveryRow } from './deliveryStore.js';

/**
 * Sends a delivery of the endpoint again now, with the same `webhook-id`; a job scheduled for it
 * before does nothing. Undefined when there is no such delivery of the endpoint.
 *
 * @example const row = await replayDelivery(db, queue, 'whep_1', 'whd_1');
 */
export function replayDelivery(
  db: Kysely<DB>,
  queue: JobQueue,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliveryRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const queueJobId = newQueueJobId();
    const row = await takeForReplay(trx, endpointId, deliveryId, queueJobId);
    if (!row) return undefined;
    await queue.enqueue<WebhookDeliveryJobData>(
      trx,
      WEBHOOK_DELIVERY_QUEUE,
      { deliveryId },
      { id: queueJobId },
    );
    return row;
  });
}
