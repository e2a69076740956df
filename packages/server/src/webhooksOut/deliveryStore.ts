/**
 * Webhook deliveries in the database (table `webhook_deliveries`): one event to one endpoint,
 * `pending` until an attempt gets a 2xx (`delivered`) or the retry schedule is used up
 * (`failed`), with the outcome of the last attempt. The queue job in charge of the next attempt
 * is named on the row (`queue_job_id`); any other job for it does nothing.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, WebhookDeliveriesTable, WebhookEndpointsTable } from '../db/schema.js';
import type { Write } from '../db/writeTogether.js';
import type { WebhookPayload } from './core/payload.js';
import type { SentWebhookPayload } from './payloadSchemas.js';

export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type DeliveryStatus = WebhookDeliveryRow['status'];
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

type Db = Kysely<DB> | Transaction<DB>;

export interface NewDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  payload: WebhookPayload;
  queueJobId: string;
}

/**
 * The insert of a pending delivery, not run yet: made only while its endpoint exists and is
 * enabled, so an endpoint deleted or disabled meanwhile costs the caller's statement nothing,
 * and only once per event and endpoint (an event told again with its id adds no delivery).
 *
 * @example await writeTogether(db, [...jobDone, deliveryWrite(db, delivery)]);
 */
export function deliveryWrite(db: Kysely<DB>, delivery: NewDelivery): Write {
  return db
    .insertInto('webhook_deliveries')
    .columns(['id', 'endpoint_id', 'event_id', 'type', 'payload', 'status', 'queue_job_id'])
    .expression(
      db
        .selectFrom('webhook_endpoints')
        .select([
          sql<string>`${delivery.id}::text`.as('id'),
          'id as endpoint_id',
          sql<string>`${delivery.eventId}::text`.as('event_id'),
          sql<string>`${delivery.payload.type}::text`.as('type'),
          sql<string>`${JSON.stringify(delivery.payload)}::jsonb`.as('payload'),
          sql<'pending'>`'pending'`.as('status'),
          sql<string>`${delivery.queueJobId}::text`.as('queue_job_id'),
        ])
        .where('id', '=', delivery.endpointId)
        .where('enabled', '=', true),
    )
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing());
}

/** Fails the endpoint's pending deliveries with `reason`: no scheduled attempt will send them. */
export async function failPendingDeliveries(
  db: Db,
  endpointId: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'failed',
      last_error: reason,
      next_attempt_at: null,
      queue_job_id: null,
      updated_at: new Date(),
    })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * A page of an endpoint's deliveries, newest first, after the delivery `after` (a cursor);
 * undefined when `after` is not a delivery of the endpoint.
 *
 * @example const page = await listDeliveries(db, 'whep_1', { status: 'failed', limit: 50 });
 */
export async function listDeliveries(
  db: Kysely<DB>,
  endpointId: string,
  options: { status?: DeliveryStatus | undefined; after?: string | undefined; limit: number },
): Promise<{ deliveries: WebhookDeliveryRow[]; more: boolean } | undefined> {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (options.status) query = query.where('status', '=', options.status);
  if (options.after !== undefined) {
    const after = await db
      .selectFrom('webhook_deliveries')
      .select(['created_at', 'id'])
      .where('endpoint_id', '=', endpointId)
      .where('id', '=', options.after)
      .executeTakeFirst();
    if (!after) return undefined;
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.created_at),
        eb.and([eb('created_at', '=', after.created_at), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query.execute();
  return { deliveries: rows.slice(0, options.limit), more: rows.length > options.limit };
}

/** A delivery and what an attempt needs of its endpoint. */
export interface DeliveryAttemptRow extends WebhookDeliveryRow {
  endpoint: Pick<
    Selectable<WebhookEndpointsTable>,
    | 'id'
    | 'workspace_id'
    | 'url'
    | 'enabled'
    | 'secret_ciphertext'
    | 'secret_key_id'
    | 'previous_secret_expires_at'
  >;
}

/** The delivery with its endpoint, in one read; undefined when gone (deleted with its endpoint). */
export async function deliveryForAttempt(
  db: Kysely<DB>,
  deliveryId: string,
): Promise<DeliveryAttemptRow | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .selectAll('d')
    .select([
      'e.workspace_id',
      'e.url',
      'e.enabled',
      'e.secret_ciphertext',
      'e.secret_key_id',
      'e.previous_secret_expires_at',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    workspace_id,
    url,
    enabled,
    secret_ciphertext,
    secret_key_id,
    previous_secret_expires_at,
    ...delivery
  } = row;
  return {
    ...delivery,
    endpoint: {
      id: delivery.endpoint_id,
      workspace_id,
      url,
      enabled,
      secret_ciphertext,
      secret_key_id,
      previous_secret_expires_at,
    },
  };
}

/** How an attempt ended, and what comes next. */
export type AttemptOutcome =
  | { status: 'delivered'; httpStatus: number }
  | {
      status: 'pending' | 'failed';
      httpStatus: number | null;
      error: string;
      /** With `pending`: the next attempt and the job that makes it. */
      next?: { at: Date; queueJobId: string };
    };

/**
 * Records an attempt made by the job `queueJobId`: only while that job is still in charge (not
 * replaced by a replay, the endpoint not disabled). False when it was not recorded.
 *
 * @example await recordAttempt(trx, delivery.id, job.id, { status: 'delivered', httpStatus: 204 });
 */
export async function recordAttempt(
  db: Db,
  deliveryId: string,
  queueJobId: string,
  outcome: AttemptOutcome,
): Promise<boolean> {
  const next = outcome.status === 'pending' ? outcome.next : undefined;
  const result = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: outcome.status,
      attempts: eb('attempts', '+', 1),
      last_status: outcome.httpStatus,
      last_error: outcome.status === 'delivered' ? null : outcome.error,
      next_attempt_at: next?.at ?? null,
      queue_job_id: next?.queueJobId ?? null,
      updated_at: new Date(),
    }))
    .where('id', '=', deliveryId)
    .where('status', '=', 'pending')
    .where('queue_job_id', '=', queueJobId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Puts a delivery of the endpoint in the hands of a new job, to be sent now whatever its status:
 * `pending` again, attempts kept. Undefined when there is no such delivery of the endpoint.
 *
 * @example const row = await takeForReplay(trx, 'whep_1', 'whd_1', newQueueJobId());
 */
export function takeForReplay(
  db: Db,
  endpointId: string,
  deliveryId: string,
  queueJobId: string,
): Promise<WebhookDeliveryRow | undefined> {
  const now = new Date();
  return db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: now, queue_job_id: queueJobId, updated_at: now })
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', deliveryId)
    .returningAll()
    .executeTakeFirst();
}

/** The delivery as the API shows it. */
export function deliveryView(row: WebhookDeliveryRow) {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    type: row.type,
    // As an emitter wrote it, which its type's schema describes (the tests' receiver checks).
    payload: (typeof row.payload === 'string'
      ? JSON.parse(row.payload)
      : row.payload) as SentWebhookPayload,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
