/**
 * `ghl-bridge backfill --workspace ID --file bookings.ndjson|.csv [--dry-run]`: historical bookings
 * in. The file is read as a stream, twice: every line is validated before anything is written;
 * then each event goes through the same ledger write as `POST …/bookings` (its sync jobs enqueued
 * in the same transaction), and the sync is watched until it is done. On the embedded database
 * this process is the only one that may open it, so it runs the sync workers itself; on
 * PostgreSQL the workers of `start` or `worker` do. Resumable: the ledger is idempotent by
 * id+version, so a run after an interruption skips what is stored. `--dry-run` prints the plan
 * and writes nothing.
 */
import { hostname } from 'node:os';
import { BackfillPlanner } from '../bookingSync/core/backfillPlan.js';
import { gatherBackfillState } from '../bookingSync/backfillState.js';
import {
  bookingFileFormat,
  readBookingFile,
  type BookingFileFormat,
} from '../bookingSync/bookingFile.js';
import { recordBooking } from '../bookingSync/recordBooking.js';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createJobQueue } from '../queue/jobQueue.js';
import { createRuntime, QUEUES, type Runtime } from '../runtime.js';
import { customerKey, type BookingEventOptions } from '../bookingSync/core/bookingEvent.js';
import type { LedgerOutcome } from '../bookingSync/core/ledger.js';
import { newId } from '../ids.js';
import { findWorkspace } from '../workspaces/workspaceStore.js';
import { backfillPhoneCountry } from './backfillCountry.js';
import { openBackfillSource, DryRunSourceError } from './backfillSource.js';
import { watchSync, type SyncTally } from './backfillSync.js';
import { count, planLines, storedLine } from './backfillReport.js';
import {
  progressLine,
  progressReporter,
  type ProgressReporter,
  type ProgressSink,
} from './progress.js';

export interface BackfillOptions {
  config: Config;
  workspaceId: string;
  file: string;
  dryRun: boolean;
  out: (line: string) => void;
  /** The progress bars (stderr in the CLI); none when absent. */
  progress?: ProgressSink;
  /** How the in-process sync workers reach HighLevel (embedded database); default `fetch`. */
  fetch?: typeof fetch;
  /** Stops the backfill between two events, or the sync watch (Ctrl+C). */
  signal?: AbortSignal;
  now?: () => number;
  /** How often the sync jobs are looked at; default 500 ms. */
  pollMs?: number;
}

/** The exit code of a run stopped by Ctrl+C. */
const INTERRUPTED = 130;

/**
 * Runs the backfill; returns the exit code.
 *
 * @example process.exitCode = await backfillCommand({ config, workspaceId, file, dryRun: false, out: console.log });
 */
