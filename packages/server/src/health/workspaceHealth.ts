/**
 * A workspace's health as the dashboard shows it: its Location's HighLevel requests per 10 s
 * over the last hour against the limit, the 429s and failures among them, its sync queue's depth
 * and the share of its jobs that failed in the last hour.
 */
import { HIGHLEVEL_WINDOWS } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import { countSyncJobOutcomesSince, countSyncJobs } from '../bookingSync/syncJobListing.js';
import type { DB } from '../db/schema.js';
import { connectedLocationId } from '../highlevel/connectionStore.js';
import { BUCKET_MS } from './core/requestTally.js';
import { requestSeries, type RequestSeries } from './core/requestSeries.js';
import { readRequestHistory } from './requestHistoryStore.js';

/** The span the Health page shows. */
export const HEALTH_SPAN_MS = 3_600_000;

/** HighLevel's burst limit, the line the chart is drawn against. */
const BURST = HIGHLEVEL_WINDOWS[0]!;

export interface WorkspaceHealth {
  locationId: string | null;
  limit: { requests: number; windowMs: number };
  requests: RequestSeries;
  syncJobs: {
    /** Jobs not finished yet: queued, running, retrying or waiting for a connection. */
    waiting: number;
    failed: number;
    lastHour: { done: number; failed: number; errorRate: number | null };
  };
}

/**
 * @example const health = await readWorkspaceHealth(db, 'ws_1', Date.now());
 */
export async function readWorkspaceHealth(
  db: Kysely<DB>,
  workspaceId: string,
  now: number,
): Promise<WorkspaceHealth> {
  const toBucket = Math.floor(now / BUCKET_MS);
  const fromBucket = toBucket - HEALTH_SPAN_MS / BUCKET_MS + 1;
  const since = new Date(now - HEALTH_SPAN_MS);
  const [locationId, counts, lastHour] = await Promise.all([
    connectedLocationId(db, workspaceId),
    countSyncJobs(db, workspaceId),
    countSyncJobOutcomesSince(db, workspaceId, since),
  ]);
  const rows = locationId ? await readRequestHistory(db, locationId, fromBucket) : [];
  const finished = lastHour.done + lastHour.failed;
  return {
    locationId: locationId ?? null,
    limit: { requests: BURST.limit, windowMs: BURST.intervalMs },
    requests: requestSeries(rows, fromBucket, toBucket, BUCKET_MS),
    syncJobs: {
      waiting:
        counts.queued +
        counts.running +
        counts.retrying +
        counts.waiting_for_connection +
        counts.paused,
      failed: counts.failed,
      lastHour: { ...lastHour, errorRate: finished === 0 ? null : lastHour.failed / finished },
    },
  };
}
