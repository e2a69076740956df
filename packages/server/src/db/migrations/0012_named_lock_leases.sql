-- Named locks as leases: the holder and until when, so a waiting process holds no connection
-- (a row lock held a pooled connection for as long as the work ran and the waiters waited).
ALTER TABLE named_locks ADD COLUMN holder text;
ALTER TABLE named_locks ADD COLUMN until timestamptz;
