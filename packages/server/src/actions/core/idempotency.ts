/**
 * The rules of an action's Idempotency-Key: within 24 hours, the same key with the same action
 * and input is the same request (answered with the first answer, HighLevel not called again) and
 * with anything else a mistake; a request still running is waited for, unless it has held its key
 * so long that the process running it must have died. This is how payment APIs treat the header
 * (https://docs.stripe.com/api/idempotent_requests).
 */
import { contentHash } from '../../core/contentHash.js';

/** How long a key remembers its request and answer. */
export const KEY_LIFETIME_MS = 24 * 3600_000;

/**
 * How long a running request may hold its key before a retry takes it over: far beyond one
 * HighLevel call with its retries and rate-limit waits, so only a request whose process died
 * is ever taken over.
 */
export const RUN_LEASE_MS = 5 * 60_000;

/** A key's row as the decision needs it. */
export interface KeyRecord {
  fingerprint: string;
  state: 'running' | 'done';
  /** When the request holding the key started, epoch ms. */
  startedAt: number;
}

/**
 * What a request finding its key already taken does: `replay` the stored answer, `wait` for the
 * request running under it, refuse a `reused` key (another action or input), or `take-over` a key
 * whose row is past its lifetime or was abandoned.
 */
export type KeyDecision = 'replay' | 'wait' | 'reused' | 'take-over';

/**
 * What makes two requests the same: the action and its input, whatever the order of the keys.
 *
 * @example requestFingerprint('create-contact', { a: 1, b: 2 }) === requestFingerprint('create-contact', { b: 2, a: 1 }) // true
 */
export function requestFingerprint(action: string, input: unknown): string {
  return contentHash([action, input]);
}

/**
 * A key may live shorter than a day (`lifetimeMs`): the MCP server's same-arguments window.
 *
 * @example decideOnKey({ fingerprint: 'f1', state: 'done', startedAt: 0 }, 'f1', 1000) // 'replay'
 */
export function decideOnKey(
  record: KeyRecord,
  fingerprint: string,
  now: number,
  lifetimeMs = KEY_LIFETIME_MS,
): KeyDecision {
  if (now - record.startedAt >= lifetimeMs) return 'take-over';
  if (record.fingerprint !== fingerprint) return 'reused';
  if (record.state === 'done') return 'replay';
  return now - record.startedAt >= RUN_LEASE_MS ? 'take-over' : 'wait';
}
