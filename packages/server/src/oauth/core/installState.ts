/**
 * The `state` of an install: what the bridge wants back from HighLevel's redirect (the workspace
 * to connect, where to send the user after), signed so nobody can forge it, and short-lived so an
 * old link cannot be replayed. HighLevel returns `state` unchanged on the redirect
 * (https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long an install link works: the chooser and consent take a minute or two. */
export const INSTALL_STATE_TTL_MS = 30 * 60_000;

export interface InstallState {
  /** Connect this workspace to the installed Location (a Location install only). */
  workspaceId?: string;
  /** A path of the bridge to send the user to afterwards (`/` the dashboard). */
  returnTo?: string;
  /** Epoch ms after which the state is refused. */
  expiresAt: number;
}

export type ReadState =
  | { ok: true; state: InstallState }
  | { ok: false; problem: 'malformed' | 'bad_signature' | 'expired' };

const mac = (key: Buffer, body: string) =>
  createHmac('sha256', key).update(body).digest('base64url');

/**
 * `<payload>.<hmac>`, both base64url; a random nonce makes every link different.
 *
 * @example signInstallState({ workspaceId: 'ws_1', expiresAt: Date.now() + INSTALL_STATE_TTL_MS }, key)
 */
export function signInstallState(state: InstallState, key: Buffer): string {
  const body = Buffer.from(
    JSON.stringify({ ...state, nonce: randomBytes(9).toString('base64url') }),
  ).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/**
 * The state, when one of `keys` signed it and it has not expired (several keys: a secret-key
 * rotation does not break links handed out just before it).
 *
 * @example readInstallState(token, [key], Date.now()) // { ok: true, state: { workspaceId: 'ws_1', … } }
 */
export function readInstallState(token: string, keys: readonly Buffer[], now: number): ReadState {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, problem: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  const signed = keys.some((key) => {
    const expected = Buffer.from(mac(key, body), 'base64url');
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!signed) return { ok: false, problem: 'bad_signature' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const p = parsed as Record<string, unknown>;
  if (typeof p.expiresAt !== 'number') return { ok: false, problem: 'malformed' };
  if (p.expiresAt <= now) return { ok: false, problem: 'expired' };
  return {
    ok: true,
    state: {
      expiresAt: p.expiresAt,
      ...(typeof p.workspaceId === 'string' ? { workspaceId: p.workspaceId } : {}),
      ...(typeof p.returnTo === 'string' ? { returnTo: p.returnTo } : {}),
    },
  };
}
