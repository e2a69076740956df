/**
 * Workspace API keys: random, shown once at creation, stored only as a SHA-256 hash (the keys
 * carry 192 bits of randomness, so a fast hash is enough; nothing to brute-force).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'ghlb_';

/** @example const { apiKey, hash } = newWorkspaceApiKey(); */
export function newWorkspaceApiKey(): { apiKey: string; hash: string } {
  const apiKey = `${PREFIX}${randomBytes(24).toString('base64url')}`;
  return { apiKey, hash: hashApiKey(apiKey) };
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
