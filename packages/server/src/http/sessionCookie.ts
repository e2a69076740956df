/**
 * The dashboard's session cookie: HttpOnly (page script never sees it), SameSite=Strict (other
 * sites' pages can't make the browser send it), Secure when the request came over TLS (directly
 * or through a proxy that says so in X-Forwarded-Proto), for the whole server's path.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'ghl_bridge_session';
export const SIGN_IN_PATH = '/v1/session';

const overTls = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** @example setSessionCookie(c, token, expiresAt); */
export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: overTls(c),
    path: '/',
    expires: expiresAt,
  });
}

/**
 * Whether a request's Origin names this server (behind a proxy that rewrites Host, the
 * X-Forwarded-Host it sets). Browsers send Origin on every cross-origin request and on
 * same-origin writes, and a page cannot forge it.
 */
export function fromThisServer(c: Context): boolean {
  const origin = c.req.header('origin');
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
  if (origin === undefined || host === undefined) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** @example clearSessionCookie(c); */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    secure: overTls(c),
    httpOnly: true,
    sameSite: 'Strict',
  });
}
