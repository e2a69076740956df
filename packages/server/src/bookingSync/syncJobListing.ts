/**
 * Reading sync jobs (table `sync_jobs`) for people and watchers: one job, a page of a workspace's
 * jobs with the count of each status (`GET /v1/workspaces/:ws/sync-jobs`), the statuses of a
 * batch (a backfill watching its jobs end), and a job as the API shows it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { SYNC_JOB_STATUSES, type SyncJobStatus } from './core/syncJobStates.js';
import type { SyncJobRow } from './syncJobStore.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * One job, whatever its workspace.
 *
 * @example const job = await findSyncJob(db, 'sj_1');
 */
export function findSyncJob(db: Db, id: string): Promise<SyncJobRow | undefined> {
  return db.selectFrom('sync_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The status of each job in `ids` that exists, for watching a batch of jobs (a backfill's) reach
 * an end.
 *
 * @example const statuses = await syncJobStatuses(db, ['sj_1', 'sj_2']); // Map { 'sj_1' => 'done', … }
 */
export async function syncJobStatuses(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, SyncJobStatus>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('sync_jobs')
    .select(['id', 'status'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.status as SyncJobStatus]));
}

export interface SyncJobListing {
  status?: SyncJobStatus;
  bookingId?: string;
  /** Resume after this job (the last of the previous page). */
  after?: string;
  limit: number;
}

/**
 * One page of a workspace's jobs, newest first (by creation, then id, so a page boundary never
 * skips or repeats a job created in the same instant), and whether more follow; undefined when
 * `after` names no job of this workspace.
 *
 * @example const page = await listSyncJobs(db, workspaceId, { status: 'failed', limit: 50 });
 */
export async function listSyncJobs(
  db: Db,
  workspaceId: string,
  listing: SyncJobListing,
): Promise<{ jobs: SyncJobRow[]; more: boolean } | undefined> {
  let query = db.selectFrom('sync_jobs').selectAll().where('workspace_id', '=', workspaceId);
  if (listing.status) query = query.where('status', '=', listing.status);
  if (listing.bookingId) query = query.where('booking_id', '=', listing.bookingId);
  if (listing.after !== undefined) {
    const after = await db
      .selectFrom('sync_jobs')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', listing.after)
      .executeTakeFirst();
    if (!after) return undefined;
    // Compared in SQL: a JavaScript Date would round created_at's microseconds away.
    query = query.where(
      sql<boolean>`(created_at, id) < (select p.created_at, p.id from sync_jobs p where p.id = ${after.id})`,
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(listing.limit + 1)
    .execute();
  return { jobs: rows.slice(0, listing.limit), more: rows.length > listing.limit };
}

/**
 * How many of a workspace's jobs are in each status, every status named (0 when none).
 *
 * @example await countSyncJobs(db, workspaceId); // { queued: 0, running: 1, …, failed: 2 }
 */
export async function countSyncJobs(
  db: Db,
  workspaceId: string,
): Promise<Record<SyncJobStatus, number>> {
  const rows = await db
    .selectFrom('sync_jobs')
    .select((eb) => ['status', eb.fn.countAll<string | number>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(SYNC_JOB_STATUSES.map((status) => [status, 0])) as Record<
    SyncJobStatus,
    number
  >;
  for (const row of rows) {
    if (row.status in counts) counts[row.status as SyncJobStatus] = Number(row.count);
  }
  return counts;
}

/**
 * A job as the API shows it.
 *
 * @example return c.json(syncJobView(row), 202);
 */
export function syncJobView(row: SyncJobRow) {
  return {
    id: row.id,
    bookingId: row.booking_id,
    version: Number(row.version),
    customerKey: row.customer_key,
    status: row.status as SyncJobStatus,
    attempts: row.attempts,
    reason: row.reason,
    highLevelContactId: row.contact_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
