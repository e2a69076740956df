import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { hashApiKey } from '../../crypto/apiKeys.js';
import type { DB } from '../../db/schema.js';
import { tokenOwner, type TokenOwner } from '../../sessions/tokenOwner.js';
import { findSession } from '../../sessions/sessionStore.js';
import type { AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';
import { fromThisServer, SESSION_COOKIE, SIGN_IN_PATH } from '../sessionCookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling: `Authorization: Bearer <admin token>` is the operator; a workspace API key is
 * that workspace; without a bearer token, the dashboard's session cookie is whoever signed in.
 * Anything else is a 401 that says what to send. Signing in (`POST /v1/session`) is the one
 * route open to all: it checks the secret in its body itself.
 *
 * @example app.use('/v1/*', authenticate({ adminToken, db, now: () => new Date() }));
 */
export function authenticate(options: {
  adminToken: string | undefined;
  db: Kysely<DB>;
  now: () => Date;
}): MiddlewareHandler<AppEnv> {
  const adminHash = options.adminToken === undefined ? undefined : hashApiKey(options.adminToken);
  return async (c, next) => {
    if (c.req.method === 'POST' && c.req.path === SIGN_IN_PATH) return next();
    const header = c.req.header('authorization');
    const cookie = header === undefined ? getCookie(c, SESSION_COOKIE) : undefined;
    if (cookie !== undefined) {
      const session = await findSession(options.db, cookie, adminHash, options.now());
      if (!session) {
        throw new HttpError(
          401,
          'session_expired',
          'The dashboard session has expired or was ended; sign in again.',
        );
      }
      refuseCrossSiteWrite(c);
      c.set('session', { token: cookie, expiresAt: session.expiresAt });
      actAs(c, session.principal);
      return next();
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match) {
      throw new HttpError(
        401,
        'unauthorized',
        'Send Authorization: Bearer <admin token or workspace API key>.',
      );
    }
    const principal = await tokenOwner(options.db, options.adminToken, match[1]!);
    if (principal) {
      actAs(c, principal);
      return next();
    }
    throw new HttpError(
      401,
      'unauthorized',
      'The bearer token is neither the admin token nor a current workspace API key.',
    );
  };
}

/**
 * Sets who the request acts for. A workspace's row comes with its principal, read with the key
 * or the session: `workspaceAccess` does not read it again.
 */
function actAs(c: Context<AppEnv>, principal: TokenOwner): void {
  if (principal.kind === 'admin') {
    c.set('principal', { kind: 'admin' });
    return;
  }
  c.set('principal', { kind: 'workspace', workspaceId: principal.workspace.id });
  c.set('workspace', principal.workspace);
}

/**
 * A browser sends the cookie with any request to this server, including one a page on another
 * site makes it send (CSRF). SameSite=Strict already stops those in current browsers; as a
 * second wall, a write on the cookie must carry an Origin naming this server.
 */
function refuseCrossSiteWrite(c: Context<AppEnv>): void {
  if (SAFE_METHODS.has(c.req.method) || fromThisServer(c)) return;
  throw new HttpError(
    403,
    'cross_site_request',
    'A change made with the dashboard session must come from the dashboard itself (its Origin header must name this server). Scripts and other sites should send Authorization: Bearer <token> instead.',
  );
}
