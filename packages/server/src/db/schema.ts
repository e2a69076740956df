/** The tables as Kysely sees them (migrations/*.sql are the source of truth). */
import type { ColumnType, Generated } from 'kysely';

/** bigint columns: written as numbers, read back as strings by pg and as numbers by PGlite. */
type Int8 = ColumnType<string | number, number, number>;

export interface WorkspacesTable {
  id: string;
  name: string;
  api_key_hash: string;
  features: string[];
  created_at: Generated<Date>;
  /** NULL: the server's default prefix. */
  booking_field_prefix: string | null;
  booking_tag_prefix: string | null;
  /** ISO 3166-1 alpha-2 for phones without +country; NULL: the connected Location's. */
  default_country: string | null;
}

export interface GoHighLevelConnectionsTable {
  workspace_id: string;
  location_id: string;
  location_name: string | null;
  /** `location.country` as HighLevel last returned it (ISO 3166-1 alpha-2), if any. */
  location_country: string | null;
  /** `api_key`: a Private Integration token, sealed here; `oauth`: the app's install (migration 0022). */
  credential_kind: Generated<'api_key' | 'oauth'>;
  /** Null for an `oauth` connection. */
  api_key_ciphertext: string | null;
  api_key_key_id: string | null;
  api_key_preview: string | null;
  scopes: string[];
  connected_at: Date;
  last_sync_at: Date | null;
  last_checked_at: Date | null;
  last_error: string | null;
  /** Why the connection cannot act (app uninstalled, refresh refused); its jobs wait `paused`. */
  paused_reason: Generated<string | null>;
}

/** The marketplace app's token for one Location or agency (migration 0022). */
export interface HighLevelOAuthInstallsTable {
  resource_id: string;
  user_type: 'Location' | 'Company';
  company_id: string | null;
  location_id: string | null;
  /** The agency whose token mints this Location's tokens; null for a direct install. */
  via_company_id: string | null;
  name: string | null;
  scopes: Generated<string[]>;
  user_id: string | null;
  /** Sealed JSON `{accessToken, refreshToken?, expiresAt}`; null once uninstalled, or not minted yet. */
  tokens_ciphertext: string | null;
  tokens_key_id: string | null;
  tokens_version: Generated<number>;
  expires_at: Date | null;
  installed_at: Date;
  uninstalled_at: Date | null;
  last_error: string | null;
  updated_at: Generated<Date>;
}

export interface RateLimitKeysTable {
  key: string;
  blocked_until: Int8;
  latest: Int8;
}

export interface RateLimitRequestsTable {
  key: string;
  at: Int8;
  count: number;
}

export interface RateLimitBucketsTable {
  key: string;
  bucket: Int8;
  count: number;
}

export interface NamedLocksTable {
  name: string;
  /** Who holds the lease (NULL: free). */
  holder: string | null;
  until: Date | null;
}

export interface JobRunsTable {
  job_id: string;
  queue: string;
  worker: string;
  runs: Generated<number>;
  finished_at: Generated<Date>;
}

