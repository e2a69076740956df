import type { Context, MiddlewareHandler } from 'hono';
import { badRequest, invalidJwt, scopeNotHeld, wrongLocation } from '../errors.js';
import { requiredScopes } from '../operations.js';
import type { AppEnv, Runtime } from '../runtime.js';
import { bearerToken } from './requestLog.js';

async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest((err as Error).message);
  }
}

/** The Location a request names: path, then query, then JSON body `locationId`. */
function requestedLocation(c: Context<AppEnv>, body: unknown): string | undefined {
  const fromPath = c.get('match')?.params.locationId;
  if (fromPath) return fromPath;
  const fromQuery = c.req.query('locationId');
  if (fromQuery) return fromQuery;
  if (body && typeof body === 'object' && 'locationId' in body) {
    const id = body.locationId;
    if (typeof id === 'string' && id !== '') return id;
  }
  return undefined;
}

/**
 * HighLevel's auth triad (ghl-api-notes §4, §7.6): an unknown or expired token is 401
 * "Invalid JWT"; a token without the operation's scope is 401 "not authorized for this scope",
 * checked before the Location; a token of another Location is 403.
 */
export function auth(rt: Runtime): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = c.get('match');
    if (!match) return next();
    const body = match.op.bodyType === 'json' ? await readJsonBody(c) : undefined;
    c.set('body', body);

    const presented = bearerToken(c.req.header('authorization'));
    const token = presented ? rt.state.tokens[presented] : undefined;
    if (!token || (token.expiresAt !== null && token.expiresAt <= rt.clock.now())) {
      throw invalidJwt();
    }
    const location = rt.state.locations[token.locationId];
    if (!location) throw invalidJwt();

    const needed = requiredScopes(match.op);
    if (needed.length > 0 && !needed.some((s) => token.scopes.includes(s))) throw scopeNotHeld();

    const wanted = requestedLocation(c, body);
    if (wanted !== undefined && wanted !== token.locationId) throw wrongLocation();

    c.set('token', token);
    c.set('location', location);
    await next();
  };
}
