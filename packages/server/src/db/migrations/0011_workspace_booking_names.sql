-- Per-workspace names for what the booking sync writes into HighLevel: the custom fields' name
-- prefix and the tags' prefix. NULL: the server's default (GHL_BRIDGE_FIELD_PREFIX, GHL_BRIDGE_TAG_PREFIX).
ALTER TABLE workspaces ADD COLUMN booking_field_prefix text;
ALTER TABLE workspaces ADD COLUMN booking_tag_prefix text;
