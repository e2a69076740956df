/**
 * The commands over the catalogue and the AI agents that use it: list and run its actions,
 * subscribe a workspace to its triggers, give MCP clients their tokens and tools.
 */
import { APP_ENV, SECRETS_ENV, STORAGE_ENV, type CommandSpec } from './cliOptions.js';

/**
 * The catalogue's and MCP's commands, in the order `--help` lists them.
 *
 * @example CATALOGUE_COMMANDS['actions run'].arguments // ['<name>']
 */
export const CATALOGUE_COMMANDS = {
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
    env: [...SECRETS_ENV, ...STORAGE_ENV, 'GHL_API_BASE_URL', ...APP_ENV, 'LOG_LEVEL'],
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
    env: [
      ...SECRETS_ENV,
      ...STORAGE_ENV,
      'GHL_API_BASE_URL',
      ...APP_ENV,
      'GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE',
    ],
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
} satisfies Record<string, CommandSpec>;
