/**
 * One reconciliation run of a Location, as its parts (`readAppointments.ts`, `readContacts.ts`,
 * `readTasks.ts`) share it: the client and budget every HighLevel read goes through, at the
 * lowest priority, and the way findings are told, each in its own transaction.
 */
import type { HighLevel, RawRequestOptions } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobQueue } from '../queue/jobQueue.js';
import type { CallBudget } from './callBudget.js';
import type { CheckpointRow } from './checkpointStore.js';
import type { Finding } from './core/known.js';
import type { RunSummary } from './core/runSummary.js';
import { tellChange } from './tellChange.js';

export interface Run {
  db: Kysely<DB>;
  queue: JobQueue;
  locationId: string;
  /** Every workspace connected to the Location: each one's app is told. */
  workspaceIds: readonly string[];
  /** When the first of them connected, epoch ms: before its first run, changes are read from then. */
  connectedAt: number;
  client: HighLevel;
  budget: CallBudget;
  startedAt: Date;
  checkpoint: CheckpointRow | undefined;
  summary: RunSummary;
}

/**
 * A HighLevel read of the run: it waits its turn in the run's budget and goes at the `bulk`
 * priority, after every waiting booking sync and voice call of the Location.
 *
 * @example const body = await read(run, 'GET', '/calendars/', { query: { locationId } });
 */
export async function read(
  run: Run,
  method: string,
  path: string,
  options: RawRequestOptions,
): Promise<unknown> {
  await run.budget.take();
  return run.client.raw(method, path, {
    ...options,
    locationId: run.locationId,
    priority: 'bulk',
  });
}

/**
 * Tells (or remembers) each finding, each in a transaction of its own, and counts those told.
 *
 * @example await tellFindings(run, appointmentFindings(listed, known, run.locationId, since));
 */
export async function tellFindings(run: Run, findings: readonly Finding[]): Promise<void> {
  for (const finding of findings) {
    const telling = await run.db
      .transaction()
      .execute((trx) =>
        tellChange(trx, run.queue, run.workspaceIds, { ...finding, webhookId: null }),
      );
    if (telling === 'told') run.summary.told[finding.state.kind] += 1;
  }
}
