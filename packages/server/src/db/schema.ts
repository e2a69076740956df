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
  api_key_ciphertext: string;
  api_key_key_id: string;
  api_key_preview: string;
  scopes: string[];
  connected_at: Date;
  last_sync_at: Date | null;
  last_checked_at: Date | null;
  last_error: string | null;
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

export interface DB {
  workspaces: WorkspacesTable;
  dashboard_sessions: DashboardSessionsTable;
  gohighlevel_connections: GoHighLevelConnectionsTable;
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
  highlevel_request_history: HighLevelRequestHistoryTable;
  highlevel_webhooks: HighLevelWebhooksTable;
  highlevel_webhook_workspaces: HighLevelWebhookWorkspacesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  schema_migrations: SchemaMigrationsTable;
}
