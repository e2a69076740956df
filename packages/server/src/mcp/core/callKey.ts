/**
 * What makes two MCP tool calls the same write, so a retry is answered once. MCP gives a tool
 * call no id of its own (https://modelcontextprotocol.io/specification/2025-11-25/server/tools),
 * so a client may send one as `_meta.idempotencyKey`, held 24 hours like an Idempotency-Key
 * header. Without it, the same client calling the same tool with the same arguments within 10
 * minutes is the same call: agents retry within seconds, and a person meaning it twice rarely
 * sends the very same words within minutes.
 */
import { KEY_LIFETIME_MS, requestFingerprint } from '../../actions/core/idempotency.js';

/** How long the same arguments mean the same call, without a key. */
export const SAME_ARGUMENTS_WINDOW_MS = 10 * 60_000;

/** The longest `_meta.idempotencyKey` taken, like the Idempotency-Key header's. */
const MAX_KEY_LENGTH = 200;

export interface CallKey {
  /** Unique per client: one client's key never answers another's call. */
  key: string;
  lifetimeMs: number;
  /** The client's own key, when it sent one. */
  own?: string;
}

/** The client's own key from a tools/call's `_meta`, when it sent a usable one. */
function keyIn(meta: unknown): string | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined;
  const key = (meta as Record<string, unknown>).idempotencyKey;
  if (typeof key !== 'string') return undefined;
  const trimmed = key.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_KEY_LENGTH ? trimmed : undefined;
}

/**
 * @example callKey('mcpc_1', 'create-contact', { email: 'ada@example.com' }, undefined) // { key: 'mcp:mcpc_1:args:…', lifetimeMs: 600000 }
 * @example callKey('mcpc_1', 'create-contact', {}, { idempotencyKey: 'k1' }) // { key: 'mcp:mcpc_1:key:k1', lifetimeMs: 86400000, own: 'k1' }
 */
export function callKey(clientId: string, tool: string, args: unknown, meta: unknown): CallKey {
  const own = keyIn(meta);
  if (own) return { key: `mcp:${clientId}:key:${own}`, lifetimeMs: KEY_LIFETIME_MS, own };
  return {
    key: `mcp:${clientId}:args:${requestFingerprint(tool, args)}`,
    lifetimeMs: SAME_ARGUMENTS_WINDOW_MS,
  };
}
