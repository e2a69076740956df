/**
 * The server's configuration: environment variables and command-line flags, parsed once by one
 * zod schema into a frozen object. A bad value names the variable (or flag) and what was expected.
 */
import { z } from 'zod';
import './fieldMessages.js';
import { DEFAULT_BASE_URL } from '@ghl-bridge/client';
import { DEFAULT_WEBHOOK_TOLERANCE_MS } from '@ghl-bridge/client/webhooks';
import { DEFAULT_FIELD_PREFIX } from './bookingSync/core/customFields.js';
import { FieldPrefixSchema, TagPrefixSchema } from './bookingSync/core/naming.js';
import { requiredScopes } from './highlevel/core/scopeChecks.js';
import {
  HIGHLEVEL_WEBHOOK_KEYRING,
  parseWebhookPublicKeys,
  type WebhookKeyring,
} from './highlevelWebhooks/publicKeys.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Flags given on the command line; each wins over its environment variable. */
export interface ConfigFlags {
  port?: string | number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
}

const port = z.coerce
  .number({ error: 'expected a port number' })
  .int('expected a whole port number')
  .min(0, 'expected a port number from 0 to 65535')
  .max(65535, 'expected a port number from 0 to 65535');

const base64Key = z
  .string()
  .trim()
  .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && decodedLength(value) === 32, {
    message:
      'expected 32 random bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`',
  });

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), {
    message: 'expected a PostgreSQL URL such as postgres://user:password@host:5432/database',
  });

/**
 * Enough jobs in flight to keep one Location at its 100 requests per 10 s with HighLevel taking
 * a few hundred ms a request (about 2 requests a booking), and several Locations busy at once.
 */
const DEFAULT_SYNC_CONCURRENCY = 10;

/** Reconciliation (docs/reconciliation.md): a poll per Location every 5 minutes, on 10 % of its budget. */
const DEFAULT_RECONCILE_INTERVAL_SECONDS = 300;
const DEFAULT_RECONCILE_BUDGET_SHARE = 0.1;
/**
 * Triggers (docs/triggers.md): workers look for due polls every 5 s; polls use at most 20 % of a
 * Location's budget.
 */
const DEFAULT_TRIGGER_LOOK_SECONDS = 5;
const DEFAULT_TRIGGER_BUDGET_SHARE = 0.2;
/** How long settled webhooks (in and out) are kept for their listings. */
const DEFAULT_RETENTION_DAYS = 30;

/** HighLevel's suggested replay window (five minutes), in seconds. */
const DEFAULT_WEBHOOK_REPLAY_WINDOW_SECONDS = DEFAULT_WEBHOOK_TOLERANCE_MS / 1000;

const webhookPublicKeys = z.string().transform((value, ctx): WebhookKeyring => {
  const parsed = parseWebhookPublicKeys(value);
  if ('keys' in parsed) return parsed.keys;
  ctx.addIssue({ code: 'custom', message: parsed.problem });
  return z.NEVER;
});

/** HighLevel's location chooser, where an install starts (changed from /oauth/ on 2026-05-27). */
const DEFAULT_AUTHORIZE_URL = 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation';

/**
 * What installs ask for by default: what booking sync and voice booking check on connect, plus
 * `oauth.readonly` / `oauth.write` so an agency install can list its Locations and mint their
 * tokens (https://marketplace.gohighlevel.com/docs/ghl/oauth/get-location-access-token).
 */
export const DEFAULT_OAUTH_SCOPES: readonly string[] = [
  ...requiredScopes(['bookings', 'voice']),
  'oauth.readonly',
  'oauth.write',
];

