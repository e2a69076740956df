/**
 * The queue of webhook attempts. Each job makes one attempt of one delivery; the retry schedule
 * (`core/retrySchedule.ts`, up to three days) is the delivery's own, each retry a new job started
 * at its time, because pg-boss's backoff stops growing at minutes. pg-boss's own retries only
 * bring back an attempt lost with a crashed worker.
 */
import type { QueueDefinition } from '../queue/jobQueue.js';

export const WEBHOOK_DELIVERY_QUEUE = 'webhook-delivery';

export const webhookDeliveryQueue: QueueDefinition = {
  policy: 'standard',
  retryLimit: 3,
  retryDelaySeconds: 5,
  // The request's 15 s and the writes around it, with room to spare.
  expireInSeconds: 60,
};

export interface WebhookDeliveryJobData {
  deliveryId: string;
}
