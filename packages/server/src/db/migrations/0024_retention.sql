-- What the retention sweep (housekeeping/) deletes once it is older than GHL_BRIDGE_RETENTION_DAYS:
-- settled webhooks from HighLevel, and deliveries to the booking app that are over.
CREATE INDEX highlevel_webhooks_settled_age ON highlevel_webhooks (received_at)
  WHERE status <> 'received';

CREATE INDEX webhook_deliveries_over_age ON webhook_deliveries (updated_at)
  WHERE status <> 'pending';
