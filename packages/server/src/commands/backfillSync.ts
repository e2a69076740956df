/**
 * The sync phase of `ghl-bridge backfill`: the sync jobs the backfill made, watched until each
 * has ended (synced, failed, or waiting for a GoHighLevel connection), with a progress bar:
 * synced, failed, retrying and still to go, the rate and the time left.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SyncJobStatus } from '../bookingSync/core/syncJobStates.js';
import { syncJobStatuses } from '../bookingSync/syncJobListing.js';
import { progressLine, type ProgressReporter } from './progress.js';

export interface SyncTally {
  total: number;
  synced: number;
  failed: number;
  /** Not connected: these run once the workspace is connected. */
  waiting: number;
  retrying: number;
}

/**
 * A job's status as this watch counts it; `open` jobs are looked at again.
 *
 * @example syncOutcome('waiting_for_connection'); // 'waiting'
 */
export function syncOutcome(
  status: SyncJobStatus | undefined,
): 'synced' | 'failed' | 'waiting' | 'open' {
  switch (status) {
    case 'done':
      return 'synced';
    case 'failed':
      return 'failed';
    case 'waiting_for_connection':
      return 'waiting';
    default:
      return 'open';
  }
}

/**
 * The line the bar shows.
 *
 * @example syncProgressLine({ total: 4, synced: 2, failed: 1, waiting: 0, retrying: 0 }, 1000);
 */
export function syncProgressLine(tally: SyncTally, elapsedMs: number): string {
  const ended = tally.synced + tally.failed + tally.waiting;
  const details = [
    `${tally.synced} synced`,
    `${tally.failed} failed`,
    ...(tally.waiting > 0 ? [`${tally.waiting} waiting for a connection`] : []),
    ...(tally.retrying > 0 ? [`${tally.retrying} retrying`] : []),
    `${tally.total - ended} to go`,
  ].join(', ');
  return progressLine('Syncing', { done: ended, total: tally.total, elapsedMs }, details);
}

export interface WatchSyncOptions {
  db: Kysely<DB>;
  jobIds: readonly string[];
  progress: ProgressReporter;
  now: () => number;
  /** How often the jobs are looked at. */
  pollMs: number;
  /** Called once when no job has moved for `stallMs` (nobody works the queue?). */
  onStall?: () => void;
  stallMs?: number;
  signal?: AbortSignal;
}

/**
 * Resolves with the tally once every job has ended, or when `signal` aborts.
 *
 * @example const tally = await watchSync({ db, jobIds, progress, now: Date.now, pollMs: 500 });
 */
export async function watchSync(options: WatchSyncOptions): Promise<SyncTally> {
  const { db, progress, now } = options;
  const open = new Set(options.jobIds);
  const tally: SyncTally = { total: open.size, synced: 0, failed: 0, waiting: 0, retrying: 0 };
  const started = now();
  let movedAt = started;
  let stallReported = false;
  let lastRetrying = 0;
  while (open.size > 0 && !options.signal?.aborted) {
    let retrying = 0;
    const ids = [...open];
    for (let i = 0; i < ids.length; i += 1000) {
      const statuses = await syncJobStatuses(db, ids.slice(i, i + 1000));
      for (const id of ids.slice(i, i + 1000)) {
        const status = statuses.get(id);
        const outcome = syncOutcome(status);
        if (status === 'retrying') retrying += 1;
        if (outcome === 'open') continue;
        tally[outcome] += 1;
        open.delete(id);
        movedAt = now();
      }
    }
    if (retrying !== lastRetrying) movedAt = now();
    lastRetrying = retrying;
    tally.retrying = retrying;
    if (open.size === 0) break;
    progress.update(syncProgressLine(tally, now() - started));
    if (!stallReported && options.onStall && now() - movedAt >= (options.stallMs ?? 30_000)) {
      stallReported = true;
      options.onStall();
    }
    await sleep(options.pollMs, options.signal);
  }
  progress.finish(syncProgressLine(tally, now() - started));
  return tally;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
