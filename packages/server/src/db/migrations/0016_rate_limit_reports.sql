-- A rate-limit decision that first takes in what HighLevel's last answer said about the budget
-- (its X-RateLimit-* headers), in the same round trip: reading the store's counts after every
-- response cost two more queries per HighLevel call. Same rules as the client's memory store
-- (packages/client/src/rateLimit/memoryStore.ts, `acquireReporting`):
-- * p_counted: requests HighLevel counted in its burst window at p_report_at; those missing from
--   our count of the burst window ending there came from elsewhere and are recorded at
--   p_report_at. Skipped once that window has passed.
-- * p_daily_remaining: the daily window's limit becomes its count as of p_report_at (the count
--   now, less what was granted since) plus this, at least one; that count is returned.
-- Then the decision of ghl_bridge_rate_limit_acquire (migration 0014), under the same row lock.
CREATE FUNCTION ghl_bridge_rate_limit_acquire_reporting(
  p_key text,
  p_now bigint,
  p_limits bigint[],
  p_intervals bigint[],
  p_exact_up_to bigint,
  p_bucket_ms bigint,
  p_retain_ms bigint,
  p_report_at bigint,
  p_burst int,
  p_counted double precision,
  p_daily int,
  p_daily_remaining double precision,
  OUT retry_in_ms double precision,
  OUT used_daily double precision
)
LANGUAGE plpgsql AS $$
DECLARE
  v_at bigint;
  v_used double precision;
  v_unseen bigint;
  v_since double precision;
BEGIN
  -- The upsert locks the key's row until the end of the statement's transaction.
  INSERT INTO rate_limit_keys AS k (key, blocked_until, latest) VALUES (p_key, 0, p_now)
  ON CONFLICT (key) DO UPDATE SET latest = greatest(k.latest, excluded.latest)
  RETURNING k.latest INTO v_at;

  IF p_counted IS NOT NULL AND p_report_at > v_at - p_intervals[p_burst] THEN
    SELECT coalesce(sum(count), 0) INTO v_used FROM rate_limit_requests
    WHERE key = p_key AND at > p_report_at - p_intervals[p_burst] AND at <= p_report_at;
    v_unseen := ceil(p_counted - v_used);
    IF v_unseen > 0 THEN
      INSERT INTO rate_limit_requests AS r (key, at, count) VALUES (p_key, p_report_at, v_unseen)
      ON CONFLICT (key, at) DO UPDATE SET count = r.count + excluded.count;
      INSERT INTO rate_limit_buckets AS b (key, bucket, count)
      VALUES (p_key, floor(p_report_at::numeric / p_bucket_ms), v_unseen)
      ON CONFLICT (key, bucket) DO UPDATE SET count = b.count + excluded.count;
    END IF;
  END IF;

  IF p_daily IS NOT NULL AND p_daily_remaining IS NOT NULL THEN
    IF p_intervals[p_daily] <= p_exact_up_to THEN
      SELECT coalesce(sum(count), 0) INTO used_daily FROM rate_limit_requests
      WHERE key = p_key AND at > v_at - p_intervals[p_daily];
    ELSE
      SELECT coalesce(sum(count), 0) INTO used_daily FROM rate_limit_buckets
      WHERE key = p_key
        AND bucket > floor((v_at - p_intervals[p_daily])::numeric / p_bucket_ms) - 1;
    END IF;
    SELECT coalesce(sum(count), 0) INTO v_since FROM rate_limit_requests
    WHERE key = p_key AND at > p_report_at;
    used_daily := greatest(0, used_daily - v_since);
    p_limits[p_daily] := greatest(1, least(p_limits[p_daily], used_daily + p_daily_remaining));
  END IF;

  retry_in_ms := ghl_bridge_rate_limit_acquire(
    p_key, p_now, p_limits, p_intervals, p_exact_up_to, p_bucket_ms, p_retain_ms
  );
END
$$;
