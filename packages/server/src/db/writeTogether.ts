/**
 * Several writes as one statement (data-modifying CTEs): atomic, and one round trip to the
 * database instead of one per write, where each round trip costs about as much as the write.
 */
import { sql, type Kysely, type OperationNodeSource } from 'kysely';
import type { DB } from './schema.js';

/** An insert, update or delete not run yet: `execute()` runs it alone, or it goes into another statement. */
export type Write = OperationNodeSource & { execute(): Promise<unknown> };

/**
 * Runs `writes` as one statement. Two writes must not touch the same row.
 *
 * @example await writeTogether(db, [stepsInsert, customerUpsert, jobUpdate]);
 */
export async function writeTogether(db: Kysely<DB>, writes: readonly Write[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await writes[0]!.execute();
    return;
  }
  const parts = writes.map((write, i) => sql`${sql.id(`w${i}`)} as (${write})`);
  await sql`with ${sql.join(parts)} select 1`.execute(db);
}