export async function backfillCommand(options: BackfillOptions): Promise<number> {
  const { out, file } = options;
  const format = bookingFileFormat(file);
  if (!format) {
    out(
      `✗ ${file}: expected .ndjson or .jsonl (one booking event per line) or .csv (dotted headers like customer.email).`,
    );
    return 2;
  }
  // Phones without +country are read in the workspace's country, as POST …/bookings reads them.
  const read = { phoneCountry: await backfillPhoneCountry(options) };
  let scan: FileScan;
  try {
    scan = await scanFile(file, format, { collectKeys: options.dryRun, read });
  } catch (error) {
    out(`✗ Cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  if (scan.problems.length > 0) {
    out(`✗ ${count(scan.problemCount, 'invalid line')} in ${file}; nothing was written:`);
    for (const problem of scan.problems) out(`  ${problem}`);
    if (scan.problemCount > scan.problems.length) {
      out(`  … and ${scan.problemCount - scan.problems.length} more`);
    }
    return 1;
  }
  return options.dryRun ? dryRun(options, format, scan) : ingestAndSync(options, format, scan);
}

interface FileScan {
  events: number;
  /** The first 20 problems, each `line N: …`. */
  problems: string[];
  problemCount: number;
  bookingIds: Set<string>;
  customerKeys: Set<string>;
  /** How the events were read (the phone country), so every later read reads them the same. */
  read: BookingEventOptions;
}

async function scanFile(
  file: string,
  format: BookingFileFormat,
  { collectKeys, read }: { collectKeys: boolean; read: BookingEventOptions },
): Promise<FileScan> {
  const scan: FileScan = {
    events: 0,
    problems: [],
    problemCount: 0,
    bookingIds: new Set(),
    customerKeys: new Set(),
    read,
  };
  for await (const line of readBookingFile(file, format, read)) {
    if ('problem' in line) {
      scan.problemCount += 1;
      if (scan.problems.length < 20) scan.problems.push(`line ${line.line}: ${line.problem}`);
      continue;
    }
    scan.events += 1;
    if (collectKeys) {
      scan.bookingIds.add(line.event.id);
      scan.customerKeys.add(customerKey(line.event.customer));
    }
  }
  return scan;
}

async function dryRun(
  options: BackfillOptions,
  format: BookingFileFormat,
  scan: FileScan,
): Promise<number> {
  const { out } = options;
  let source;
  try {
    source = await openBackfillSource(options.config);
  } catch (error) {
    if (!(error instanceof DryRunSourceError)) throw error;
    out(`✗ ${error.message}`);
    return 2;
  }
  try {
    const workspace = await source.workspace(options.workspaceId);
    if (!workspace) {
      out(`✗ There is no workspace ${options.workspaceId} in ${source.description}.`);
      return 1;
    }
    const state = await gatherBackfillState(scan.bookingIds, scan.customerKeys, (query) =>
      source.read(workspace.id, query),
    );
    const planner = new BackfillPlanner(state, { naming: workspace.naming });
    for await (const line of readBookingFile(options.file, format, scan.read)) {
      if ('event' in line) planner.add(line.event);
    }
    const plan = planner.plan();
    out(`Dry run for workspace ${workspace.id} (${workspace.name}); nothing was written.`);
    out(`  ledger, contacts and field ids read from ${source.description}`);
    for (const line of planLines(plan)) out(line);
    return 0;
  } catch (error) {
    if (!(error instanceof DryRunSourceError)) throw error;
    out(`✗ ${error.message}`);
    return 2;
  } finally {
    await source.close();
  }
}

async function ingestAndSync(
  options: BackfillOptions,
  format: BookingFileFormat,
  scan: FileScan,
): Promise<number> {
  const { out, config, signal } = options;
  const now = options.now ?? Date.now;
  const progress = progressReporter(options.progress ?? { isTTY: false, write: () => {} }, {
    now,
  });
  const counts: Record<LedgerOutcome, number> = { created: 0, updated: 0, duplicate: 0, stale: 0 };
  const jobIds: string[] = [];
  // Marks the jobs this run creates, so the dashboard can show the run's progress.
  const backfillRun = newId('bf');
  let stored = 0;
  let workspaceId: string;

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    const workspace = await findWorkspace(database.db, options.workspaceId);
    if (!workspace) {
      out(`✗ There is no workspace ${options.workspaceId} in ${database.description}.`);
      return 1;
    }
    workspaceId = workspace.id;
    const queue = createJobQueue({ database, queues: QUEUES });
    await queue.start();
    const started = now();
    const line = () =>
      progressLine('Storing', { done: stored, total: scan.events, elapsedMs: now() - started });
    try {
      for await (const read of readBookingFile(options.file, format, scan.read)) {
        if (signal?.aborted) break;
        if (!('event' in read)) continue;
        const { outcome, jobs } = await recordBooking(
          database.db,
          queue,
          workspace.id,
          read.event,
          {
            backfillRun,
          },
        );
        counts[outcome] += 1;
        for (const job of jobs) jobIds.push(job.id);
        stored += 1;
        progress.update(line());
      }
      progress.finish(line());
    } finally {
      await queue.stop();
    }
  } finally {
    await database.close();
  }

  out(storedLine(stored, counts));
  if (signal?.aborted) {
    out(
      `Stopped after ${stored} of ${count(scan.events, 'event')}; run the same command again to store the rest (what is stored is skipped).`,
    );
    return INTERRUPTED;
  }
  if (jobIds.length === 0) return 0;
  out(
    `  Backfill ${backfillRun}: its progress is on the dashboard's Booking sync page (GET /v1/workspaces/${workspaceId}/backfills).`,
  );
  return syncPhase(options, workspaceId, jobIds, progress);
}

async function syncPhase(
  options: BackfillOptions,
  workspaceId: string,
  jobIds: string[],
  progress: ProgressReporter,
): Promise<number> {
  const { out, config } = options;
  const embedded = !config.databaseUrl;
  let runtime: Runtime | undefined;
  let database: Database;
  if (embedded) {
    // No other process can open this database: the sync runs here, as `start` would run it.
    runtime = await createRuntime({
      config,
      http: false,
      worker: true,
      workerName: `backfill:${hostname()}:${process.pid}`,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    database = runtime.database;
  } else {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  }
  let tally: SyncTally;
  try {
    tally = await watchSync({
      db: database.db,
      jobIds,
      progress,
      now: options.now ?? Date.now,
      pollMs: options.pollMs ?? 500,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(embedded
        ? {}
        : {
            onStall: () =>
              progress.note(
                'No sync job has moved for 30 s: is `ghl-bridge worker` (or `start`) running against this database?',
              ),
          }),
    });
  } finally {
    if (runtime) await runtime.stop();
    else await database.close();
  }
  const open = tally.total - tally.synced - tally.failed - tally.waiting;
  if (options.signal?.aborted && open > 0) {
    out(
      `Stopped watching with ${count(open, 'sync job')} to go; ${embedded ? '`ghl-bridge start` carries on with them' : 'the workers carry on with them'}.`,
    );
    return INTERRUPTED;
  }
  out(
    `✓ Sync: ${tally.synced} done, ${tally.failed} failed${tally.waiting > 0 ? `, ${tally.waiting} waiting for a GoHighLevel connection (they run once the workspace is connected)` : ''}.`,
  );
  if (tally.failed > 0) {
    out(
      `  The reasons: GET /v1/workspaces/${workspaceId}/sync-jobs?status=failed; after fixing, POST …/sync-jobs/:id/retry.`,
    );
    return 1;
  }
  return 0;
}
