/**
 * What an install coming and going does to the workspaces connected through it: gone (an
 * UNINSTALL, or HighLevel refusing its tokens for good) pauses them with the reason; back (the
 * app installed again) un-pauses them and queues their waiting sync jobs.
 */
import type { Kysely, Transaction } from 'kysely';
import { resumeSyncJobs } from '../bookingSync/syncJobStore.js';
import type { DB } from '../db/schema.js';
import {
  pauseInstallConnections,
  unpauseInstallConnections,
} from '../highlevel/connectionStore.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { markUninstalled } from './installStore.js';

type Db = Kysely<DB> | Transaction<DB>;

const inTransaction = <T>(db: Db, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

/**
 * The install of `resourceId` (a Location, or an agency and all its Locations) no longer works:
 * its tokens are erased and the connections through it paused with `reason`.
 *
 * @example await installGone(db, queue, 'loc_1', 'HighLevel refused the refresh token …');
 */
export function installGone(
  db: Db,
  queue: JobQueue,
  resourceId: string,
  reason: string,
  at = new Date(),
): Promise<{ locationIds: string[]; pausedWorkspaceIds: string[] }> {
  return inTransaction(db, async (trx) => {
    const locationIds = await markUninstalled(trx, resourceId, reason, at);
    const pausedWorkspaceIds = await pauseInstallConnections(trx, queue, locationIds, reason);
    return { locationIds, pausedWorkspaceIds };
  });
}

/**
 * The app is installed on `locationIds` again: their paused connections resume and their jobs
 * waiting as `paused` (or failed for credentials) are queued. Returns the workspaces resumed.
 *
 * @example await installBack(trx, queue, ['loc_1', 'loc_2']);
 */
export async function installBack(
  trx: Kysely<DB>,
  queue: JobQueue,
  locationIds: readonly string[],
): Promise<string[]> {
  const resumed = await unpauseInstallConnections(trx, locationIds);
  for (const connection of resumed) {
    await resumeSyncJobs(trx, queue, connection.workspace_id, connection.location_id);
  }
  return resumed.map((c) => c.workspace_id);
}
