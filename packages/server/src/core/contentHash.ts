/**
 * A hash of a JSON value's content, the same whatever the order of its objects' keys: what makes
 * two requests the same, or tells that a polled item changed.
 */
import { createHash } from 'node:crypto';

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}

/**
 * @example contentHash({ a: 1, b: 2 }) === contentHash({ b: 2, a: 1 }) // true
 */
export function contentHash(value: unknown): string {
  const text = JSON.stringify(value, sortedKeys) ?? 'undefined';
  return createHash('sha256').update(text).digest('hex');
}
