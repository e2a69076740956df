/**
 * Where each Location's reconciliation stands (table `reconciliation_checkpoints`): when its next
 * run is due, how far its runs got, and what the last one did. A run is claimed by moving
 * `next_run_at` forward: of the processes that look at once, one moves it and runs.
 */
import { sql, type Selectable, type Transaction, type Kysely } from 'kysely';
import type { DB, ReconciliationCheckpointsTable } from '../db/schema.js';
import type { ContactCursor } from './core/contacts.js';
import type { RunSummary } from './core/runSummary.js';

export type CheckpointRow = Selectable<ReconciliationCheckpointsTable>;

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Gives every connected Location without a checkpoint its first run time (`firstRunAt`), then
 * moves every due run of a connected Location one interval on and returns those Locations: theirs
 * to run, in `trx`, with the jobs the caller enqueues there.
 *
 * @example const due = await claimDueRuns(trx, { now, intervalMs, firstRunAt });
 */
export async function claimDueRuns(
  trx: Transaction<DB>,
  options: { now: Date; intervalMs: number; firstRunAt: (locationId: string) => Date },
): Promise<string[]> {
  const fresh = await trx
    .selectFrom('gohighlevel_connections as c')
    .select('c.location_id')
    .distinct()
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('reconciliation_checkpoints as r')
            .select('r.location_id')
            .whereRef('r.location_id', '=', 'c.location_id'),
        ),
      ),
    )
    .execute();
  if (fresh.length > 0) {
    await trx
      .insertInto('reconciliation_checkpoints')
      .values(
        fresh.map(({ location_id }) => ({
          location_id,
          next_run_at: options.firstRunAt(location_id),
          last_run: null,
        })),
      )
      .onConflict((oc) => oc.column('location_id').doNothing())
      .execute();
  }
  const claimed = await trx
    .updateTable('reconciliation_checkpoints as r')
    .set({
      next_run_at: new Date(options.now.getTime() + options.intervalMs),
      updated_at: options.now,
    })
    .where('r.next_run_at', '<=', options.now)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('gohighlevel_connections as c')
          .select('c.location_id')
          .whereRef('c.location_id', '=', 'r.location_id'),
      ),
    )
    .returning('r.location_id')
    .execute();
  return claimed.map((row) => row.location_id);
}

/**
 * The Location's checkpoint; undefined before its first run is planned.
 *
 * @example const checkpoint = await checkpointOf(db, 'loc_1');
 */
export function checkpointOf(db: Db, locationId: string): Promise<CheckpointRow | undefined> {
  return db
    .selectFrom('reconciliation_checkpoints')
    .selectAll()
    .where('location_id', '=', locationId)
    .executeTakeFirst();
}

/** How far a run got, written as it goes so that a run stopped anywhere is not done again. */
export type Progress =
  | { part: 'appointments'; checkedAt: Date }
  | { part: 'contacts'; cursor: ContactCursor }
  | { part: 'tasks'; checkedAt: Date };

/**
 * Records how far the Location's runs got in one part.
 *
 * @example await saveProgress(db, 'loc_1', { part: 'contacts', cursor: { at: Date.now(), id: 'c1' } });
 */
export async function saveProgress(db: Db, locationId: string, progress: Progress): Promise<void> {
  const set =
    progress.part === 'appointments'
      ? { appointments_checked_at: progress.checkedAt }
      : progress.part === 'tasks'
        ? { tasks_checked_at: progress.checkedAt }
        : {
            contacts_cursor_at: new Date(progress.cursor.at),
            contacts_cursor_id: progress.cursor.id,
          };
  await db
    .updateTable('reconciliation_checkpoints')
    .set({ ...set, updated_at: sql<Date>`now()` })
    .where('location_id', '=', locationId)
    .execute();
}

/**
 * Records what the Location's last run did.
 *
 * @example await saveRunSummary(db, 'loc_1', summary);
 */
export async function saveRunSummary(
  db: Db,
  locationId: string,
  summary: RunSummary,
): Promise<void> {
  await db
    .updateTable('reconciliation_checkpoints')
    .set({ last_run: JSON.stringify(summary), updated_at: sql<Date>`now()` })
    .where('location_id', '=', locationId)
    .execute();
}

/**
 * The contact cursor of a checkpoint, when its runs have taken a contact in.
 *
 * @example contactCursorOf(row) // { at: 1772442000000, id: 'c1' }
 */
export function contactCursorOf(row: CheckpointRow | undefined): ContactCursor | undefined {
  if (!row?.contacts_cursor_at || row.contacts_cursor_id === null) return undefined;
  return { at: row.contacts_cursor_at.getTime(), id: row.contacts_cursor_id };
}