export interface OAuthAppConfig {
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  /** HighLevel's location chooser (or a white-label one, or the emulator's). */
  authorizeUrl: string;
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** One schema over the merged sources, keyed by the names a user sets. */
const schema = z.object({
  GHL_BRIDGE_ADMIN_TOKEN: optional(
    z.string().trim().min(16, 'expected at least 16 characters (use a long random string)'),
  ),
  GHL_BRIDGE_SECRET_KEY: optional(base64Key),
  GHL_BRIDGE_PREVIOUS_SECRET_KEYS: optional(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .pipe(z.array(base64Key)),
  ),
  DATABASE_URL: optional(postgresUrl),
  GHL_API_BASE_URL: optional(z.url({ error: 'expected an http(s) URL' })).transform(
    (value) => value ?? DEFAULT_BASE_URL,
  ),
  PORT: optional(port).transform((value) => value ?? 3000),
  HOST: optional(z.string().trim().min(1)).transform((value) => value ?? '127.0.0.1'),
  GHL_BRIDGE_DATA_DIR: optional(z.string().trim().min(1)).transform(
    (value) => value ?? './.ghl-bridge',
  ),
  LOG_LEVEL: optional(
    z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }),
  ).transform((value) => value ?? 'info'),
  GHL_BRIDGE_BODY_LIMIT_BYTES: optional(
    z.coerce.number().int().min(1024).max(10_485_760),
  ).transform((value) => value ?? 1_048_576),
  GHL_BRIDGE_SYNC_CONCURRENCY: optional(z.coerce.number().int().min(1).max(100)).transform(
    (value) => value ?? DEFAULT_SYNC_CONCURRENCY,
  ),
  GHL_BRIDGE_FIELD_PREFIX: optional(FieldPrefixSchema).transform(
    (value) => value ?? DEFAULT_FIELD_PREFIX,
  ),
  GHL_BRIDGE_TAG_PREFIX: optional(TagPrefixSchema).transform((value) => value ?? ''),
  GHL_WEBHOOK_PUBLIC_KEYS: optional(webhookPublicKeys).transform(
    (value) => value ?? HIGHLEVEL_WEBHOOK_KEYRING,
  ),
  GHL_WEBHOOK_REPLAY_WINDOW_SECONDS: optional(
    z.coerce
      .number({ error: 'expected a number of seconds' })
      .int('expected a whole number of seconds')
      .min(1, 'expected at least 1 second')
      .max(86_400, 'expected at most 86400 seconds (a day)'),
  ).transform((value) => value ?? DEFAULT_WEBHOOK_REPLAY_WINDOW_SECONDS),
  GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: optional(
    z.coerce
      .number({ error: 'expected a number of seconds' })
      .int('expected a whole number of seconds')
      .min(0, 'expected 0 (off) or a number of seconds')
      .max(86_400, 'expected at most 86400 seconds (a day)'),
  ).transform((value) => value ?? DEFAULT_RECONCILE_INTERVAL_SECONDS),
  GHL_BRIDGE_RECONCILE_BUDGET_SHARE: optional(
    z.coerce
      .number({ error: 'expected a share such as 0.1' })
      .gt(0, 'expected a share above 0 (set the interval to 0 to turn reconciliation off)')
      .max(1, 'expected a share of at most 1 (the whole budget)'),
  ).transform((value) => value ?? DEFAULT_RECONCILE_BUDGET_SHARE),
  GHL_BRIDGE_TRIGGER_LOOK_SECONDS: optional(
    z.coerce
      .number({ error: 'expected a number of seconds' })
      .int('expected a whole number of seconds')
      .min(0, 'expected 0 (off) or a number of seconds')
      .max(60, 'expected at most 60 seconds (the shortest trigger interval)'),
  ).transform((value) => value ?? DEFAULT_TRIGGER_LOOK_SECONDS),
  GHL_BRIDGE_TRIGGER_BUDGET_SHARE: optional(
    z.coerce
      .number({ error: 'expected a share such as 0.2' })
      .gt(0, 'expected a share above 0')
      .max(1, 'expected a share of at most 1 (the whole budget)'),
  ).transform((value) => value ?? DEFAULT_TRIGGER_BUDGET_SHARE),
  GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: optional(
    z.enum(['true', 'false'], { error: 'expected true or false' }),
  ).transform((value) => value === 'true'),
  GHL_BRIDGE_RETENTION_DAYS: optional(
    z.coerce
      .number({ error: 'expected a number of days' })
      .int('expected a whole number of days')
      .min(1, 'expected at least 1 day')
      .max(3650, 'expected at most 3650 days'),
  ).transform((value) => value ?? DEFAULT_RETENTION_DAYS),
  GHL_BRIDGE_PUBLIC_URL: optional(
    z.url({ error: 'expected the http(s) URL users reach the bridge at' }),
  ),
  GHL_OAUTH_CLIENT_ID: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]+-[A-Za-z0-9]+$/, {
        message: "expected the marketplace app's Client ID, e.g. 64f1c0ffee0123456789abcd-lq3x9a2b",
      }),
  ),
  GHL_OAUTH_CLIENT_SECRET: optional(z.string().trim().min(8, "expected the app's Client Secret")),
  GHL_OAUTH_SCOPES: optional(
    z
      .string()
      .transform((value) => value.split(/[\s,]+/).filter(Boolean))
      .pipe(
        z.array(
          z.string().regex(/^[a-z][a-zA-Z./-]*$/, 'expected scope names such as contacts.write'),
        ),
      ),
  ),
  GHL_OAUTH_AUTHORIZE_URL: optional(z.url({ error: 'expected an http(s) URL' })).transform(
    (value) => value ?? DEFAULT_AUTHORIZE_URL,
  ),
});

