/**
 * Emitting a webhook event: one pending delivery per enabled endpoint of the workspace subscribed
 * to its type, each with its delivery job, written in the caller's transaction: the deliveries
 * exist exactly when what the event tells of was committed.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { writeTogether, type Write } from '../db/writeTogether.js';
import { newId } from '../ids.js';
import { newQueueJobId, type JobQueue } from '../queue/jobQueue.js';
import type { DeliveredEventType, WebhookEventType } from './core/eventTypes.js';
import { webhookPayload } from './core/payload.js';
import { WEBHOOK_DELIVERY_QUEUE, type WebhookDeliveryJobData } from './deliveryQueue.js';
import { deliveryWrite } from './deliveryStore.js';
import { subscribedEndpointIds } from './endpointStore.js';

/** All an event needs of the queue: adding its delivery jobs. */
type DeliveryJobs = Pick<JobQueue, 'enqueue'>;

export interface WebhookEvent {
  type: DeliveredEventType;
  data: Record<string, unknown>;
  /** When it happened; default now. */
  at?: Date;
  /**
   * The event's id (`webhook-id`), when the caller derives it from what the event tells of, so
   * that telling it again gives the same id; default a new one.
   */
  id?: string;
}

/** An event's deliveries, not written yet: their inserts, and their jobs to enqueue after them. */
export interface PreparedWebhookEvent {
  /** The `webhook-id` of every attempt of its deliveries. */
  eventId: string;
  writes: Write[];
  /** Enqueues the delivery jobs, in the transaction that runs `writes`. */
  enqueue(trx: Transaction<DB>, queue: DeliveryJobs): Promise<void>;
}

/**
 * The deliveries of `event` to `endpointIds` (enabled and subscribed, as read by the caller);
 * undefined when there are none, so an event nobody takes costs nothing.
 *
 * @example const prepared = prepareWebhookEvent(db, ['whep_1'], { type: 'booking.synced', data });
 */
export function prepareWebhookEvent(
  db: Kysely<DB>,
  endpointIds: readonly string[],
  event: WebhookEvent,
): PreparedWebhookEvent | undefined {
  if (endpointIds.length === 0) return undefined;
  const eventId = event.id ?? newId('evt');
  const payload = webhookPayload(event.type, event.data, event.at ?? new Date());
  const deliveries = endpointIds.map((endpointId) => ({
    id: newId('whd'),
    endpointId,
    eventId,
    payload,
    queueJobId: newQueueJobId(),
  }));
  return {
    eventId,
    writes: deliveries.map((delivery) => deliveryWrite(db, delivery)),
    async enqueue(trx, queue) {
      for (const delivery of deliveries) {
        await queue.enqueue<WebhookDeliveryJobData>(
          trx,
          WEBHOOK_DELIVERY_QUEUE,
          { deliveryId: delivery.id },
          { id: delivery.queueJobId },
        );
      }
    },
  };
}

/**
 * Runs `writes` in one statement, with the deliveries of `prepared` when there are any (then in
 * a transaction with their jobs). Without deliveries it is `writeTogether`: one statement.
 *
 * @example await writeTogetherWithEvent(db, queue, statusWrites, prepared);
 */
export async function writeTogetherWithEvent(
  db: Kysely<DB>,
  queue: DeliveryJobs,
  writes: readonly Write[],
  prepared: PreparedWebhookEvent | undefined,
): Promise<void> {
  if (!prepared) return writeTogether(db, writes);
  const all = [...writes, ...prepared.writes];
  const run = async (trx: Transaction<DB>) => {
    // `writeTogether` runs a lone write on the database it was built on: here it must be `trx`.
    if (all.length === 1) await sql`${all[0]!}`.execute(trx);
    else await writeTogether(trx, all);
    await prepared.enqueue(trx, queue);
  };
  if (db.isTransaction) await run(db as Transaction<DB>);
  else await db.transaction().execute(run);
}

/**
 * Emits `event` for the workspace: reads the subscribed endpoints, stores a delivery for each and
 * enqueues its job, in `db`'s transaction when it is one (else in a transaction of its own).
 * Returns the event id, or undefined when no endpoint takes the event.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await emitWebhookEvent(trx, queue, workspaceId, { type: 'connection.needs_attention', data });
 * });
 */
export async function emitWebhookEvent(
  db: Kysely<DB>,
  queue: DeliveryJobs,
  workspaceId: string,
  event: WebhookEvent & { type: WebhookEventType },
): Promise<string | undefined> {
  const endpointIds = await subscribedEndpointIds(db, workspaceId, event.type);
  const prepared = prepareWebhookEvent(db, endpointIds, event);
  await writeTogetherWithEvent(db, queue, [], prepared);
  return prepared?.eventId;
}
