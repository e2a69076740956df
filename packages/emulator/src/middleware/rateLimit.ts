import type { MiddlewareHandler } from 'hono';
import { tooManyRequests } from '../errors.js';
import { newBucket, rateLimitHeaders, takeRequest } from '../rateLimit.js';
import type { AppEnv, Runtime } from '../runtime.js';

/**
 * Counts the request against its app's budget on its Location (or Company); 429 beyond.
 * Operations without security (`POST /oauth/token`) are not counted. Runs after auth,
 * because the budget belongs to the token's app and Location.
 */
export function rateLimit(rt: Runtime): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = c.get('match');
    if (!match || match.target.handleOpen) return next();
    const agency = c.get('agency');
    // The budget is per app per resource: the Location, or the Company for an agency token.
    const key = agency
      ? `${agency.token.appId}:${agency.company.id}`
      : `${c.get('token').appId}:${c.get('token').locationId}`;
    let bucket = rt.buckets.get(key);
    if (!bucket) rt.buckets.set(key, (bucket = newBucket()));
    const decision = takeRequest(bucket, rt.limits, rt.clock.now());
    c.set('rate', decision);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
    await next();
  };
}

/**
 * Puts HighLevel's `X-RateLimit-*` headers on every response, whatever answered it; requests
 * not counted against a budget (no valid token yet) show the full budget.
 */
export function rateLimitHeadersOnEveryResponse(rt: Runtime): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const rate = c.get('rate') ?? { remaining: rt.limits.burst, dailyRemaining: rt.limits.daily };
    for (const [name, value] of Object.entries(rateLimitHeaders(rt.limits, rate))) {
      c.res.headers.set(name, value);
    }
  };
}
