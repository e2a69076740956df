/**
 * The keys install links are signed with: derived from the credentials keyring (HKDF), so there
 * is no other secret to configure, and every configured key verifies, so a secret-key rotation
 * does not break a link handed out just before it.
 */
import { hkdfSync } from 'node:crypto';
import type { Keyring } from '../crypto/keyring.js';

const derive = (key: Buffer) =>
  Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'ghl-bridge oauth install state', 32));

/** The key to sign with and every key to verify with (the signing one first). */
export function installStateKeys(keyring: Keyring): { sign: Buffer; verify: Buffer[] } {
  const sign = derive(keyring.current.key);
  const others = [...keyring.byId.entries()]
    .filter(([id]) => id !== keyring.current.id)
    .map(([, key]) => derive(key));
  return { sign, verify: [sign, ...others] };
}