export interface BookingsTable {
  workspace_id: string;
  booking_id: string;
  version: Int8;
  customer_key: string;
  status: string;
  /** The normalized booking event (`LedgerBooking`). */
  payload: ColumnType<unknown, string, string>;
  sync_state: string;
  contact_id: string | null;
  received_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CustomersTable {
  workspace_id: string;
  customer_key: string;
  location_id: string | null;
  contact_id: string | null;
  applied_tags: Generated<string[]>;
  updated_at: Generated<Date>;
}

export interface CustomFieldIdsTable {
  workspace_id: string;
  location_id: string;
  field_key: string;
  field_id: string;
}

export interface SyncJobsTable {
  id: string;
  workspace_id: string;
  booking_id: string;
  version: Int8;
  customer_key: string;
  customer: ColumnType<unknown, string, string>;
  previous: ColumnType<unknown, string | null, string | null>;
  current: ColumnType<unknown, string, string>;
  status: string;
  attempts: Generated<number>;
  reason: string | null;
  failure_kind: string | null;
  contact_id: string | null;
  /** The pg-boss job of the latest attempt (NULL for rows enqueued before it was kept). */
  queue_job_id: string | null;
  /** The `ghl-bridge backfill` run that created the job (migration 0019); NULL: the API's. */
  backfill_run: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SyncStepsTable {
  sync_job_id: string;
  step_key: string;
  status: string;
  result: ColumnType<unknown, string | null, string | null>;
  updated_at: Generated<Date>;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface VoiceSettingsTable {
  workspace_id: string;
  /** `VoiceSettings` without `auth`, which is sealed in the columns below. */
  settings: ColumnType<unknown, string, string>;
  auth_ciphertext: string;
  auth_key_id: string;
  updated_at: Generated<Date>;
}

export interface VoiceIdempotencyTable {
  workspace_id: string;
  key: string;
  /** A `StoredOutcome` (voice/core/bookingSteps.ts). */
  outcome: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
}

export interface VoiceSlotLocksTable {
  calendar_id: string;
  start_at: string;
  holder: string;
  expires_at: Date;
}

export interface VoiceCallEventsTable {
  id: Generated<Int8>;
  workspace_id: string;
  call_id: string;
  tool_call_id: string;
  tool: string;
  arguments: ColumnType<unknown, string, string>;
  highlevel_requests: ColumnType<unknown, string, string>;
  outcome: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
}

/** A confirmation sent to a caller after a voice booking, reschedule or cancellation (migration 0028). */
export interface VoiceConfirmationsTable {
  id: string;
  workspace_id: string;
  appointment_id: string;
  /** `booked`, `rescheduled:<UTC start>` or `cancelled`. */
  change: string;
  kind: 'booked' | 'rescheduled' | 'cancelled';
  channel: 'sms' | 'email';
  contact_id: string;
  status: 'waiting' | 'sending' | 'sent' | 'failed' | 'skipped';
  attempts: Generated<number>;
  last_error: string | null;
  subject: string | null;
  body: string;
  send_after: Date | null;
  message_id: string | null;
  sent_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A voice call handed to a person, and how far its alert got (migration 0029). */
export interface VoiceHandoffsTable {
  workspace_id: string;
  call_id: string;
  reason: 'caller_asked' | 'repeated_failures' | 'unconfirmed';
  detail: string | null;
  transferred: boolean;
  caller_number: string | null;
  contact_id: string | null;
  told_at: Date | null;
  task_started_at: Date | null;
  task_id: string | null;
  task_skipped: string | null;
  created_at: Generated<Date>;
}

/** A dashboard sign-in (migration 0017); the cookie carries the token, this row its hash. */
export interface DashboardSessionsTable {
  token_hash: string;
  principal: 'admin' | 'workspace';
  workspace_id: string | null;
  credential_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

/** HighLevel requests per Location and 10-second bucket (migration 0018), for the Health page. */
export interface HighLevelRequestHistoryTable {
  location_id: string;
  bucket: Int8;
  requests: number;
  throttled: number;
  failed: number;
}

/** A booking app's URL that gets signed webhooks (migration 0021). */
export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: Generated<boolean>;
  /** `{current, previous?}` signing secrets (`whsec_…`), sealed as one JSON value. */
  secret_ciphertext: string;
  secret_key_id: string;
  /** Until when the previous secret still signs beside the current one; NULL: none. */
  previous_secret_expires_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One event to one endpoint, with how its attempts went (migration 0021). */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  /** The `webhook-id` header of every attempt and replay. */
  event_id: string;
  type: string;
  /** `{type, timestamp, data}` as sent. */
  payload: ColumnType<unknown, string, string>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  /** The queue job in charge of the next scheduled attempt. */
  queue_job_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A webhook HighLevel sent, by its `webhookId` (migration 0020). */
export interface HighLevelWebhooksTable {
  webhook_id: string;
  type: string;
  location_id: string | null;
  /** The payload's `timestamp`. */
  sent_at: Date;
  /** The event as received (text the database cannot store replaced). */
  payload: ColumnType<unknown, string, never>;
  status: 'received' | 'processed' | 'unrouted' | 'ignored' | 'failed';
  /** Why it was not processed, in words; NULL when it was. */
  reason: string | null;
  received_at: Generated<Date>;
  processed_at: Date | null;
}

/** A workspace a webhook was routed to (migration 0020). */
export interface HighLevelWebhookWorkspacesTable {
  workspace_id: string;
  webhook_id: string;
  received_at: Date;
}

/** Where the reconciliation poll of a Location stands (migration 0023). */
export interface ReconciliationCheckpointsTable {
  location_id: string;
  next_run_at: Date;
  appointments_checked_at: Date | null;
  contacts_cursor_at: Date | null;
  contacts_cursor_id: string | null;
  tasks_checked_at: Date | null;
  /** The last run's `RunSummary`. */
  last_run: ColumnType<unknown, string | null, string | null>;
  updated_at: Generated<Date>;
}

/** A state of a HighLevel record seen by a webhook or the poll, told once (migration 0023). */
export interface HighLevelChangesTable {
  location_id: string;
  kind: 'appointment' | 'contact' | 'note' | 'task';
  record_id: string;
  fingerprint: string;
  state_rank: Int8;
  /** `bridge`: a write of the bridge's own, remembered so it is not told back (migration 0027). */
  seen_by: 'webhook' | 'reconciliation' | 'bridge';
  webhook_id: string | null;
  /** A task's or a note's contact. */
  contact_id: string | null;
  told: boolean;
  seen_at: Generated<Date>;
}

/** A token a workspace gave an AI agent for its MCP endpoint (migration 0030). */
export interface McpClientsTable {
  id: string;
  workspace_id: string;
  name: string;
  token_hash: string;
  token_preview: string;
  access: 'read-only' | 'read-write';
  allow_destructive: Generated<boolean>;
  /** A JSON array of tool names; null: every tool the access allows. */
  tools: string | null;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** One MCP tool call in the audit trail (migration 0030). */
export interface McpCallsTable {
  id: Generated<Int8>;
  workspace_id: string;
  client_id: string;
  tool: string;
  arguments: ColumnType<unknown, string, string>;
  outcome: 'ok' | 'refused' | 'error';
  code: string | null;
  replayed: Generated<boolean>;
  highlevel_requests: ColumnType<unknown, string, string>;
  duration_ms: number;
  created_at: Generated<Date>;
}

/** An action run under an Idempotency-Key, and its answer once done (migration 0025). */
export interface ActionRunsTable {
  workspace_id: string;
  idempotency_key: string;
  action: string;
  /** sha256 of the action's name and input (`requestFingerprint`). */
  fingerprint: string;
  /** The request holding the row while it runs. */
  claim: string;
  state: 'running' | 'done';
  /** A `StoredAnswer` (actions/core/storedAnswer.ts) as JSON text, once done. */
  answer: string | null;
  started_at: Date;
  finished_at: Date | null;
}

/** A workspace's subscription to a catalogue trigger, with its checkpoint (migration 0026). */
export interface TriggerSubscriptionsTable {
  id: string;
  workspace_id: string;
  /** The trigger's `name` in the catalogue. */
  trigger: string;
  /** The trigger's parameters, checked against its input schema. */
  input: ColumnType<Record<string, unknown>, string, string>;
  interval_seconds: number;
  endpoint_id: string;
  next_poll_at: Date;
  /** When the first poll recorded what was already there; NULL before it. */
  baseline_at: Date | null;
  /** Every item the last polls saw: key -> change marker. */
  seen: ColumnType<Record<string, string>, string | undefined, string>;
  /** The last poll's `PollSummary`; NULL before the first. */
  last_poll: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A contact a booking app keeps in step with HighLevel, by its own id (migration 0027). */
export interface AppContactsTable {
  workspace_id: string;
  external_id: string;
  version: Int8;
  app_updated_at: Date;
  /** A `DesiredContact` (appRecords/core/contactFields.ts). */
  desired: ColumnType<Record<string, unknown>, string, string>;
  problems: ColumnType<unknown[], string | undefined, string>;
  status: 'pending' | 'synced' | 'failed';
  error: string | null;
  done_version: Int8 | null;
  location_id: string | null;
  contact_id: string | null;
  applied_tags: ColumnType<string[], string | undefined, string>;
  /** `FieldWrites` (appRecords/core/fieldWrites.ts). */
  field_writes: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A note or task under an app contact (migration 0027). */
export interface AppContactItemsTable {
  workspace_id: string;
  contact_external_id: string;
  kind: 'note' | 'task';
  external_id: string;
  version: Int8;
  app_updated_at: Date;
  desired: ColumnType<Record<string, unknown>, string, string>;
  deleted: Generated<boolean>;
  revision: Int8;
  done_revision: ColumnType<string | number, number | undefined, number>;
  status: 'pending' | 'synced' | 'failed';
  error: string | null;
  highlevel_id: string | null;
  written: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  create_started_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DB {
  workspaces: WorkspacesTable;
  dashboard_sessions: DashboardSessionsTable;
  gohighlevel_connections: GoHighLevelConnectionsTable;
  highlevel_oauth_installs: HighLevelOAuthInstallsTable;
  rate_limit_keys: RateLimitKeysTable;
  rate_limit_requests: RateLimitRequestsTable;
  rate_limit_buckets: RateLimitBucketsTable;
  named_locks: NamedLocksTable;
  job_runs: JobRunsTable;
  bookings: BookingsTable;
  customers: CustomersTable;
  custom_field_ids: CustomFieldIdsTable;
  sync_jobs: SyncJobsTable;
  sync_steps: SyncStepsTable;
  voice_settings: VoiceSettingsTable;
  voice_idempotency: VoiceIdempotencyTable;
  voice_slot_locks: VoiceSlotLocksTable;
  voice_call_events: VoiceCallEventsTable;
  voice_handoffs: VoiceHandoffsTable;
  voice_confirmations: VoiceConfirmationsTable;
  highlevel_request_history: HighLevelRequestHistoryTable;
  highlevel_webhooks: HighLevelWebhooksTable;
  highlevel_webhook_workspaces: HighLevelWebhookWorkspacesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  reconciliation_checkpoints: ReconciliationCheckpointsTable;
  highlevel_changes: HighLevelChangesTable;
  action_runs: ActionRunsTable;
  mcp_clients: McpClientsTable;
  mcp_calls: McpCallsTable;
  trigger_subscriptions: TriggerSubscriptionsTable;
  app_contacts: AppContactsTable;
  app_contact_items: AppContactItemsTable;
  schema_migrations: SchemaMigrationsTable;
}
