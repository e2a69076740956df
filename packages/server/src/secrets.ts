/**
 * The two secrets the server needs, from the configuration or, in embedded mode, from files in
 * the data directory (generated once, mode 0600): the key credentials are encrypted under, and
 * the admin token.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Config } from './config.js';
import { embeddedSecretKey, keyringFrom, type Keyring } from './crypto/keyring.js';

export const ADMIN_TOKEN_FILE = 'admin-token';

export interface Secrets {
  keyring: Keyring;
  adminToken: string | undefined;
  /** Where each came from, for the start banner. */
  generated: { secretKey: boolean; adminToken: boolean };
}

function embeddedAdminToken(dataDir: string): { token: string; created: boolean } {
  const path = join(dataDir, ADMIN_TOKEN_FILE);
  try {
    return { token: readFileSync(path, 'utf8').trim(), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const token = `ghlb_admin_${randomBytes(24).toString('base64url')}`;
  writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { token, created: true };
}

/**
 * Resolves the secrets for `config`. On PostgreSQL several processes share one database, so the
 * key must come from the environment (a generated one would differ per machine); the admin token
 * too, when `needAdminToken` (the HTTP server; workers need none).
 */
export function resolveSecrets(config: Config, options: { needAdminToken: boolean }): Secrets {
  const embedded = !config.databaseUrl;
  const problems: string[] = [];
  let secretKey = config.secretKey;
  let generatedKey = false;
  if (!secretKey) {
    if (embedded) {
      const found = embeddedSecretKey(config.dataDir);
      secretKey = found.key;
      generatedKey = found.created;
    } else {
      problems.push(
        'GHL_BRIDGE_SECRET_KEY: required with DATABASE_URL (every process must use the same key); generate one with `openssl rand -base64 32`',
      );
    }
  }
  let adminToken = config.adminToken;
  let generatedToken = false;
  if (!adminToken && options.needAdminToken) {
    if (embedded) {
      const found = embeddedAdminToken(config.dataDir);
      adminToken = found.token;
      generatedToken = found.created;
    } else {
      problems.push(
        'GHL_BRIDGE_ADMIN_TOKEN: required with DATABASE_URL; set a long random string, e.g. `openssl rand -hex 32`',
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    keyring: keyringFrom([secretKey!, ...config.previousSecretKeys]),
    adminToken,
    generated: { secretKey: generatedKey, adminToken: generatedToken },
  };
}
