-- The jobs a `ghl-bridge backfill` run created carry the run's id, so the dashboard can show each
-- run's progress (done, failed, still to go); NULL for jobs of bookings posted to the API.
ALTER TABLE sync_jobs ADD COLUMN backfill_run text;

CREATE INDEX sync_jobs_backfill_run ON sync_jobs (workspace_id, backfill_run)
  WHERE backfill_run IS NOT NULL;

-- A workspace's jobs in the order the listing pages through them (newest first), whatever the
-- status: a search (`GET …/sync-jobs?search=`, a substring of the customer or booking id, which no
-- B-tree index can look up) walks this index and stops once a page is full.
CREATE INDEX sync_jobs_workspace_created ON sync_jobs (workspace_id, created_at DESC, id DESC);
