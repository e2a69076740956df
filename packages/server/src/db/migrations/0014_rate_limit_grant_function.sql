-- A rate-limit decision in one round trip: a voice call waits for one before every HighLevel
-- request, and the same decision as separate statements (BEGIN, lock, prune, count, record,
-- COMMIT) took several milliseconds on PostgreSQL. Same semantics as the client's memory store:
-- exact sliding windows up to p_exact_up_to ms, p_bucket_ms buckets for longer ones (never
-- under-counting), one locked row per key so two processes never grant the same slot.
-- Returns 0 when granted (the request is then counted), else the milliseconds until room.
CREATE FUNCTION ghl_bridge_rate_limit_acquire(
  p_key text,
  p_now bigint,
  p_limits bigint[],
  p_intervals bigint[],
  p_exact_up_to bigint,
  p_bucket_ms bigint,
  p_retain_ms bigint
) RETURNS double precision
LANGUAGE plpgsql AS $$
DECLARE
  v_at bigint;
  v_blocked bigint;
  v_retry double precision;
  v_start bigint;
  v_used bigint;
  v_position bigint;
BEGIN
  -- The upsert locks the key's row until the end of the statement's transaction.
  INSERT INTO rate_limit_keys AS k (key, blocked_until, latest) VALUES (p_key, 0, p_now)
  ON CONFLICT (key) DO UPDATE SET latest = greatest(k.latest, excluded.latest)
  RETURNING k.blocked_until, k.latest INTO v_blocked, v_at;

  DELETE FROM rate_limit_requests WHERE key = p_key AND at <= v_at - p_exact_up_to;
  DELETE FROM rate_limit_buckets
  WHERE key = p_key AND bucket < floor((v_at - p_retain_ms)::numeric / p_bucket_ms) - 1;

  v_retry := v_blocked - v_at;
  FOR i IN 1 .. coalesce(array_length(p_limits, 1), 0) LOOP
    IF p_intervals[i] <= p_exact_up_to THEN
      v_start := v_at - p_intervals[i];
      SELECT coalesce(sum(count), 0) INTO v_used
      FROM rate_limit_requests WHERE key = p_key AND at > v_start;
      IF v_used >= p_limits[i] THEN
        -- Room appears once v_used - limit + 1 of the counted requests have left the window.
        SELECT s.at INTO v_position FROM (
          SELECT r.at, sum(r.count) OVER (ORDER BY r.at) AS running
          FROM rate_limit_requests r WHERE r.key = p_key AND r.at > v_start
        ) s WHERE s.running >= v_used - p_limits[i] + 1 ORDER BY s.at LIMIT 1;
        v_retry := greatest(v_retry, v_position + p_intervals[i] - v_at);
      END IF;
    ELSE
      v_start := floor((v_at - p_intervals[i])::numeric / p_bucket_ms) - 1;
      SELECT coalesce(sum(count), 0) INTO v_used
      FROM rate_limit_buckets WHERE key = p_key AND bucket > v_start;
      IF v_used >= p_limits[i] THEN
        SELECT s.bucket INTO v_position FROM (
          SELECT b.bucket, sum(b.count) OVER (ORDER BY b.bucket) AS running
          FROM rate_limit_buckets b WHERE b.key = p_key AND b.bucket > v_start
        ) s WHERE s.running >= v_used - p_limits[i] + 1 ORDER BY s.bucket LIMIT 1;
        v_retry := greatest(v_retry, (v_position + 1) * p_bucket_ms + p_intervals[i] - v_at);
      END IF;
    END IF;
  END LOOP;
  IF v_retry > 0 THEN
    RETURN v_retry;
  END IF;

  INSERT INTO rate_limit_requests AS r (key, at, count) VALUES (p_key, v_at, 1)
  ON CONFLICT (key, at) DO UPDATE SET count = r.count + 1;
  INSERT INTO rate_limit_buckets AS b (key, bucket, count)
  VALUES (p_key, floor(v_at::numeric / p_bucket_ms), 1)
  ON CONFLICT (key, bucket) DO UPDATE SET count = b.count + 1;
  RETURN 0;
END
$$;
