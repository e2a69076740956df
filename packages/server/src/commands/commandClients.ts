/**
 * HighLevel clients for a one-off command (`doctor`, `actions run`): the workspace's stored
 * credentials, API key or the app's install, and on PostgreSQL the Location's rate budget the
 * service's processes share. A refusal of an install's tokens is told by the command; pausing
 * the connection is the service's to do.
 */
import { createRateLimiter } from '@ghl-bridge/client';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { databaseLock } from '../db/namedLock.js';
import { createHighLevelClients, type HighLevelClients } from '../highlevel/clients.js';
import { installAuth } from '../oauth/installAuth.js';
import { databaseRateLimitStore } from '../rateLimit/databaseStore.js';
import type { Secrets } from '../secrets.js';

/** @example const client = commandClients(config, database, secrets).forConnection(connection); */
export function commandClients(
  config: Pick<Config, 'highLevelBaseUrl' | 'oauth'>,
  database: Database,
  secrets: Pick<Secrets, 'keyring'>,
  fetch?: typeof globalThis.fetch,
): HighLevelClients {
  return createHighLevelClients({
    baseUrl: config.highLevelBaseUrl,
    fetch,
    limiter: createRateLimiter(
      database.kind === 'postgres' ? { store: databaseRateLimitStore(database.db) } : {},
    ),
    keyring: secrets.keyring,
    installs: installAuth({
      db: database.db,
      keyring: secrets.keyring,
      lock: databaseLock(database),
      app: config.oauth,
      onRefused: () => Promise.resolve(),
    }),
  });
}
