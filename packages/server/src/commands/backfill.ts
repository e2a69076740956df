/**
 * `ghl-bridge backfill --workspace ID --file bookings.ndjson|.csv [--dry-run]`: historical bookings
 * in. Every line is validated before anything is written; then each event goes through the same
 * ledger write as `POST …/bookings` (its sync jobs enqueued in the same transaction, processed by
 * the workers of `start` or `worker`). Resumable: the ledger is idempotent by id+version, so a
 * run after an interruption skips what is stored and carries on. `--dry-run` prints the plan and
 * writes nothing.
 */
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { planBackfill } from '../bookings/backfillPlan.js';
import { recordBooking } from '../bookings/bookingStore.js';
import { csvBookingRecords } from '../bookings/csv.js';
import { createJobQueue } from '../queue/jobQueue.js';
import { QUEUES } from '../runtime.js';
import { bookingEventSchema } from '../sync/bookingEvent.js';
import type { LedgerBooking, LedgerOutcome } from '../sync/ledger.js';
import { syncNaming, workspaceNaming } from '../syncWorker/naming.js';
import { findWorkspace } from '../workspaces/workspaceStore.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface BackfillOptions {
  config: Config;
  workspaceId: string;
  file: string;
  dryRun: boolean;
  out: (line: string) => void;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
}

/**
 * Reads booking events, one per NDJSON line or CSV row (`csv`: dotted headers, see
 * `csvBookingRecords`): the valid ones, or every problem with its line number.
 */
export function readBookingEvents(
  text: string,
  format: 'ndjson' | 'csv' = 'ndjson',
): { events: LedgerBooking[]; problems: string[] } {
  const schema = bookingEventSchema();
  const events: LedgerBooking[] = [];
  const problems: string[] = [];
  const records: Array<{ line: number; record: unknown }> =
    format === 'csv' ? csvBookingRecords(text) : ndjsonRecords(text, problems);
  for (const { line, record } of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) events.push(parsed.data);
    else {
      const fields = parsed.error.issues.map(
        (issue) => `${issue.path.map(String).join('.') || '(event)'}: ${issue.message}`,
      );
      problems.push(`line ${line}: ${fields.join('; ')}`);
    }
  }
  return { events, problems };
}

function ndjsonRecords(text: string, problems: string[]) {
  const records: Array<{ line: number; record: unknown }> = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push({ line: index + 1, record: JSON.parse(line) });
    } catch {
      problems.push(`line ${index + 1}: not valid JSON`);
    }
  });
  return records;
}

/** `[##########----------] 1200/2400 50%` */
export function progressBar(done: number, total: number, width = 30): string {
  const fraction = total === 0 ? 1 : done / total;
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.floor(fraction * 100)}%`;
}

/** Returns the exit code. */
export async function backfillCommand(options: BackfillOptions): Promise<number> {
  const { out } = options;
  const progress = options.progress ?? out;
  const format = /\.csv$/i.test(options.file)
    ? 'csv'
    : /\.(nd)?jsonl?$/i.test(options.file)
      ? 'ndjson'
      : undefined;
  if (!format) {
    out(
      `✗ ${options.file}: expected .ndjson or .jsonl (one booking event per line) or .csv (dotted headers like customer.email).`,
    );
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(options.file, 'utf8');
  } catch (error) {
    out(`✗ Cannot read ${options.file}: ${(error as Error).message}`);
    return 2;
  }
  const { events, problems } = readBookingEvents(text, format);
  if (problems.length > 0) {
    out(`✗ ${problems.length} invalid line(s) in ${options.file}; nothing was written:`);
    for (const problem of problems.slice(0, 20)) out(`  ${problem}`);
    if (problems.length > 20) out(`  … and ${problems.length - 20} more`);
    return 1;
  }

  const database = await openDatabase({
    databaseUrl: options.config.databaseUrl,
    dataDir: options.config.dataDir,
  });
  try {
    await migrate(database.db);
    const workspace = await findWorkspace(database.db, options.workspaceId);
    if (!workspace) {
      out(`✗ There is no workspace ${options.workspaceId} in ${database.description}.`);
      return 1;
    }
    if (options.dryRun) {
      const plan = planBackfill(events, await backfillState(database.db, workspace.id), {
        naming: await workspaceNaming(database.db, workspace.id, syncNaming(options.config)),
      });
      out(`Dry run for workspace ${workspace.id} (${workspace.name}); nothing was written.`);
      out(
        `  ${plan.events} events: ${plan.changes} to store, ${plan.duplicates} already stored, ${plan.stale} older than stored`,
      );
      out(
        `  ${plan.customers} customers: ${plan.contactsToCreate} contacts to create, ${plan.contactsToUpdate} to update`,
      );
      out(`  ${plan.fieldsToCreate} custom fields to provision`);
      out(`  ${plan.tagCalls} tag calls, ${plan.notes} notes`);
      out(
        `  about ${plan.estimatedCalls} HighLevel calls, ${formatDuration(plan.estimatedSeconds)} at 100 requests per 10 s`,
      );
      return 0;
    }

    const queue = createJobQueue({ database, queues: QUEUES });
    await queue.start();
    const counts: Record<LedgerOutcome, number> = {
      created: 0,
      updated: 0,
      duplicate: 0,
      stale: 0,
    };
    try {
      const step = Math.max(1, Math.floor(events.length / 20));
      for (const [index, event] of events.entries()) {
        const { outcome } = await recordBooking(database.db, queue, workspace.id, event);
        counts[outcome] += 1;
        if ((index + 1) % step === 0 || index + 1 === events.length) {
          progress(progressBar(index + 1, events.length));
        }
      }
    } finally {
      await queue.stop();
    }
    out(
      `✓ ${events.length} events: ${counts.created} new bookings, ${counts.updated} newer versions, ${counts.duplicate} already stored, ${counts.stale} older than stored. Their sync runs in the workers (ghl-bridge start or worker).`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

async function backfillState(db: Kysely<DB>, workspaceId: string) {
  const bookings = await db
    .selectFrom('bookings')
    .select(['booking_id', 'payload'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const connection = await db
    .selectFrom('gohighlevel_connections')
    .select('location_id')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  const location = connection?.location_id ?? null;
  const customers = await db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .execute();
  const fields = location
    ? await db
        .selectFrom('custom_field_ids')
        .select(['field_key', 'field_id'])
        .where('workspace_id', '=', workspaceId)
        .where('location_id', '=', location)
        .execute()
    : [];
  return {
    ledger: new Map(bookings.map((row) => [row.booking_id, row.payload as LedgerBooking])),
    customers: new Map(
      customers
        .filter((row) => row.location_id === location)
        .map((row) => [
          row.customer_key,
          {
            ...(row.contact_id ? { contactId: row.contact_id } : {}),
            appliedTags: row.applied_tags,
          },
        ]),
    ),
    fieldIds: Object.fromEntries(fields.map((row) => [row.field_key, row.field_id])),
  };
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