/**
 * Every environment variable the server reads and what it means, for `ghl-bridge --help`. Keyed
 * by the schema's names, so a variable added to the schema without a word here does not compile.
 */
export const ENVIRONMENT: Readonly<Record<keyof typeof schema.shape, string>> = {
  GHL_BRIDGE_ADMIN_TOKEN:
    "the operator's bearer token (16+ characters); required with DATABASE_URL, else generated into <data-dir>/admin-token",
  GHL_BRIDGE_SECRET_KEY:
    'the key stored credentials are encrypted under: 32 random bytes, base64 (`openssl rand -base64 32`); required with DATABASE_URL, else generated into <data-dir>/secret.key',
  GHL_BRIDGE_PREVIOUS_SECRET_KEYS:
    'comma-separated old secret keys, still accepted for decryption after a rotation',
  DATABASE_URL:
    'PostgreSQL (postgres://user:password@host:5432/db); without it, the embedded database',
  GHL_API_BASE_URL: `HighLevel's API (or an emulator); default ${DEFAULT_BASE_URL}`,
  PORT: 'HTTP port; default 3000',
  HOST: 'interface to bind; default 127.0.0.1',
  GHL_BRIDGE_DATA_DIR: 'embedded database and key files; default ./.ghl-bridge',
  LOG_LEVEL: `${LOG_LEVELS.join('|')}; default info (JSON logs on stdout)`,
  GHL_BRIDGE_BODY_LIMIT_BYTES: 'larger request bodies get a 413; default 1048576',
  GHL_BRIDGE_SYNC_CONCURRENCY: `booking-sync jobs a process runs at once (1-100); default ${DEFAULT_SYNC_CONCURRENCY}`,
  GHL_BRIDGE_FIELD_PREFIX: `name prefix of the custom fields the booking sync creates; default "${DEFAULT_FIELD_PREFIX}"`,
  GHL_BRIDGE_TAG_PREFIX: 'put before every tag the booking sync applies (e.g. gb/); default none',
  GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE:
    'true: webhook endpoints may be on private, loopback or link-local addresses and use plain http (tests, the demo, a receiver on your own network); default false',
  GHL_WEBHOOK_PUBLIC_KEYS:
    "PEM public keys (Ed25519, RSA) that webhooks from HighLevel must be signed with; several allowed for a rotation; default HighLevel's published keys",
  GHL_WEBHOOK_REPLAY_WINDOW_SECONDS: `webhooks from HighLevel sent longer ago (or further ahead) than this are refused; default ${DEFAULT_WEBHOOK_REPLAY_WINDOW_SECONDS}`,
  GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: `how often each connected Location is polled for the changes webhooks missed (docs/reconciliation.md); 0: never; default ${DEFAULT_RECONCILE_INTERVAL_SECONDS}`,
  GHL_BRIDGE_RECONCILE_BUDGET_SHARE: `share of a Location's HighLevel budget (100 requests per 10 s) the poll may use, at the lowest priority; default ${DEFAULT_RECONCILE_BUDGET_SHARE}`,
  GHL_BRIDGE_TRIGGER_LOOK_SECONDS: `how often workers look for trigger polls that are due (docs/triggers.md); 0: polls run only when asked for (POST …/triggers/:id/poll); default ${DEFAULT_TRIGGER_LOOK_SECONDS}`,
  GHL_BRIDGE_TRIGGER_BUDGET_SHARE: `share of a Location's HighLevel budget (100 requests per 10 s) its trigger polls may use together, at the lowest priority; default ${DEFAULT_TRIGGER_BUDGET_SHARE}`,
  GHL_BRIDGE_RETENTION_DAYS: `webhooks from HighLevel and deliveries to the app that ended longer ago are deleted (hourly); default ${DEFAULT_RETENTION_DAYS}`,
  GHL_BRIDGE_PUBLIC_URL:
    'the URL users and HighLevel reach the bridge at (https://bridge.example.com), for the OAuth redirect URI; default the URL of the install request',
  GHL_OAUTH_CLIENT_ID:
    "the HighLevel marketplace app's Client ID; with GHL_OAUTH_CLIENT_SECRET, turns on installs (GET /v1/oauth/install)",
  GHL_OAUTH_CLIENT_SECRET: "the marketplace app's Client Secret",
  GHL_OAUTH_SCOPES: `scopes the install asks for, space- or comma-separated; default ${DEFAULT_OAUTH_SCOPES.join(' ')}`,
  GHL_OAUTH_AUTHORIZE_URL: `HighLevel's location chooser; default ${DEFAULT_AUTHORIZE_URL} (white-label: https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation)`,
};

