import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A random id with a type prefix, e.g. `ws_k3n2…` (100 bits of randomness, lowercase base32).
 *
 * @example newId('ws'); // 'ws_q4ymc7w2rj5x2rb3aa5t'
 */
export function newId(prefix: string): string {
  const bytes = randomBytes(20);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return `${prefix}_${out}`;
}
