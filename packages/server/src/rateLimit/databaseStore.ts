/**
 * A `RateLimitStore` in the database, so every process on one PostgreSQL shares one budget per
 * Location. Each decision runs in one transaction holding the key's row lock
 * (`SELECT … FOR UPDATE` on `rate_limit_keys`), so two processes never grant the same slot.
 * Same semantics as the client's memory store: exact sliding windows up to a minute (HighLevel's
 * 100 per 10 s), one-minute buckets for longer ones (200,000 per day), never under-counting.
 */
import type { AcquireResult, RateLimitStore, RateLimitWindow } from '@ghl-bridge/client';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

export interface DatabaseRateLimitStoreOptions {
  /** Windows up to this long are counted per millisecond; longer ones per bucket. Default 60 s. */
  exactUpToMs?: number;
  /** Bucket width for longer windows. Default 60 s. */
  bucketMs?: number;
}

const DAY_MS = 86_400_000;

/**
 * @example
 * const limiter = createRateLimiter({ store: databaseRateLimitStore(database.db) });
 */
export function databaseRateLimitStore(
  db: Kysely<DB>,
  options: DatabaseRateLimitStoreOptions = {},
): RateLimitStore {
  const exactUpToMs = options.exactUpToMs ?? 60_000;
  const bucketMs = options.bucketMs ?? 60_000;
  const isExact = (intervalMs: number) => intervalMs <= exactUpToMs;

  /** Locks the key's row and returns the time to count at (never earlier than one already seen). */
  async function lockKey(trx: Transaction<DB>, key: string, now: number) {
    await trx
      .insertInto('rate_limit_keys')
      .values({ key, blocked_until: 0, latest: 0 })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await sql<{ blocked_until: number; latest: number }>`
      select blocked_until::float8 as blocked_until, latest::float8 as latest
      from rate_limit_keys where key = ${key} for update`.execute(trx);
    const state = row.rows[0]!;
    const at = Math.max(now, Number(state.latest));
    if (at > Number(state.latest)) {
      await trx.updateTable('rate_limit_keys').set({ latest: at }).where('key', '=', key).execute();
    }
    return { at, blockedUntil: Number(state.blocked_until) };
  }

  /** Requests counted in the window ending at `at`, and how long until it has room for one more. */
  async function waitFor(
    trx: Transaction<DB>,
    key: string,
    at: number,
    { limit, intervalMs }: RateLimitWindow,
  ): Promise<number> {
    const exact = isExact(intervalMs);
    const start = exact ? at - intervalMs : Math.floor((at - intervalMs) / bucketMs) - 1;
    const table = exact ? sql`rate_limit_requests` : sql`rate_limit_buckets`;
    const column = exact ? sql`at` : sql`bucket`;
    const used = await sql<{ used: number | null }>`
      select sum(count)::float8 as used from ${table} where key = ${key} and ${column} > ${start}`.execute(
      trx,
    );
    const count = Number(used.rows[0]?.used ?? 0);
    if (count < limit) return 0;
    // Room appears once `count - limit + 1` of the counted requests have left the window.
    const need = count - limit + 1;
    const position = await sql<{ position: number }>`
      select position::float8 as position from (
        select ${column} as position, sum(count) over (order by ${column}) as running
        from ${table} where key = ${key} and ${column} > ${start}
      ) s where running >= ${need} order by position limit 1`.execute(trx);
    const p = Number(position.rows[0]!.position);
    const leavesAt = exact ? p + intervalMs : (p + 1) * bucketMs + intervalMs;
    return leavesAt - at;
  }

  async function record(trx: Transaction<DB>, key: string, at: number, requests: number) {
    await sql`insert into rate_limit_requests (key, at, count) values (${key}, ${at}, ${requests})
      on conflict (key, at) do update set count = rate_limit_requests.count + excluded.count`.execute(
      trx,
    );
    await sql`insert into rate_limit_buckets (key, bucket, count)
      values (${key}, ${Math.floor(at / bucketMs)}, ${requests})
      on conflict (key, bucket) do update set count = rate_limit_buckets.count + excluded.count`.execute(
      trx,
    );
  }

  async function prune(trx: Transaction<DB>, key: string, at: number, retainMs: number) {
    await trx
      .deleteFrom('rate_limit_requests')
      .where('key', '=', key)
      .where('at', '<=', at - exactUpToMs)
      .execute();
    await trx
      .deleteFrom('rate_limit_buckets')
      .where('key', '=', key)
      .where('bucket', '<', Math.floor((at - retainMs) / bucketMs) - 1)
      .execute();
  }

  return {
    tryAcquire(key, now, windows): Promise<AcquireResult> {
      assertWindows(windows);
      const retainMs = Math.max(DAY_MS, ...windows.map((w) => w.intervalMs));
      return db.transaction().execute(async (trx) => {
        const { at, blockedUntil } = await lockKey(trx, key, now);
        await prune(trx, key, at, retainMs);
        let retryInMs = blockedUntil - at;
        for (const window of windows) {
          retryInMs = Math.max(retryInMs, await waitFor(trx, key, at, window));
        }
        if (retryInMs > 0) return { granted: false, retryInMs };
        await record(trx, key, at, 1);
        return { granted: true };
      });
    },

    async recordExternal(key, now, count) {
      if (!(count > 0)) return;
      await db.transaction().execute(async (trx) => {
        const { at } = await lockKey(trx, key, now);
        await record(trx, key, at, Math.ceil(count));
      });
    },

    async blockUntil(key, until) {
      await sql`insert into rate_limit_keys (key, blocked_until, latest) values (${key}, ${until}, 0)
        on conflict (key) do update
        set blocked_until = greatest(rate_limit_keys.blocked_until, excluded.blocked_until)`.execute(
        db,
      );
    },

    async used(key, now, intervalMs) {
      const latest = await sql<{ latest: number }>`
        select latest::float8 as latest from rate_limit_keys where key = ${key}`.execute(db);
      const at = Math.max(now, Number(latest.rows[0]?.latest ?? 0));
      const exact = isExact(intervalMs);
      const start = exact ? at - intervalMs : Math.floor((at - intervalMs) / bucketMs) - 1;
      const result = exact
        ? await sql<{ used: number | null }>`select sum(count)::float8 as used
            from rate_limit_requests where key = ${key} and at > ${start}`.execute(db)
        : await sql<{ used: number | null }>`select sum(count)::float8 as used
            from rate_limit_buckets where key = ${key} and bucket > ${start}`.execute(db);
      return Number(result.rows[0]?.used ?? 0);
    },
  };
}

function assertWindows(windows: readonly RateLimitWindow[]): void {
  if (windows.length === 0) throw new RangeError('Rate limit windows: give at least one window.');
  for (const { limit, intervalMs } of windows) {
    if (
      !Number.isInteger(limit) ||
      limit < 1 ||
      !(intervalMs > 0) ||
      !Number.isFinite(intervalMs)
    ) {
      throw new RangeError(`Rate limit window: limit ${limit} / ${intervalMs} ms cannot grant.`);
    }
  }
}
