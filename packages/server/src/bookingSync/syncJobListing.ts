/**
 * Reading sync jobs (table `sync_jobs`) for people and watchers: one job, a page of a workspace's
 * jobs (filtered, searched) with the count of each status (`GET /v1/workspaces/:ws/sync-jobs`),
 * the jobs of one booking (its timeline), the progress of backfill runs, the statuses of a batch
 * (a backfill watching its jobs end), and a job as the API shows it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { SYNC_JOB_STATUSES, type SyncJobStatus } from './core/syncJobStates.js';
import { syncJobSearch } from './core/syncJobSearch.js';
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
  /** Text anywhere in the customer's email, phone or name, or the booking id (`syncJobSearch`). */
  search?: string;
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
  const search = listing.search === undefined ? undefined : syncJobSearch(listing.search);
  if (search) {
    // No index finds a substring: the listing walks `sync_jobs_workspace_created` newest first
    // and stops once the page is full, so a search costs as many rows as lie before its matches.
    query = query.where((eb) =>
      eb.or([
        eb('customer_key', 'like', search.text),
        eb(eb.fn('lower', ['booking_id']), 'like', search.text),
        eb(
          sql<string>`lower(concat_ws(' ', customer->>'firstName', customer->>'lastName'))`,
          'like',
          search.text,
        ),
        ...(search.digits ? [eb(sql<string>`customer->>'phone'`, 'like', search.digits)] : []),
      ]),
    );
  }
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

/** At most this many jobs of one booking are shown, the latest. */
export const BOOKING_JOBS_LIMIT = 100;

/**
 * The latest jobs of one booking (every version, every customer it touched), oldest first, and
 * whether older ones were left out (past `BOOKING_JOBS_LIMIT`).
 *
 * @example const { jobs } = await bookingSyncJobs(db, workspaceId, 'bk_1');
 */
export async function bookingSyncJobs(
  db: Db,
  workspaceId: string,
  bookingId: string,
): Promise<{ jobs: SyncJobRow[]; more: boolean }> {
  const rows = await db
    .selectFrom('sync_jobs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('booking_id', '=', bookingId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(BOOKING_JOBS_LIMIT + 1)
    .execute();
  return {
    jobs: rows.slice(0, BOOKING_JOBS_LIMIT).reverse(),
    more: rows.length > BOOKING_JOBS_LIMIT,
  };
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
  return statusCounts(rows);
}

/**
 * Every status with its count from grouped rows (0 when none; statuses this version does not know
 * are left out).
 *
 * @example statusCounts([{ status: 'done', count: '3' }]); // { queued: 0, …, done: 3, failed: 0 }
 */
export function statusCounts(
  rows: ReadonlyArray<{ status: string; count: string | number }>,
): Record<SyncJobStatus, number> {
  const counts = Object.fromEntries(SYNC_JOB_STATUSES.map((status) => [status, 0])) as Record<
    SyncJobStatus,
    number
  >;
  for (const row of rows) {
    if (row.status in counts) counts[row.status as SyncJobStatus] += Number(row.count);
  }
  return counts;
}

export interface BackfillRunProgress {
  /** The run's id, as `ghl-bridge backfill` printed it. */
  id: string;
  /** When its first job was created, and when any of its jobs last changed. */
  startedAt: Date;
  updatedAt: Date;
  total: number;
  counts: Record<SyncJobStatus, number>;
}

/**
 * The `limit` latest backfill runs of a workspace, newest first, each with how many of its jobs
 * are in each status.
 *
 * @example const [latest] = await backfillRuns(db, workspaceId, 5);
 */
export async function backfillRuns(
  db: Db,
  workspaceId: string,
  limit: number,
): Promise<BackfillRunProgress[]> {
  const rows = await db
    .selectFrom('sync_jobs')
    .select((eb) => [
      'backfill_run',
      'status',
      eb.fn.countAll<string | number>().as('count'),
      eb.fn.min('created_at').as('started_at'),
      eb.fn.max('updated_at').as('updated_at'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('backfill_run', 'is not', null)
    .groupBy(['backfill_run', 'status'])
    .execute();
  const runs = new Map<string, { startedAt: Date; updatedAt: Date; rows: typeof rows }>();
  for (const row of rows) {
    const id = row.backfill_run!;
    const [startedAt, updatedAt] = [new Date(row.started_at), new Date(row.updated_at)];
    const run = runs.get(id) ?? { startedAt, updatedAt, rows: [] };
    if (startedAt < run.startedAt) run.startedAt = startedAt;
    if (updatedAt > run.updatedAt) run.updatedAt = updatedAt;
    run.rows.push(row);
    runs.set(id, run);
  }
  return [...runs]
    .map(([id, run]) => ({
      id,
      startedAt: run.startedAt,
      updatedAt: run.updatedAt,
      total: run.rows.reduce((sum, row) => sum + Number(row.count), 0),
      counts: statusCounts(run.rows),
    }))
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || b.id.localeCompare(a.id))
    .slice(0, limit);
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

/**
 * How many of a workspace's jobs reached `done` and `failed` since `since` (by their last
 * change): the Health page's job error rate.
 *
 * @example await countSyncJobOutcomesSince(db, workspaceId, hourAgo); // { done: 40, failed: 2 }
 */
export async function countSyncJobOutcomesSince(
  db: Db,
  workspaceId: string,
  since: Date,
): Promise<{ done: number; failed: number }> {
  const rows = await db
    .selectFrom('sync_jobs')
    .select((eb) => ['status', eb.fn.countAll<string | number>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', ['done', 'failed'])
    .where('updated_at', '>=', since)
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
  return { done: count('done'), failed: count('failed') };
}
