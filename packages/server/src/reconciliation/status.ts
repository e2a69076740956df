/**
 * A workspace's view of the reconciliation of its Location: when the next run is due and what the
 * last one did (`GET /v1/workspaces/:ws/highlevel-reconciliation`).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { connectedLocationId } from '../highlevel/connectionStore.js';
import { checkpointOf } from './checkpointStore.js';
import type { RunSummary } from './core/runSummary.js';

export interface ReconciliationStatus {
  /** Null when the workspace is not connected. */
  locationId: string | null;
  /** Null before the Location's first run is planned (or when reconciliation is off). */
  nextRunAt: string | null;
  lastRun: RunSummary | null;
}

/**
 * @example const status = await reconciliationStatus(db, 'ws_1');
 */
export async function reconciliationStatus(
  db: Kysely<DB>,
  workspaceId: string,
): Promise<ReconciliationStatus> {
  const locationId = await connectedLocationId(db, workspaceId);
  if (!locationId) return { locationId: null, nextRunAt: null, lastRun: null };
  const checkpoint = await checkpointOf(db, locationId);
  const lastRun = checkpoint?.last_run;
  return {
    locationId,
    nextRunAt: checkpoint?.next_run_at.toISOString() ?? null,
    lastRun: (typeof lastRun === 'string'
      ? JSON.parse(lastRun)
      : (lastRun ?? null)) as RunSummary | null,
  };
}
