/**
 * The commands that run and look after the service: start, worker, migrate, doctor, backfill and
 * rekey, each with its flags, its environment and what its help says.
 */
import {
  APP_ENV,
  POLL_ENV,
  SECRETS_ENV,
  STORAGE_ENV,
  SYNC_ENV,
  type CommandSpec,
} from './cliOptions.js';

/**
 * The service's commands, in the order `--help` lists them.
 *
 * @example SERVICE_COMMANDS.migrate.flags // ['data-dir', 'database-url']
 */
export const SERVICE_COMMANDS = {
  start: {
    summary: 'the HTTP API and the job workers',
    flags: ['port', 'host', 'data-dir', 'database-url', 'log-level', 'demo', 'no-worker'],
    env: [
      'GHL_BRIDGE_ADMIN_TOKEN',
      ...SECRETS_ENV,
      ...STORAGE_ENV,
      'GHL_API_BASE_URL',
      'PORT',
      'HOST',
      'LOG_LEVEL',
      'GHL_BRIDGE_BODY_LIMIT_BYTES',
      'GHL_WEBHOOK_PUBLIC_KEYS',
      'GHL_WEBHOOK_REPLAY_WINDOW_SECONDS',
      'GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE',
      'GHL_BRIDGE_PUBLIC_URL',
      ...APP_ENV,
      'GHL_OAUTH_SCOPES',
      'GHL_OAUTH_AUTHORIZE_URL',
      ...SYNC_ENV,
      ...POLL_ENV,
    ],
    details: [
      'Serves the API, migrates the database and runs the job workers in one process. With',
      '--demo, HighLevel is played by a local emulator and a demo workspace is connected to it.',
      'Logs are JSON lines on stdout; the banner with the URLs goes to stderr.',
    ],
  },
  worker: {
    summary: 'job workers only (scale out: run several against one PostgreSQL)',
    flags: ['data-dir', 'database-url', 'log-level'],
    env: [
      ...SECRETS_ENV,
      ...STORAGE_ENV,
      'GHL_API_BASE_URL',
      'LOG_LEVEL',
      'GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE',
      'GHL_BRIDGE_PUBLIC_URL',
      ...APP_ENV,
      ...SYNC_ENV,
      ...POLL_ENV,
    ],
    details: [
      'Processes the booking-sync, connection-check, voice follow-up and webhook delivery jobs,',
      'the reconciliation runs and the trigger polls; no HTTP.',
    ],
  },
  migrate: {
    summary: 'apply database migrations and install the queue, then exit',
    flags: ['data-dir', 'database-url'],
    env: STORAGE_ENV,
    details: ['start and worker migrate too; run this once per release on PostgreSQL.'],
  },
  doctor: {
    summary: "check a workspace's GoHighLevel connection against HighLevel",
    flags: ['workspace', 'demo', 'data-dir', 'database-url'],
    required: ['workspace'],
    env: [...SECRETS_ENV, ...STORAGE_ENV, 'GHL_API_BASE_URL', ...APP_ENV],
    details: [
      'Says whether HighLevel accepts the stored key, whether it belongs to the connected',
      'Location and which scopes are missing; exits 1 when anything is wrong or HighLevel could',
      'not be reached. On the embedded database it needs the data directory to itself.',
    ],
  },
  backfill: {
    summary: 'load historical bookings from NDJSON or CSV (resumable; --dry-run shows the plan)',
    flags: ['workspace', 'file', 'dry-run', 'data-dir', 'database-url'],
    required: ['workspace', 'file'],
    env: [
      ...STORAGE_ENV,
      ...SECRETS_ENV,
      'GHL_API_BASE_URL',
      ...APP_ENV,
      'GHL_BRIDGE_ADMIN_TOKEN',
      'LOG_LEVEL',
      ...SYNC_ENV,
    ],
    details: [
      'Validates every line first (nothing is written if one is bad), stores each event as',
      'POST …/bookings does, then shows the sync until it is done: on the embedded database',
      'this process syncs (stop start first: one process per data directory); on PostgreSQL the',
      'workers of start or worker do (Ctrl+C stops watching, the sync goes on). Resumable. A CSV',
      'names the fields in its header row with dots: id,version,status,startsAt,endsAt,timezone,',
      'service.name,price.amount,price.currency,payment.status,customer.email,customer.phone',
      '--dry-run prints the plan and the HighLevel calls it costs; it writes nothing and takes',
      'no lock: while start runs on the embedded database, it asks that server (with',
      'GHL_BRIDGE_ADMIN_TOKEN, else <data-dir>/admin-token).',
    ],
  },
  rekey: {
    summary: 're-encrypt stored credentials under the current secret key (ends a key rotation)',
    flags: ['dry-run', 'data-dir', 'database-url'],
    env: [...SECRETS_ENV, ...STORAGE_ENV],
    details: [
      'Run it once every process has the new GHL_BRIDGE_SECRET_KEY and the old key in',
      'GHL_BRIDGE_PREVIOUS_SECRET_KEYS. Safe while the service runs and safe to repeat. Exits 0',
      'when every credential is under the current key (the previous keys can then be removed),',
      '1 when some are encrypted with a key that is not configured (each is listed).',
      'On the embedded database it needs the data directory to itself.',
    ],
  },
} satisfies Record<string, CommandSpec>;
