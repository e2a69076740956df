/**
 * The webhook delivery job (the imperative shell around the retry schedule): makes one attempt of
 * a delivery when it is still the job in charge, records how it went, and on a failure either
 * enqueues the next attempt at its time (in the same transaction as the record) or, once the
 * schedule is used up, leaves the delivery `failed`.
 */
import { CredentialKeyError } from '../crypto/credentials.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { newQueueJobId, type JobHandler, type JobQueue } from '../queue/jobQueue.js';
import { nextRetryDelayMs } from './core/retrySchedule.js';
import { WEBHOOK_DELIVERY_QUEUE, type WebhookDeliveryJobData } from './deliveryQueue.js';
import {
  deliveryForAttempt,
  recordAttempt,
  type AttemptOutcome,
  type DeliveryAttemptRow,
} from './deliveryStore.js';
import { signingSecrets } from './endpointStore.js';
import { postWebhook, type SendResult } from './send.js';
import { signedHeaders } from './signing.js';

export interface WebhookDeliveryDeps {
  database: Database;
  keyring: Keyring;
  queue: JobQueue;
  logger: Logger;
  /** GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE. */
  allowPrivate: boolean;
  /** The clock and the random source of the retry jitter; default the system's. */
  now?: () => Date;
  random?: () => number;
}

/**
 * The queue's handler for `webhook-delivery` jobs.
 *
 * @example await queue.work(WEBHOOK_DELIVERY_QUEUE, webhookDeliveryHandler(deps));
 */
export function webhookDeliveryHandler(
  deps: WebhookDeliveryDeps,
): JobHandler<WebhookDeliveryJobData> {
  const { db } = deps.database;
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  return async ({ id: jobId, data }) => {
    const delivery = await deliveryForAttempt(db, data.deliveryId);
    // Deleted with its endpoint, finished, or taken over by a replay: not this job's to send.
    if (!delivery || delivery.status !== 'pending' || delivery.queue_job_id !== jobId) return;
    const result = await attempt(deps, delivery, now());
    const outcome = outcomeOf(result, delivery.attempts + 1, now(), random);
    await db.transaction().execute(async (trx) => {
      const recorded = await recordAttempt(trx, delivery.id, jobId, outcome);
      const next = outcome.status === 'pending' ? outcome.next : undefined;
      if (recorded && next) {
        await deps.queue.enqueue<WebhookDeliveryJobData>(
          trx,
          WEBHOOK_DELIVERY_QUEUE,
          { deliveryId: delivery.id },
          { id: next.queueJobId, startAfter: next.at },
        );
      }
    });
    deps.logger.info(
      {
        deliveryId: delivery.id,
        endpointId: delivery.endpoint_id,
        workspaceId: delivery.endpoint.workspace_id,
        eventId: delivery.event_id,
        type: delivery.type,
        attempt: delivery.attempts + 1,
        httpStatus: 'status' in result ? result.status : null,
        outcome: outcome.status,
        ...(outcome.status === 'delivered' ? {} : { reason: outcome.error }),
      },
      outcome.status === 'delivered' ? 'webhook delivered' : 'webhook attempt failed',
    );
  };
}

/** Signs and sends the delivery as it is stored; a disabled endpoint or a lost key is not sent. */
async function attempt(
  deps: WebhookDeliveryDeps,
  delivery: DeliveryAttemptRow,
  at: Date,
): Promise<SendResult> {
  if (!delivery.endpoint.enabled) return { error: 'Not sent: the endpoint is disabled.' };
  let secrets: string[];
  try {
    secrets = signingSecrets(deps.keyring, delivery.endpoint, at);
  } catch (error) {
    if (!(error instanceof CredentialKeyError)) throw error;
    return { error: `Not sent: the endpoint's signing secret ${error.message}` };
  }
  const body = JSON.stringify(
    typeof delivery.payload === 'string' ? JSON.parse(delivery.payload) : delivery.payload,
  );
  const headers = signedHeaders(secrets, delivery.event_id, at, body);
  return postWebhook(delivery.endpoint.url, body, headers, { allowPrivate: deps.allowPrivate });
}

/** A 2xx is delivered; anything else is retried on the schedule, then failed. */
function outcomeOf(
  result: SendResult,
  attempts: number,
  now: Date,
  random: () => number,
): AttemptOutcome {
  const httpStatus = 'status' in result ? result.status : null;
  if (httpStatus !== null && httpStatus >= 200 && httpStatus < 300) {
    return { status: 'delivered', httpStatus };
  }
  const error =
    'error' in result
      ? result.error
      : `The endpoint answered ${httpStatus}${httpStatus !== null && httpStatus >= 300 && httpStatus < 400 ? ' (redirects are not followed: register the URL it points to)' : ''}.`;
  const delay = nextRetryDelayMs(attempts, random);
  if (delay === undefined) {
    return {
      status: 'failed',
      httpStatus,
      error: `${error} Gave up after ${attempts} attempts; replay the delivery once the endpoint works.`,
    };
  }
  return {
    status: 'pending',
    httpStatus,
    error,
    next: { at: new Date(now.getTime() + delay), queueJobId: newQueueJobId() },
  };
}
