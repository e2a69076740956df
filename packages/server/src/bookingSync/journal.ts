/**
 * The step journal of one sync job: a step is `started` before its HighLevel call and `done`
 * after, with what it returned. A retry skips `done` steps; a `started` one may or may not have
 * reached HighLevel, so it is reconciled by reading HighLevel before it is redone.
 *
 * Its writes are grouped, to spend as few statements as the guarantees allow: a `start` is
 * written before its call together with everything noted since the last write (the `done` marks
 * of earlier steps, the writes passed to `withNext`), and may start several steps at once; a
 * `done` waits for the next statement. A crash in between leaves the step `started`, which a
 * retry reconciles as it would a call whose answer was lost. A step whose call a retry may simply
 * repeat need not be started at all (`syncContact`'s contact write).
 */
import type { Expression, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { writeTogether, type Write } from '../db/writeTogether.js';

export interface JournalEntry {
  status: 'started' | 'done';
  result: Record<string, unknown> | null;
}

/** A journal row as stored. */
export interface JournalRow {
  step_key: string;
  status: string;
  result: unknown;
}

export interface Journal {
  get(key: string): JournalEntry | undefined;
  /**
   * Marks steps started, before their HighLevel calls: one statement with the `done` marks noted
   * since the last write and the writes given to `withNext`.
   */
  start(...keys: string[]): Promise<void>;
  /** Marks step `key` done; written with the next statement. */
  done(key: string, result?: Record<string, unknown>): void;
  /**
   * Adds a write to the next statement (one that must be in place before the next HighLevel call
   * or the job's end); a later one under the same `name` replaces it.
   */
  withNext(name: string, write: Write): void;
  /**
   * Writes what is noted, with `also` (the job's end), in one statement; `write` runs it (default
   * `writeTogether`), e.g. in a transaction with a webhook's delivery jobs.
   */
  flush(also?: Write[], write?: (writes: Write[]) => Promise<void>): Promise<void>;
}

/**
 * The journal rows of a sync job, for reading together with the rest of what the job needs.
 *
 * @example jsonArrayFrom(journalRowsQuery(db, sql.ref('job.id')))
 */
export function journalRowsQuery(db: Kysely<DB>, syncJobId: string | Expression<string>) {
  return db
    .selectFrom('sync_steps')
    .select(['step_key', 'status', 'result'])
    .where('sync_job_id', '=', syncJobId);
}

/**
 * Every journal row of the jobs `syncJobIds`, with its job and when it was last written: what a
 * booking's timeline shows of each job.
 *
 * @example const rows = await journalRowsOfJobs(db, jobs.map((job) => job.id));
 */
export async function journalRowsOfJobs(
  db: Kysely<DB>,
  syncJobIds: readonly string[],
): Promise<Array<JournalRow & { sync_job_id: string; updated_at: Date }>> {
  if (syncJobIds.length === 0) return [];
  return db
    .selectFrom('sync_steps')
    .select(['sync_job_id', 'step_key', 'status', 'result', 'updated_at'])
    .where('sync_job_id', 'in', [...syncJobIds])
    .orderBy('updated_at')
    .orderBy('step_key')
    .execute();
}

/**
 * The journal of `syncJobId` from its stored rows.
 *
 * @example const journal = journalFrom(db, job.id, rows);
 */
export function journalFrom(db: Kysely<DB>, syncJobId: string, rows: JournalRow[]): Journal {
  const entries = new Map<string, JournalEntry>(
    rows.map((row) => [
      row.step_key,
      {
        status: row.status as JournalEntry['status'],
        result: row.result as Record<string, unknown> | null,
      },
    ]),
  );
  /** Entries noted and not written yet, and the other writes for the next statement. */
  const unwritten = new Map<string, JournalEntry>();
  const next = new Map<string, Write>();

  const stepsWrite = (): Write | undefined => {
    if (unwritten.size === 0) return undefined;
    const updatedAt = new Date();
    const rows = [...unwritten].map(([key, entry]) => ({
      sync_job_id: syncJobId,
      step_key: key,
      status: entry.status,
      result: entry.result ? JSON.stringify(entry.result) : null,
      updated_at: updatedAt,
    }));
    return db
      .insertInto('sync_steps')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['sync_job_id', 'step_key']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          result: eb.ref('excluded.result'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      );
  };

  const flush = async (
    also: Write[] = [],
    write: (writes: Write[]) => Promise<void> = (writes) => writeTogether(db, writes),
  ) => {
    const steps = stepsWrite();
    await write([...(steps ? [steps] : []), ...next.values(), ...also]);
    unwritten.clear();
    next.clear();
  };

  const note = (key: string, entry: JournalEntry) => {
    entries.set(key, entry);
    unwritten.set(key, entry);
  };

  return {
    get: (key) => entries.get(key),
    async start(...keys) {
      for (const key of keys) note(key, { status: 'started', result: null });
      await flush();
    },
    done(key, result) {
      note(key, { status: 'done', result: result ?? null });
    },
    withNext(name, write) {
      next.set(name, write);
    },
    flush,
  };
}
