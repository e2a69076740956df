/**
 * What a `ghl-bridge` command can take: the options (`--port N`) and the groups of environment
 * variables its help lists. The commands themselves are in `cliServiceCommands.ts` and
 * `cliCatalogueCommands.ts`; `cliCommands.ts` puts them in one table.
 */
import type { ENVIRONMENT } from './config.js';

/** A variable `ghl-bridge` reads; `ENVIRONMENT` in config.ts says what each means. */
export type EnvName = keyof typeof ENVIRONMENT;

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in usage lines (`--port N`). */
  value?: string;
  help: string;
  /** The environment variable the flag stands for. */
  env?: EnvName;
}

/**
 * Every option of every command, in the order `--help` lists them; each command names the ones
 * it takes.
 *
 * @example FLAGS.port.help // 'HTTP port; default 3000'
 */
export const FLAGS = {
  port: { type: 'string', value: 'N', help: 'HTTP port; default 3000', env: 'PORT' },
  host: { type: 'string', value: 'H', help: 'interface to bind; default 127.0.0.1', env: 'HOST' },
  'data-dir': {
    type: 'string',
    value: 'DIR',
    help: 'embedded database and key files; default ./.ghl-bridge',
    env: 'GHL_BRIDGE_DATA_DIR',
  },
  'database-url': {
    type: 'string',
    value: 'URL',
    help: 'PostgreSQL instead of the embedded database',
    env: 'DATABASE_URL',
  },
  'log-level': {
    type: 'string',
    value: 'L',
    help: 'fatal|error|warn|info|debug|trace|silent; default info (warn with --demo)',
    env: 'LOG_LEVEL',
  },
  demo: { type: 'boolean', help: 'HighLevel played by a local emulator, with a demo workspace' },
  'no-worker': { type: 'boolean', help: 'serve HTTP only; run `ghl-bridge worker` for the jobs' },
  workspace: { type: 'string', value: 'ID', help: 'the workspace (ws_…)' },
  file: {
    type: 'string',
    value: 'F',
    help: 'booking events: .ndjson/.jsonl (one per line) or .csv (dotted headers)',
  },
  'dry-run': {
    type: 'boolean',
    help: 'show what would be done, write nothing (works while the server runs)',
  },
  category: {
    type: 'string',
    value: 'C',
    help: 'one category: its name ("Calendars & Appointments") or first word (calendars)',
  },
  json: { type: 'boolean', help: 'print JSON (as the API answers it) instead of a table' },
  input: {
    type: 'string',
    value: 'JSON|@FILE',
    help: "the action's input or the trigger's parameters as JSON, or @file.json; default {}",
  },
  every: {
    type: 'string',
    value: 'MIN',
    help: 'how often a trigger polls HighLevel, 1 to 15 minutes; default 5',
  },
  endpoint: {
    type: 'string',
    value: 'ID',
    help: "the workspace's webhook endpoint (whep_…) a trigger's items go to",
  },
  url: {
    type: 'string',
    value: 'URL',
    help: "instead of --endpoint: a URL a trigger's items go to (an endpoint is made for it)",
  },
  'idempotency-key': {
    type: 'string',
    value: 'K',
    help: 'a write runs once per key: the same key and input within 24 h get the first answer',
  },
  'read-write': {
    type: 'boolean',
    help: 'an MCP client that may write too; without it, the client may only read',
  },
  'allow-destructive': {
    type: 'boolean',
    help: 'offer the MCP client the tools that delete or remove too (needs --read-write)',
  },
  tools: {
    type: 'string',
    value: 'A,B,…',
    help: "an MCP client's only tools, comma-separated (ghl-bridge mcp tools lists them)",
  },
  help: { type: 'boolean', short: 'h', help: 'this help' },
  version: { type: 'boolean', short: 'v', help: 'the version' },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

/**
 * An option as a usage line shows it, with its value's placeholder.
 *
 * @example flagUsage('port') // '--port N'; flagUsage('demo') // '--demo'
 */
export function flagUsage(name: FlagName): string {
  const flag: FlagSpec = FLAGS[name];
  return `--${name}${flag.value ? ` ${flag.value}` : ''}`;
}

/** A command: what its help says, the flags and arguments it takes, the environment it reads. */
export interface CommandSpec {
  summary: string;
  /** The arguments after the command's name, all required: `<name>`. */
  arguments?: string[];
  /** Flags beyond --help. */
  flags: FlagName[];
  /** Flags the command cannot run without. */
  required?: FlagName[];
  env: EnvName[];
  details: string[];
}

/** Where the data is: PostgreSQL or the embedded database's directory. */
export const STORAGE_ENV: EnvName[] = ['DATABASE_URL', 'GHL_BRIDGE_DATA_DIR'];
/** The keys stored credentials are encrypted with. */
export const SECRETS_ENV: EnvName[] = ['GHL_BRIDGE_SECRET_KEY', 'GHL_BRIDGE_PREVIOUS_SECRET_KEYS'];
/** What the workers' polls and sweeps read: reconciliation, triggers, retention. */
export const POLL_ENV: EnvName[] = [
  'GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS',
  'GHL_BRIDGE_RECONCILE_BUDGET_SHARE',
  'GHL_BRIDGE_TRIGGER_LOOK_SECONDS',
  'GHL_BRIDGE_TRIGGER_BUDGET_SHARE',
  'GHL_BRIDGE_RETENTION_DAYS',
];
/** A connection made by installing the marketplace app refreshes its tokens with the app's. */
export const APP_ENV: EnvName[] = ['GHL_OAUTH_CLIENT_ID', 'GHL_OAUTH_CLIENT_SECRET'];
/** How the booking sync runs and names what it makes in HighLevel. */
export const SYNC_ENV: EnvName[] = [
  'GHL_BRIDGE_SYNC_CONCURRENCY',
  'GHL_BRIDGE_FIELD_PREFIX',
  'GHL_BRIDGE_TAG_PREFIX',
];
