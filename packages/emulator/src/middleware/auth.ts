import type { Context, MiddlewareHandler } from 'hono';
import {
  authClassNotSupported,
  badRequest,
  invalidJwt,
  scopeNotHeld,
  wrongLocation,
} from '../errors.js';
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

/**
 * A form operation's body (`/oauth/token`, `/oauth/locationToken`) as a record. The spec says
 * form-urlencoded; HighLevel's own docs and many integrations send JSON, which it takes too.
 */
async function readFormBody(c: Context<AppEnv>): Promise<unknown> {
  if (/json/i.test(c.req.header('content-type') ?? '')) return readJsonBody(c);
  const text = await c.req.text();
  return text.trim() === '' ? undefined : Object.fromEntries(new URLSearchParams(text));
}

function readBody(c: Context<AppEnv>, bodyType: string | null): Promise<unknown> {
  if (bodyType === 'json') return readJsonBody(c);
  if (bodyType === 'form') return readFormBody(c);
  return Promise.resolve(undefined);
}

/**
 * The Location a request names: path, then query (`locationId`, or `location_id` as opportunity
 * search spells it), then body `locationId`.
 */
function requestedLocation(c: Context<AppEnv>, body: unknown): string | undefined {
  const fromPath = c.get('match')?.params.locationId;
  if (fromPath) return fromPath;
  const fromQuery = c.req.query('locationId') ?? c.req.query('location_id');
  if (fromQuery) return fromQuery;
  if (body && typeof body === 'object' && 'locationId' in body) {
    const id = body.locationId;
    if (typeof id === 'string' && id !== '') return id;
  }
  return undefined;
}

/**
 * HighLevel's auth triad (docs/highlevel-behaviour.md#auth-error-triad): an unknown or expired
 * token is 401 "Invalid JWT"; a token without the operation's scope is 401 "not authorized for this
 * scope", checked before the Location; a token of another Location is 403. Agency (Company) tokens
 * are served only by operations with an agency handler, and only for their own Locations;
 * operations the spec declares without security (`POST /oauth/token`) take no token.
 */
export function auth(rt: Runtime): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = c.get('match');
    if (!match) return next();
    const body = await readBody(c, match.op.bodyType);
    c.set('body', body);
    if (match.target.handleOpen) return next();

    const presented = bearerToken(c.req.header('authorization'));
    const expired = (t: { expiresAt: number | null }) =>
      t.expiresAt !== null && t.expiresAt <= rt.clock.now();
    const agencyToken = presented ? rt.state.companyTokens[presented] : undefined;
    if (agencyToken) {
      const company = rt.state.companies[agencyToken.companyId];
      if (expired(agencyToken) || !company) throw invalidJwt();
      if (!match.target.handleAgency) throw authClassNotSupported();
      const needed = requiredScopes(match.op);
      if (needed.length > 0 && !needed.some((s) => agencyToken.scopes.includes(s))) {
        throw scopeNotHeld();
      }
      const wanted = requestedLocation(c, body);
      if (wanted !== undefined && rt.state.locations[wanted]?.companyId !== company.id) {
        throw wrongLocation();
      }
      c.set('agency', { token: agencyToken, company });
      return next();
    }

    const token = presented ? rt.state.tokens[presented] : undefined;
    if (!token || expired(token)) throw invalidJwt();
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
