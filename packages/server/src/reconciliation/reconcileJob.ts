/**
 * The `highlevel-reconciliation` job: one run of a Location's poll. It reads, within its budget,
 * the appointments in the moving window, the tasks, and the contacts (and their notes) changed
 * since the checkpoint; tells the booking apps of every workspace connected to the Location
 * the changes no webhook told; then records and logs what it did (calls, 429s, changes found).
 */
import { HighLevelError, type HighLevel } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { Keyring } from '../crypto/keyring.js';
import type { DB } from '../db/schema.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import type { Logger } from '../logger.js';
import type { JobHandler, JobQueue } from '../queue/jobQueue.js';
import { BudgetSpent, callBudget, systemClock, type BudgetClock } from './callBudget.js';
import { checkpointOf, saveRunSummary } from './checkpointStore.js';
import { runBudget, type BurstWindow } from './core/budget.js';
import { emptyRunSummary, runStop, type RunPart } from './core/runSummary.js';
import { STATES_KEPT_MS } from './core/since.js';
import { highLevelFor, locationConnections } from './locationClient.js';
import { readAppointments } from './readAppointments.js';
import { readContacts } from './readContacts.js';
import type { ReconciliationJobData } from './reconcileQueue.js';
import { readTasks } from './readTasks.js';
import type { Run } from './run.js';
import { forgetStatesBefore } from './seenChangeStore.js';

export interface ReconcileSettings {
  /** GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS; 0: off. */
  intervalSeconds: number;
  /** GHL_BRIDGE_RECONCILE_BUDGET_SHARE. */
  budgetShare: number;
  /** The Location's burst budget the share is of. */
  burst: BurstWindow;
}

export interface ReconcileDeps {
  db: Kysely<DB>;
  keyring: Keyring;
  highLevel: HighLevelClients;
  queue: JobQueue;
  logger: Logger;
  settings: ReconcileSettings;
  /** Paces the calls; default the system clock. */
  clock?: BudgetClock;
}

/** Cheapest first: the contacts' part ends with a call per changed contact (its notes). */
const PARTS: [RunPart, (run: Run) => Promise<void>][] = [
  ['appointments', readAppointments],
  ['tasks', readTasks],
  ['contacts', readContacts],
];

/** Runs the parts in turn; a part HighLevel refuses is noted and skipped, a spent budget ends all. */
async function runParts(run: Run): Promise<'budget' | 'time' | undefined> {
  for (const [part, readPart] of PARTS) {
    try {
      await readPart(run);
    } catch (error) {
      if (error instanceof BudgetSpent) return error.reason;
      if (!(error instanceof HighLevelError)) throw error;
      run.summary.errors.push(`${part}: ${error.code}: ${error.message}`);
    }
  }
  return undefined;
}

/**
 * The queue's handler for `highlevel-reconciliation` jobs.
 *
 * @example await queue.work(RECONCILIATION_QUEUE, reconciliationHandler(deps), { concurrency: 8, batchSize: 1 });
 */
export function reconciliationHandler(deps: ReconcileDeps): JobHandler<ReconciliationJobData> {
  const { db, settings } = deps;
  return async ({ data: { locationId } }) => {
    if (settings.intervalSeconds === 0) return;
    const connections = await locationConnections(db, locationId);
    // Disconnected since the run was planned: nothing to read for.
    if (connections.length === 0) return;
    const plan = runBudget({
      share: settings.budgetShare,
      intervalMs: settings.intervalSeconds * 1000,
      burst: settings.burst,
    });
    const budget = callBudget(plan, deps.clock ?? systemClock);
    const startedAt = new Date();
    const summary = emptyRunSummary({
      startedAt,
      intervalSeconds: settings.intervalSeconds,
      budgetShare: settings.budgetShare,
      maxCalls: plan.maxCalls,
    });
    let client: HighLevel | undefined;
    try {
      client = highLevelFor(deps, connections, (event) => budget.onEvent(event));
    } catch (error) {
      // A key the secret keys cannot open: the connection's own check reports it to the workspace.
      summary.errors.push(`credentials: ${error instanceof Error ? error.message : String(error)}`);
    }
    let cutShort: 'budget' | 'time' | undefined;
    if (client) {
      cutShort = await runParts({
        db,
        queue: deps.queue,
        locationId,
        workspaceIds: connections.map((connection) => connection.workspace_id),
        connectedAt: Math.min(...connections.map((c) => c.connected_at.getTime())),
        client,
        budget,
        startedAt,
        checkpoint: await checkpointOf(db, locationId),
        summary,
      });
    }
    await forgetStatesBefore(db, locationId, new Date(startedAt.getTime() - STATES_KEPT_MS));
    Object.assign(summary, {
      finishedAt: new Date().toISOString(),
      calls: budget.counts.calls,
      throttled: budget.counts.throttled,
      failedCalls: budget.counts.failed,
      stoppedBy: runStop(cutShort, summary.errors),
    });
    await saveRunSummary(db, locationId, summary);
    deps.logger.info(
      {
        locationId,
        calls: summary.calls,
        maxCalls: summary.maxCalls,
        throttled: summary.throttled,
        read: summary.read,
        told: summary.told,
        stoppedBy: summary.stoppedBy,
        errors: summary.errors,
        durationMs: Date.parse(summary.finishedAt) - startedAt.getTime(),
      },
      'reconciliation run',
    );
  };
}
