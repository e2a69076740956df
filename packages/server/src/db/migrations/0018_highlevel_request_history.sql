-- HighLevel requests per Location in 10-second buckets (HighLevel's burst window is 100 requests
-- per 10 s), for the dashboard's Health page: how close each Location runs to its limit, its
-- 429s and its failures over the last hour. Every process adds its own counts every few seconds
-- (one statement, not one per request); rows older than two hours are pruned.
CREATE TABLE highlevel_request_history (
  location_id text NOT NULL,
  -- The bucket's start in ms since the epoch, divided by 10,000.
  bucket bigint NOT NULL,
  requests integer NOT NULL,
  throttled integer NOT NULL,
  failed integer NOT NULL,
  PRIMARY KEY (location_id, bucket)
);

CREATE INDEX highlevel_request_history_bucket ON highlevel_request_history (bucket);
