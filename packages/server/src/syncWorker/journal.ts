/**
 * The step journal of one sync job: a step is `started` before its HighLevel call and `done`
 * after, with what it returned. A retry skips `done` steps; a `started` one may or may not have
 * reached HighLevel, so it is reconciled by reading HighLevel before it is redone.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface JournalEntry {
  status: 'started' | 'done';
  result: Record<string, unknown> | null;
}

export interface Journal {
  get(key: string): JournalEntry | undefined;
  start(key: string): Promise<void>;
  done(key: string, result?: Record<string, unknown>): Promise<void>;
}

export async function loadJournal(db: Kysely<DB>, syncJobId: string): Promise<Journal> {
  const rows = await db
    .selectFrom('sync_steps')
    .select(['step_key', 'status', 'result'])
    .where('sync_job_id', '=', syncJobId)
    .execute();
  const entries = new Map<string, JournalEntry>(
    rows.map((row) => [
      row.step_key,
      {
        status: row.status as JournalEntry['status'],
        result: row.result as Record<string, unknown> | null,
      },
    ]),
  );
  const write = async (key: string, entry: JournalEntry) => {
    const values = {
      status: entry.status,
      result: entry.result ? JSON.stringify(entry.result) : null,
      updated_at: new Date(),
    };
    await db
      .insertInto('sync_steps')
      .values({ sync_job_id: syncJobId, step_key: key, ...values })
      .onConflict((oc) => oc.columns(['sync_job_id', 'step_key']).doUpdateSet(values))
      .execute();
    entries.set(key, entry);
  };
  return {
    get: (key) => entries.get(key),
    start: (key) => write(key, { status: 'started', result: null }),
    done: (key, result) => write(key, { status: 'done', result: result ?? null }),
  };
}
