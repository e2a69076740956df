/**
 * A `RateLimitStore` in the database, so every process on one PostgreSQL shares one budget per
 * Location. Each decision is one call of `ghl_bridge_rate_limit_acquire` (migration 0014), which
 * holds the key's row lock in `rate_limit_keys` while it counts, so two processes never grant the
 * same slot; with what HighLevel's last answer said, `ghl_bridge_rate_limit_acquire_reporting`
 * (migration 0016) takes that in first, in the same call.
 * Same semantics as the client's memory store: exact sliding windows up to a minute (HighLevel's
 * 100 per 10 s), one-minute buckets for longer ones (200,000 per day), never under-counting.
 */
import type {
  AcquireResult,
  RateLimitStore,
  RateLimitWindow,
  ReportedAcquireResult,
} from '@ghl-bridge/client';
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
    // An upsert locks the row like SELECT … FOR UPDATE, and creates it on a key's first request.
    const row = await sql<{ latest: number }>`
      insert into rate_limit_keys (key, blocked_until, latest) values (${key}, 0, ${now})
      on conflict (key) do update set latest = greatest(rate_limit_keys.latest, excluded.latest)
      returning latest::float8 as latest`.execute(trx);
    return Number(row.rows[0]!.latest);
  }

  async function record(trx: Transaction<DB>, key: string, at: number, requests: number) {
    await sql`
      with exact as (
        insert into rate_limit_requests (key, at, count) values (${key}, ${at}, ${requests})
        on conflict (key, at) do update set count = rate_limit_requests.count + excluded.count
      )
      insert into rate_limit_buckets (key, bucket, count)
      values (${key}, ${Math.floor(at / bucketMs)}, ${requests})
      on conflict (key, bucket) do update set count = rate_limit_buckets.count + excluded.count`.execute(
      trx,
    );
  }

  /** The arguments both decision functions start with. */
  function decisionArgs(key: string, now: number, windows: readonly RateLimitWindow[]) {
    assertWindows(windows);
    const retainMs = Math.max(DAY_MS, ...windows.map((w) => w.intervalMs));
    const bigints = (values: number[]) => sql`array[${sql.join(values)}]::bigint[]`;
    return sql.join([
      sql`${key}`,
      sql`${now}`,
      bigints(windows.map((w) => w.limit)),
      bigints(windows.map((w) => w.intervalMs)),
      sql`${exactUpToMs}`,
      sql`${bucketMs}`,
      sql`${retainMs}`,
    ]);
  }

  const decision = (retryInMs: number): AcquireResult =>
    retryInMs > 0 ? { granted: false, retryInMs } : { granted: true };

  return {
    async tryAcquire(key, now, windows): Promise<AcquireResult> {
      // One round trip (migration 0014): a live call waits for it before each HighLevel request.
      const result = await sql<{ retry_in_ms: number }>`
        select ghl_bridge_rate_limit_acquire(${decisionArgs(key, now, windows)}) as retry_in_ms`.execute(
        db,
      );
      return decision(Number(result.rows[0]!.retry_in_ms));
    },

    async tryAcquireReporting(key, now, windows, report): Promise<ReportedAcquireResult> {
      // SQL arrays count from 1.
      const daily = report.dailyRemaining === undefined ? null : (report.daily ?? 0) + 1;
      const result = await sql<{ retry_in_ms: number; used_daily: number | null }>`
        select retry_in_ms, used_daily from ghl_bridge_rate_limit_acquire_reporting(
          ${decisionArgs(key, now, windows)},
          ${report.at}, ${report.burst + 1}, ${report.counted ?? null}::float8,
          ${daily}::int, ${report.dailyRemaining ?? null}::float8
        )`.execute(db);
      const row = result.rows[0]!;
      return {
        ...decision(Number(row.retry_in_ms)),
        ...(row.used_daily === null ? {} : { usedDaily: Number(row.used_daily) }),
      };
    },

    async recordExternal(key, now, count) {
      if (!(count > 0)) return;
      await db.transaction().execute(async (trx) => {
        await record(trx, key, await lockKey(trx, key, now), Math.ceil(count));
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
      // One round trip: counted at the latest time the key has seen, as a grant would be.
      const at = sql`greatest(${now}, coalesce((select latest from rate_limit_keys where key = ${key}), 0))`;
      const result = isExact(intervalMs)
        ? await sql<{ used: number | null }>`select sum(count)::float8 as used
            from rate_limit_requests where key = ${key} and at > ${at} - ${intervalMs}`.execute(db)
        : await sql<{ used: number | null }>`select sum(count)::float8 as used
            from rate_limit_buckets
            where key = ${key} and bucket > floor((${at} - ${intervalMs})::numeric / ${bucketMs}) - 1`.execute(
            db,
          );
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
