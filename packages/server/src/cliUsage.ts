/**
 * What `ghl-bridge` accepts, in one table: its commands, the flags each takes and the environment
 * each reads. `--help`, `help <command>` and the per-command flag check are all read from here.
 */
import { createRequire } from 'node:module';
import { ENVIRONMENT } from './config.js';

/** The version of this package; `../package.json` is the same file from `src/` and from `dist/`. */
export const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;

type EnvName = keyof typeof ENVIRONMENT;

interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in usage lines (`--port N`). */
  value?: string;
  help: string;
  /** The environment variable the flag stands for. */
  env?: EnvName;
}

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

interface CommandSpec {
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

const STORAGE_ENV: EnvName[] = ['DATABASE_URL', 'GHL_BRIDGE_DATA_DIR'];
const SECRETS_ENV: EnvName[] = ['GHL_BRIDGE_SECRET_KEY', 'GHL_BRIDGE_PREVIOUS_SECRET_KEYS'];
/** What the workers' polls and sweeps read: reconciliation, triggers, retention. */
const POLL_ENV: EnvName[] = [
  'GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS',
  'GHL_BRIDGE_RECONCILE_BUDGET_SHARE',
  'GHL_BRIDGE_TRIGGER_LOOK_SECONDS',
  'GHL_BRIDGE_TRIGGER_BUDGET_SHARE',
  'GHL_BRIDGE_RETENTION_DAYS',
];
const SYNC_ENV: EnvName[] = [
  'GHL_BRIDGE_SYNC_CONCURRENCY',
  'GHL_BRIDGE_FIELD_PREFIX',
  'GHL_BRIDGE_TAG_PREFIX',
];

export type CommandName =
  | 'start'
  | 'worker'
  | 'migrate'
  | 'doctor'
  | 'backfill'
  | 'rekey'
  | 'actions list'
  | 'actions run'
  | 'triggers list'
  | 'triggers add'
  | 'triggers remove'
  | 'mcp clients list'
  | 'mcp clients add'
  | 'mcp clients revoke'
  | 'mcp tools';

export const COMMANDS: Readonly<Record<CommandName, CommandSpec>> = {
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
    env: [...SECRETS_ENV, ...STORAGE_ENV, 'GHL_API_BASE_URL'],
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
  'actions list': {
    summary: 'list the ready-made actions of the catalogue (docs/actions.md)',
    flags: ['category', 'json'],
    env: [],
    details: [
      'Each action with the HighLevel operation it runs, by category. Its input fields and where',
      'each goes are in --json (an input JSON Schema per action) and in GET /v1/catalogue.',
    ],
  },
  'actions run': {
    summary: "run one action in a workspace's HighLevel Location, as POST …/actions/:name does",
    arguments: ['<name>'],
    flags: ['workspace', 'input', 'idempotency-key', 'data-dir', 'database-url'],
    required: ['workspace'],
    env: [...SECRETS_ENV, ...STORAGE_ENV, 'GHL_API_BASE_URL', 'LOG_LEVEL'],
    details: [
      "Checks the input against the action's schema (locationId is the connected Location's),",
      "calls HighLevel with the workspace's connection and prints the answer as the API would:",
      '{"action", "result"} on stdout, exit 0; a refusal in words on stderr, exit 1. A write sent',
      'again without --idempotency-key may be done twice. The log line of the run goes to',
      'stderr. On the embedded database it needs the data directory to itself.',
    ],
  },
  'triggers list': {
    summary: "list the catalogue's triggers; with --workspace, the workspace's subscriptions",
    flags: ['workspace', 'category', 'json', 'data-dir', 'database-url'],
    env: [...SECRETS_ENV, ...STORAGE_ENV],
    details: [
      'Without --workspace: each trigger with the HighLevel operation it polls, by category',
      '(--json: the entries as GET /v1/catalogue answers them). With --workspace: its',
      'subscriptions, how often each polls, where its items go and what its last poll did.',
    ],
  },
  'triggers add': {
    summary: 'subscribe a workspace to a trigger: HighLevel polled, each new item delivered once',
    arguments: ['<name>'],
    flags: ['workspace', 'input', 'every', 'endpoint', 'url', 'data-dir', 'database-url'],
    required: ['workspace'],
    env: [...SECRETS_ENV, ...STORAGE_ENV, 'GHL_API_BASE_URL', 'GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE'],
    details: [
      "Checks the parameters against the trigger's schema and polls once at once: what is in",
      'HighLevel now is recorded, not delivered; a refusal by HighLevel is told and nothing is',
      'kept. The workers of start or worker then poll it every --every minutes and deliver each',
      'new or changed item once, as a trigger.item webhook, to --endpoint or to --url (whose new',
      "endpoint's signing secret is printed once). On the embedded database it needs the data",
      'directory to itself.',
    ],
  },
  'triggers remove': {
    summary: 'end a trigger subscription',
    arguments: ['<id>'],
    flags: ['workspace', 'data-dir', 'database-url'],
    required: ['workspace'],
    env: [...SECRETS_ENV, ...STORAGE_ENV],
    details: ['The endpoint made for its --url goes with it.'],
  },
  'mcp clients list': {
    summary: "list a workspace's MCP clients: the tokens its AI agents hold (docs/mcp.md)",
    flags: ['workspace', 'json', 'data-dir', 'database-url'],
    required: ['workspace'],
    env: [...SECRETS_ENV, ...STORAGE_ENV],
    details: [
      'Newest first, revoked ones too: each with its access, its allowlist, the end of its token',
      'and when the token was last used; never the token itself. --json: the clients as GET',
      '…/mcp/clients answers them.',
    ],
  },
  'mcp clients add': {
    summary: "give an AI agent a token for the workspace's MCP endpoint (shown this once)",
    arguments: ['<name>'],
    flags: [
      'workspace',
      'read-write',
      'allow-destructive',
      'tools',
      'json',
      'data-dir',
      'database-url',
    ],
    required: ['workspace'],
    env: [...SECRETS_ENV, ...STORAGE_ENV],
    details: [
      'Makes an MCP client as POST …/mcp/clients does: read-only unless --read-write, the tools',
      'that delete or remove only with --allow-destructive too, and with --tools only those tools.',
      'Prints the client, its token and the endpoint the agent connects to (--json: as the API',
      'answers); the token cannot be shown again. A tool the access does not allow, or one that',
      'does not exist, is named, exit 2, and nothing is made. On the embedded database it needs',
      'the data directory to itself.',
    ],
  },
  'mcp clients revoke': {
    summary: 'revoke an MCP client: its token is refused from the next request on',
    arguments: ['<clientId>'],
    flags: ['workspace', 'data-dir', 'database-url'],
    required: ['workspace'],
    env: [...SECRETS_ENV, ...STORAGE_ENV],
    details: [
      'The client stays listed, revoked, so the audit trail still names it. Its access cannot be',
      'changed: add a new client and revoke the old one.',
    ],
  },
  'mcp tools': {
    summary: 'list the tools an MCP client can be given, and whether each reads, writes or deletes',
    flags: ['json'],
    env: [],
    details: [
      "The booking tools (offered once the workspace's voice settings are saved) and the",
      "catalogue's actions and triggers, by the names --tools of mcp clients add takes. A",
      'read-only client gets the reads; --read-write adds the writes; --allow-destructive the',
      'destructive ones. --json: as GET …/mcp/tools answers.',
    ],
  },
};

export const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** The most words a command's name has: three (`mcp clients add`). */
const NAME_WORDS = Math.max(...Object.keys(COMMANDS).map((name) => name.split(' ').length));

/**
 * The command the words on the command line name, and its arguments: `actions run create-contact`
 * is `actions run` with `create-contact`; undefined when they name none.
 *
 * @example commandOf(['actions', 'run', 'create-contact']) // { command: 'actions run', args: ['create-contact'] }
 */
export function commandOf(words: string[]): { command: CommandName; args: string[] } | undefined {
  for (let count = Math.min(words.length, NAME_WORDS); count > 0; count--) {
    const name = words.slice(0, count).join(' ');
    if (isCommand(name)) return { command: name, args: words.slice(count) };
  }
  return undefined;
}

/**
 * The commands under leading words (`actions`: `actions list`, `actions run`; `mcp clients`:
 * its list, add and revoke); none for a command of its own or unknown words.
 *
 * @example commandsUnder('actions') // ['actions list', 'actions run']
 */
export function commandsUnder(words: string): CommandName[] {
  return (Object.keys(COMMANDS) as CommandName[]).filter((name) => name.startsWith(`${words} `));
}

/**
 * What words that stop short of a command (`mcp`, `mcp clients`, `actions walk`) are the start
 * of: the longest leading words with commands under them, those commands, and the words that may
 * come next.
 *
 * @example groupOf(['mcp']) // { name: 'mcp', commands: ['mcp clients list', …, 'mcp tools'], next: ['clients', 'tools'] }
 */
export function groupOf(
  words: string[],
): { name: string; commands: CommandName[]; next: string[] } | undefined {
  for (let count = Math.min(words.length, NAME_WORDS - 1); count > 0; count--) {
    const name = words.slice(0, count).join(' ');
    const commands = commandsUnder(name);
    const next = [...new Set(commands.map((command) => command.split(' ')[count]!))];
    if (commands.length > 0) return { name, commands, next };
  }
  return undefined;
}

/** `--port N`, `--demo`. */
export function flagUsage(name: FlagName): string {
  const flag: FlagSpec = FLAGS[name];
  return `--${name}${flag.value ? ` ${flag.value}` : ''}`;
}

function table(rows: Array<[string, string]>, indent = '  '): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}${right}`);
}

/** `ghl-bridge --help`: every command, every flag, every environment variable. */
export function usage(): string {
  const commands = Object.entries(COMMANDS).map(
    ([name, spec]) => [name, spec.summary] as [string, string],
  );
  const flags = (Object.keys(FLAGS) as FlagName[]).map((name) => {
    const flag: FlagSpec = FLAGS[name];
    const short = flag.short ? `-${flag.short}, ` : '';
    return [`${short}${flagUsage(name)}`, flag.help] as [string, string];
  });
  return [
    `ghl-bridge ${VERSION}: sync bookings to HighLevel, book from voice agents.`,
    '',
    'Usage: ghl-bridge <command> [options]',
    '       ghl-bridge help <command>      (or ghl-bridge <command> --help)',
    '',
    'Commands:',
    ...table(commands),
    '',
    'Options (each command takes the ones its help lists):',
    ...table(flags),
    '',
    'Environment (a flag wins over its variable):',
    ...environmentLines(Object.keys(ENVIRONMENT) as EnvName[]),
  ].join('\n');
}

/** `ghl-bridge help <command>`: its usage line, what it does, its flags and environment. */
export function commandUsage(name: CommandName): string {
  const spec = COMMANDS[name];
  const required = new Set(spec.required ?? []);
  const synopsis = [
    ...(spec.arguments ?? []),
    ...spec.flags.map((flag) => (required.has(flag) ? flagUsage(flag) : `[${flagUsage(flag)}]`)),
  ].join(' ');
  const flags = spec.flags.map((flag) => [flagUsage(flag), FLAGS[flag].help] as [string, string]);
  return [
    `Usage: ghl-bridge ${name} ${synopsis}`.trimEnd(),
    '',
    `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`,
    ...spec.details,
    '',
    'Options:',
    ...table([...flags, ['-h, --help', FLAGS.help.help]]),
    '',
    ...(spec.env.length > 0
      ? ['Environment:', ...environmentLines(spec.env)]
      : ['Reads no environment.']),
  ].join('\n');
}

function environmentLines(names: EnvName[]): string[] {
  return names.flatMap((name) => [`  ${name}`, `      ${ENVIRONMENT[name]}`]);
}
