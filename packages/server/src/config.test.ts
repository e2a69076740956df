import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import {
  HIGHLEVEL_ED25519_PUBLIC_KEY,
  HIGHLEVEL_RSA_PUBLIC_KEY,
} from '@ghl-bridge/client/webhooks';
import { ConfigError, DEFAULT_OAUTH_SCOPES, loadConfig } from './config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

function problemsOf(env: Record<string, string>, flags = {}): string[] {
  try {
    loadConfig(env, flags);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('takes the booking sync prefixes, refusing a comma in the tag prefix', () => {
    const config = loadConfig({
      GHL_BRIDGE_FIELD_PREFIX: ' Salon – ',
      GHL_BRIDGE_TAG_PREFIX: 'gb/',
    });
    expect(config).toMatchObject({ fieldPrefix: 'Salon –', tagPrefix: 'gb/' });
    expect(() => loadConfig({ GHL_BRIDGE_TAG_PREFIX: 'a,b' })).toThrow(
      'GHL_BRIDGE_TAG_PREFIX: expected no commas',
    );
  });

  it('fills the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      adminToken: undefined,
      secretKey: undefined,
      previousSecretKeys: [],
      databaseUrl: undefined,
      highLevelBaseUrl: 'https://services.leadconnectorhq.com',
      port: 3000,
      host: '127.0.0.1',
      dataDir: './.ghl-bridge',
      logLevel: 'info',
      bodyLimitBytes: 1_048_576,
      syncConcurrency: 10,
      fieldPrefix: 'Bookings –',
      tagPrefix: '',
      webhooksAllowPrivate: false,
      webhookPublicKeys: {
        ed25519: [HIGHLEVEL_ED25519_PUBLIC_KEY],
        rsa: [HIGHLEVEL_RSA_PUBLIC_KEY],
      },
      webhookReplayWindowMs: 300_000,
      reconcileIntervalSeconds: 300,
      reconcileBudgetShare: 0.1,
      triggerLookSeconds: 5,
      triggerBudgetShare: 0.2,
      retentionDays: 30,
      publicUrl: undefined,
      oauth: undefined,
    });
  });

  it('takes the marketplace app: both credentials, the default scopes and chooser', () => {
    const config = loadConfig({
      GHL_OAUTH_CLIENT_ID: '64f1c0ffee0123456789abcd-lq3x9a2b',
      GHL_OAUTH_CLIENT_SECRET: 'a7c1e3f0-0000-4000-8000-000000000000',
      GHL_BRIDGE_PUBLIC_URL: 'https://bridge.example.com/',
    });
    expect(config.publicUrl).toBe('https://bridge.example.com');
    expect(config.oauth).toEqual({
      clientId: '64f1c0ffee0123456789abcd-lq3x9a2b',
      clientSecret: 'a7c1e3f0-0000-4000-8000-000000000000',
      scopes: DEFAULT_OAUTH_SCOPES,
      authorizeUrl: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
    });
    expect(DEFAULT_OAUTH_SCOPES).toEqual(
      expect.arrayContaining(['contacts.write', 'calendars/events.write', 'oauth.write']),
    );
    const scoped = loadConfig({
      GHL_OAUTH_CLIENT_ID: '64f1c0ffee0123456789abcd-lq3x9a2b',
      GHL_OAUTH_CLIENT_SECRET: 'a7c1e3f0-0000-4000-8000-000000000000',
      GHL_OAUTH_SCOPES: 'contacts.readonly, contacts.write  locations.readonly',
    });
    expect(scoped.oauth?.scopes).toEqual([
      'contacts.readonly',
      'contacts.write',
      'locations.readonly',
    ]);
  });

  it.each([
    [
      { GHL_OAUTH_CLIENT_ID: '64f1c0ffee0123456789abcd-lq3x9a2b' },
      /^GHL_OAUTH_CLIENT_SECRET: expected too/,
    ],
    [{ GHL_OAUTH_CLIENT_SECRET: 'a7c1e3f0-0000' }, /^GHL_OAUTH_CLIENT_ID: expected too/],
    [
      { GHL_OAUTH_CLIENT_ID: 'not an id', GHL_OAUTH_CLIENT_SECRET: 'a7c1e3f0-0000' },
      /^GHL_OAUTH_CLIENT_ID: expected the marketplace app's Client ID/,
    ],
  ])('refuses a half-configured marketplace app: %j', (env, expected) => {
    const problems = problemsOf(env, {});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('takes the reconciliation interval (0: off) and its share of the budget', () => {
    const config = loadConfig({
      GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: '0',
      GHL_BRIDGE_RECONCILE_BUDGET_SHARE: '0.25',
    });
    expect(config).toMatchObject({ reconcileIntervalSeconds: 0, reconcileBudgetShare: 0.25 });
    expect(
      problemsOf({
        GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: '1.5',
        GHL_BRIDGE_RECONCILE_BUDGET_SHARE: '0',
      }),
    ).toEqual([
      'GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: expected a whole number of seconds',
      'GHL_BRIDGE_RECONCILE_BUDGET_SHARE: expected a share above 0 (set the interval to 0 to turn reconciliation off)',
    ]);
    expect(problemsOf({ GHL_BRIDGE_RECONCILE_BUDGET_SHARE: '1.5' })).toEqual([
      'GHL_BRIDGE_RECONCILE_BUDGET_SHARE: expected a share of at most 1 (the whole budget)',
    ]);
  });

  it('takes how often trigger polls are looked for (0: off) and their share of the budget', () => {
    expect(
      loadConfig({
        GHL_BRIDGE_TRIGGER_LOOK_SECONDS: '0',
        GHL_BRIDGE_TRIGGER_BUDGET_SHARE: '0.5',
      }),
    ).toMatchObject({ triggerLookSeconds: 0, triggerBudgetShare: 0.5 });
    expect(
      problemsOf({
        GHL_BRIDGE_TRIGGER_LOOK_SECONDS: '61',
        GHL_BRIDGE_TRIGGER_BUDGET_SHARE: '0',
      }),
    ).toEqual([
      'GHL_BRIDGE_TRIGGER_LOOK_SECONDS: expected at most 60 seconds (the shortest trigger interval)',
      'GHL_BRIDGE_TRIGGER_BUDGET_SHARE: expected a share above 0',
    ]);
  });

  describe('the keys webhooks from HighLevel are checked with', () => {
    const pem = (type: 'ed25519' | 'rsa' | 'ec') =>
      (type === 'ec'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : type === 'rsa'
          ? generateKeyPairSync('rsa', { modulusLength: 1024 })
          : generateKeyPairSync('ed25519')
      ).publicKey
        .export({ type: 'spki', format: 'pem' })
        .toString();

    it('sorts several keys by kind; a kind not given keeps HighLevel’s key', () => {
      const [old, current] = [pem('ed25519'), pem('ed25519')];
      const config = loadConfig({ GHL_WEBHOOK_PUBLIC_KEYS: `${old}\n${current}` });
      expect(config.webhookPublicKeys).toEqual({
        ed25519: [old, current],
        rsa: [HIGHLEVEL_RSA_PUBLIC_KEY],
      });
    });

    it('reads a one-line value with \\n written out, as in an .env file', () => {
      const rsa = pem('rsa');
      const config = loadConfig({ GHL_WEBHOOK_PUBLIC_KEYS: rsa.trim().replace(/\n/g, '\\n') });
      expect(config.webhookPublicKeys).toEqual({
        ed25519: [HIGHLEVEL_ED25519_PUBLIC_KEY],
        rsa: [rsa],
      });
    });

    it.each([
      ['not a key', 'expected one or more PEM public keys'],
      [
        '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
        'key 1 is not a readable public key',
      ],
      [pem('ec'), 'key 1 is a ec key; expected Ed25519 or RSA keys'],
      [`${pem('ed25519')}oops`, 'found other text between them'],
    ])('refuses %j, naming the variable', (value, problem) => {
      expect(problemsOf({ GHL_WEBHOOK_PUBLIC_KEYS: value })[0]).toContain(
        `GHL_WEBHOOK_PUBLIC_KEYS: `,
      );
      expect(problemsOf({ GHL_WEBHOOK_PUBLIC_KEYS: value })[0]).toContain(problem);
    });

    it('takes the replay window in seconds', () => {
      expect(loadConfig({ GHL_WEBHOOK_REPLAY_WINDOW_SECONDS: '4500' }).webhookReplayWindowMs).toBe(
        4_500_000,
      );
      expect(problemsOf({ GHL_WEBHOOK_REPLAY_WINDOW_SECONDS: '0' })).toEqual([
        'GHL_WEBHOOK_REPLAY_WINDOW_SECONDS: expected at least 1 second',
      ]);
    });
  });

  it('reads every variable, flags winning over the environment', () => {
    const config = loadConfig(
      {
        GHL_BRIDGE_ADMIN_TOKEN: 'a-long-admin-token-123',
        GHL_BRIDGE_SECRET_KEY: KEY,
        DATABASE_URL: 'postgres://u:p@localhost:5432/db',
        GHL_API_BASE_URL: 'http://127.0.0.1:4010/',
        PORT: '8080',
        LOG_LEVEL: 'debug',
      },
      { port: '9090', host: '0.0.0.0', dataDir: '/var/lib/bridge' },
    );
    expect(config).toMatchObject({
      adminToken: 'a-long-admin-token-123',
      secretKey: KEY,
      databaseUrl: 'postgres://u:p@localhost:5432/db',
      highLevelBaseUrl: 'http://127.0.0.1:4010',
      port: 9090,
      host: '0.0.0.0',
      dataDir: '/var/lib/bridge',
      logLevel: 'debug',
    });
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, {}, /^PORT \(or --port\): expected a port number/],
    [{ PORT: '70000' }, {}, /^PORT \(or --port\): expected a port number from 0 to 65535/],
    [{}, { port: '-1' }, /^PORT \(or --port\): expected a port number from 0 to 65535/],
    [{ GHL_BRIDGE_SECRET_KEY: 'short' }, {}, /^GHL_BRIDGE_SECRET_KEY: expected 32 random bytes/],
    [
      { GHL_BRIDGE_SECRET_KEY: Buffer.alloc(16).toString('base64') },
      {},
      /^GHL_BRIDGE_SECRET_KEY: expected 32 random bytes in base64/,
    ],
    [
      { DATABASE_URL: 'mysql://x' },
      {},
      /^DATABASE_URL \(or --database-url\): expected a PostgreSQL URL/,
    ],
    [{ GHL_API_BASE_URL: 'not a url' }, {}, /^GHL_API_BASE_URL: expected an http\(s\) URL/],
    [{ LOG_LEVEL: 'loud' }, {}, /^LOG_LEVEL \(or --log-level\): expected one of fatal, error/],
    [{ GHL_BRIDGE_ADMIN_TOKEN: 'short' }, {}, /^GHL_BRIDGE_ADMIN_TOKEN: expected at least 16/],
    [
      { GHL_BRIDGE_PREVIOUS_SECRET_KEYS: `${KEY},nope` },
      {},
      /^GHL_BRIDGE_PREVIOUS_SECRET_KEYS: expected 32 random bytes/,
    ],
  ])('names the variable and what was expected: %j %j', (env, flags, expected) => {
    const problems = problemsOf(env, flags);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('reports every bad value at once', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'y', DATABASE_URL: 'z' });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['DATABASE_URL', 'PORT', 'LOG_LEVEL']);
  });
});