/** Which flag feeds which variable, so an error can name both. */
const FLAG_FOR: Record<string, string> = {
  PORT: '--port',
  HOST: '--host',
  GHL_BRIDGE_DATA_DIR: '--data-dir',
  DATABASE_URL: '--database-url',
  LOG_LEVEL: '--log-level',
};

export interface Config {
  adminToken: string | undefined;
  /** Base64 of the 32-byte key credentials are encrypted under; generated in embedded mode. */
  secretKey: string | undefined;
  /** Keys used before a rotation, still accepted for decryption. */
  previousSecretKeys: readonly string[];
  databaseUrl: string | undefined;
  highLevelBaseUrl: string;
  port: number;
  host: string;
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  bodyLimitBytes: number;
  /** Booking-sync jobs a process runs at once (each waits on HighLevel most of its time). */
  syncConcurrency: number;
  /** Booking sync: the name prefix of the custom fields it provisions ("Bookings –"). */
  fieldPrefix: string;
  /** Booking sync: put before every tag it applies (`booking:confirmed` -> `<prefix>booking:confirmed`). */
  tagPrefix: string;
  /** Webhooks out: allow private addresses and plain http (docs/webhooks-out.md#addresses). */
  webhooksAllowPrivate: boolean;
  /** Keys webhooks from HighLevel are checked with; a kind not configured keeps HighLevel's. */
  webhookPublicKeys: WebhookKeyring;
  /** How far a webhook's `timestamp` may be from now, either way. */
  webhookReplayWindowMs: number;
  /** Seconds between two reconciliation runs of a Location (docs/reconciliation.md); 0: off. */
  reconcileIntervalSeconds: number;
  /** Share (0..1] of a Location's HighLevel budget a reconciliation run may use. */
  reconcileBudgetShare: number;
  /** Seconds between two looks for due trigger polls (docs/triggers.md); 0: off. */
  triggerLookSeconds: number;
  /** Share (0..1] of a Location's HighLevel budget its trigger polls may use together. */
  triggerBudgetShare: number;
  /** Days settled webhooks (from HighLevel, and deliveries to the app) are kept. */
  retentionDays: number;
  /** Where users and HighLevel reach the bridge (no trailing slash); undefined: the request's own URL. */
  publicUrl: string | undefined;
  /** The marketplace app installs go through (docs/oauth.md); undefined: installs are off. */
  oauth: OAuthAppConfig | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment and flags into a frozen `Config`, or throws a `ConfigError` listing
 * every bad value by name.
 *
 * @example
 * const config = loadConfig(process.env, { port: '8080' });
 * config.port; // 8080
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  flags: ConfigFlags = {},
): Readonly<Config> {
  const merged: Record<string, unknown> = { ...env };
  if (flags.port !== undefined) merged.PORT = flags.port;
  if (flags.host !== undefined) merged.HOST = flags.host;
  if (flags.dataDir !== undefined) merged.GHL_BRIDGE_DATA_DIR = flags.dataDir;
  if (flags.databaseUrl !== undefined) merged.DATABASE_URL = flags.databaseUrl;
  if (flags.logLevel !== undefined) merged.LOG_LEVEL = flags.logLevel;

  const result = schema
    .superRefine((v, ctx) => {
      // One without the other is a half-configured app: say so instead of turning installs off.
      const half = !v.GHL_OAUTH_CLIENT_ID !== !v.GHL_OAUTH_CLIENT_SECRET;
      if (half) {
        const missing = v.GHL_OAUTH_CLIENT_ID ? 'GHL_OAUTH_CLIENT_SECRET' : 'GHL_OAUTH_CLIENT_ID';
        ctx.addIssue({
          code: 'custom',
          path: [missing],
          message:
            'expected too: the marketplace app needs both its Client ID and its Client Secret',
        });
      }
    })
    .safeParse(merged);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'configuration');
        const flag = FLAG_FOR[name];
        const shown = flag ? `${name} (or ${flag})` : name;
        return `${shown}: ${issue.message}`;
      }),
    );
  }
  const v = result.data;
  return Object.freeze({
    adminToken: v.GHL_BRIDGE_ADMIN_TOKEN,
    secretKey: v.GHL_BRIDGE_SECRET_KEY,
    previousSecretKeys: Object.freeze([...(v.GHL_BRIDGE_PREVIOUS_SECRET_KEYS ?? [])]),
    databaseUrl: v.DATABASE_URL,
    highLevelBaseUrl: v.GHL_API_BASE_URL.replace(/\/+$/, ''),
    port: v.PORT,
    host: v.HOST,
    dataDir: v.GHL_BRIDGE_DATA_DIR,
    logLevel: v.LOG_LEVEL,
    bodyLimitBytes: v.GHL_BRIDGE_BODY_LIMIT_BYTES,
    syncConcurrency: v.GHL_BRIDGE_SYNC_CONCURRENCY,
    fieldPrefix: v.GHL_BRIDGE_FIELD_PREFIX,
    tagPrefix: v.GHL_BRIDGE_TAG_PREFIX,
    webhooksAllowPrivate: v.GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE,
    webhookPublicKeys: v.GHL_WEBHOOK_PUBLIC_KEYS,
    webhookReplayWindowMs: v.GHL_WEBHOOK_REPLAY_WINDOW_SECONDS * 1000,
    reconcileIntervalSeconds: v.GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS,
    reconcileBudgetShare: v.GHL_BRIDGE_RECONCILE_BUDGET_SHARE,
    triggerLookSeconds: v.GHL_BRIDGE_TRIGGER_LOOK_SECONDS,
    triggerBudgetShare: v.GHL_BRIDGE_TRIGGER_BUDGET_SHARE,
    retentionDays: v.GHL_BRIDGE_RETENTION_DAYS,
    publicUrl: v.GHL_BRIDGE_PUBLIC_URL?.replace(/\/+$/, ''),
    oauth:
      v.GHL_OAUTH_CLIENT_ID && v.GHL_OAUTH_CLIENT_SECRET
        ? Object.freeze({
            clientId: v.GHL_OAUTH_CLIENT_ID,
            clientSecret: v.GHL_OAUTH_CLIENT_SECRET,
            scopes: Object.freeze([...(v.GHL_OAUTH_SCOPES ?? DEFAULT_OAUTH_SCOPES)]),
            authorizeUrl: v.GHL_OAUTH_AUTHORIZE_URL,
          })
        : undefined,
  });
}

function decodedLength(base64: string): number {
  return Buffer.from(base64, 'base64').length;
}
