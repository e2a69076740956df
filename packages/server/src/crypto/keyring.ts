/**
 * The keys credentials are encrypted under. Each key has an id (a hash prefix of the key), stored
 * beside every ciphertext, so a key can be rotated: the new key encrypts, old ones still decrypt
 * until everything has been re-encrypted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Keyring {
  /** The key new ciphertexts are made with. */
  current: { id: string; key: Buffer };
  /** Every key by id, the current one included. */
  byId: ReadonlyMap<string, Buffer>;
}

/** The id stored beside a ciphertext: not secret, only says which key made it. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('ghl-bridge key id\0').update(key).digest('hex').slice(0, 12);
}

/**
 * A keyring from base64 keys, the first being current.
 *
 * @example
 * const ring = keyringFrom([process.env.GHL_BRIDGE_SECRET_KEY!]);
 */
export function keyringFrom(base64Keys: readonly string[]): Keyring {
  const keys = base64Keys.map((k) => Buffer.from(k, 'base64'));
  if (keys.length === 0 || keys.some((k) => k.length !== 32)) {
    throw new Error('Every secret key must be 32 bytes, base64-encoded');
  }
  const byId = new Map(keys.map((key) => [keyId(key), key]));
  return { current: { id: keyId(keys[0]!), key: keys[0]! }, byId };
}

export const SECRET_KEY_FILE = 'secret.key';

/**
 * Embedded mode without `GHL_BRIDGE_SECRET_KEY`: the key in `<dataDir>/secret.key`, generated
 * (32 random bytes, file mode 0600) on first use.
 */
export function embeddedSecretKey(dataDir: string): { key: string; created: boolean } {
  const path = join(dataDir, SECRET_KEY_FILE);
  try {
    return { key: readFileSync(path, 'utf8').trim(), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { key, created: true };
}
