-- The confirmations a caller is sent through HighLevel after a voice booking, reschedule or
-- cancellation (docs/vapi.md#confirmations): one row per workspace, appointment, change and
-- channel, so a replayed tool call or a job run twice finds the row and sends nothing again.
-- The text is written once, when the row is made: a retry sends the same words, and a send whose
-- answer was lost is recognised in the contact's conversation by them.
CREATE TABLE voice_confirmations (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  appointment_id text NOT NULL,
  -- `booked`, `rescheduled:<start, UTC ISO 8601>` (each move is its own change) or `cancelled`.
  change text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('booked', 'rescheduled', 'cancelled')),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  contact_id text NOT NULL,
  -- `waiting`: for the end of quiet hours (`send_after`); `sending`: being sent, or to be sent
  -- again after a failure that a retry may fix (`last_error`); `skipped`: nowhere to send it.
  status text NOT NULL CHECK (status IN ('waiting', 'sending', 'sent', 'failed', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  -- Why the last attempt failed or the row was skipped, in words; never a credential.
  last_error text,
  subject text,
  body text NOT NULL,
  send_after timestamptz,
  -- HighLevel's id of the message sent, and when it was.
  message_id text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, appointment_id, change, channel)
);

CREATE INDEX voice_confirmations_by_time ON voice_confirmations (workspace_id, created_at DESC, id);
