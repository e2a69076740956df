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
}

export interface GoHighLevelConnectionsTable {
  workspace_id: string;
  location_id: string;
  location_name: string | null;
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
}

export interface JobRunsTable {
  job_id: string;
  queue: string;
  worker: string;
  runs: Generated<number>;
  finished_at: Generated<Date>;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface DB {
  workspaces: WorkspacesTable;
  gohighlevel_connections: GoHighLevelConnectionsTable;
  rate_limit_keys: RateLimitKeysTable;
  rate_limit_requests: RateLimitRequestsTable;
  rate_limit_buckets: RateLimitBucketsTable;
  named_locks: NamedLocksTable;
  job_runs: JobRunsTable;
  schema_migrations: SchemaMigrationsTable;
}
