/**
 * Workspace API keys: random, shown once at creation, stored only as a SHA-256 hash (the keys
 * carry 192 bits of randomness, so a fast hash is enough; nothing to brute-force).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'ghlb_';

/**
 * A new random bearer token starting with `prefix` (192 bits after it), and the hash to store.
 *
 * @example const { token, hash } = newBearerToken('ghlm_');
 */
export function newBearerToken(prefix: string): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashApiKey(token) };
}

/** @example const { apiKey, hash } = newWorkspaceApiKey(); */
export function newWorkspaceApiKey(): { apiKey: string; hash: string } {
  const { token, hash } = newBearerToken(PREFIX);
  return { apiKey: token, hash };
}

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

export const looksLikeWorkspaceKey = (token: string) => token.startsWith(PREFIX);

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
