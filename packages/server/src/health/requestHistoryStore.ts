/**
 * The table `highlevel_request_history`: HighLevel requests per Location and 10-second bucket.
 * Every process adds its counts (so the sums are the Location's, across processes); rows past
 * the Health page's window are pruned.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RequestCount } from './core/requestTally.js';

/**
 * Adds `counts` to what is stored, in one statement.
 *
 * @example await addRequestCounts(db, tally.drain());
 */
export async function addRequestCounts(db: Kysely<DB>, counts: readonly RequestCount[]) {
  if (counts.length === 0) return;
  await db
    .insertInto('highlevel_request_history')
    .values(
      counts.map((c) => ({
        location_id: c.locationId,
        bucket: c.bucket,
        requests: c.requests,
        throttled: c.throttled,
        failed: c.failed,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['location_id', 'bucket']).doUpdateSet({
        requests: sql`highlevel_request_history.requests + excluded.requests`,
        throttled: sql`highlevel_request_history.throttled + excluded.throttled`,
        failed: sql`highlevel_request_history.failed + excluded.failed`,
      }),
    )
    .execute();
}

/** Deletes every bucket before `bucket`. */
export async function pruneRequestHistory(db: Kysely<DB>, bucket: number): Promise<void> {
  await db.deleteFrom('highlevel_request_history').where('bucket', '<', bucket).execute();
}

/**
 * The stored buckets of `locationId` from `fromBucket` on, oldest first (buckets without a
 * request have no row).
 *
 * @example const rows = await readRequestHistory(db, 'loc_1', Math.floor((Date.now() - 3_600_000) / 10_000));
 */
export async function readRequestHistory(
  db: Kysely<DB>,
  locationId: string,
  fromBucket: number,
): Promise<RequestCount[]> {
  const rows = await db
    .selectFrom('highlevel_request_history')
    .select(['bucket', 'requests', 'throttled', 'failed'])
    .where('location_id', '=', locationId)
    .where('bucket', '>=', fromBucket)
    .orderBy('bucket')
    .execute();
  return rows.map((row) => ({
    locationId,
    bucket: Number(row.bucket),
    requests: row.requests,
    throttled: row.throttled,
    failed: row.failed,
  }));
}
