import { createHash, randomBytes } from 'node:crypto';

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

/**
 * An id with a type prefix derived from `key`, in the form of `newId`'s: the same key gives the
 * same id, so something told twice keeps its id.
 *
 * @example stableId('evt', 'ws_1|loc_1|task|t1|completed'); // 'evt_…', the same every time
 */
export function stableId(prefix: string, key: string): string {
  const bytes = createHash('sha256').update(key).digest().subarray(0, 20);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return `${prefix}_${out}`;
}
