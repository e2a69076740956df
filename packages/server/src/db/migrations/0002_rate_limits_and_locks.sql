-- The shared per-Location request budget (RateLimitStore): one row per key, locked while a
-- request is granted, so every process sees one sliding window.
CREATE TABLE rate_limit_keys (
  key text PRIMARY KEY,
  blocked_until bigint NOT NULL DEFAULT 0,
  latest bigint NOT NULL DEFAULT 0
);

-- Requests per key and millisecond, for the short windows (100 per 10 s).
CREATE TABLE rate_limit_requests (
  key text NOT NULL,
  at bigint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (key, at)
);

-- Requests per key and minute, for the long windows (200,000 per day).
CREATE TABLE rate_limit_buckets (
  key text NOT NULL,
  bucket bigint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (key, bucket)
);

-- Named locks held as row locks (e.g. one OAuth refresh at a time across processes).
CREATE TABLE named_locks (
  name text PRIMARY KEY
);

-- Every finished job, once: a retried or re-delivered job bumps `runs` instead of adding a row.
CREATE TABLE job_runs (
  job_id text PRIMARY KEY,
  queue text NOT NULL,
  worker text NOT NULL,
  runs integer NOT NULL DEFAULT 1,
  finished_at timestamptz NOT NULL DEFAULT now()
);
