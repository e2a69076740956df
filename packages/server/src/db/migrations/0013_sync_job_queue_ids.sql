-- The queue job now carrying each sync job, so a late notice about an earlier attempt (one that
-- pg-boss gave up on before the job was retried) is told apart from the current one.
ALTER TABLE sync_jobs ADD COLUMN queue_job_id text;
