import { HighLevelError } from '../errors.js';
import type { EventSink } from '../events.js';
import type { Layer } from '../pipeline.js';
import { rateLimitObservation } from '../rateLimitHeaders.js';
import type { RateLimiter } from '../rateLimit/types.js';

/** Requests naming no Location share one budget. */
export const UNKNOWN_RESOURCE = 'unknown-resource';

/**
 * Waits for the Location's budget before each attempt, feeds HighLevel's `X-RateLimit-*` headers
 * back to the limiter, and pauses the Location after a 429.
 */
export function rateLimitLayer(deps: { limiter: RateLimiter; emit: EventSink }): Layer {
  return (next) => async (request) => {
    const key = request.resourceId ?? UNKNOWN_RESOURCE;
    const { waitedMs } = await deps.limiter.acquire(key, {
      priority: request.priority,
      signal: request.signal,
    });
    if (waitedMs > 0)
      deps.emit({ type: 'rate_limit_wait', resourceId: key, waitedMs, priority: request.priority });
    try {
      const response = await next(request);
      const observation = rateLimitObservation(response.headers);
      // Not awaited: the answer is the caller's now. A store that takes the headers in with its
      // next decision (the memory and database stores) needs no round trip here; one that does
      // not is read now, which a live call would otherwise wait for on every request. Either way
      // a Location's observations apply in order, and a failed one leaves its budget.
      if (observation) void deps.limiter.observe(key, observation).catch(() => undefined);
      return response;
    } catch (error) {
      if (error instanceof HighLevelError && error.headers) {
        const observation = rateLimitObservation(error.headers);
        if (observation) await deps.limiter.observe(key, observation);
        if (error.status === 429) {
          const retryAfter = error.headers.get('retry-after');
          await deps.limiter.penalize(key, retryAfter ? Number(retryAfter) * 1000 || 1000 : 1000);
        }
      }
      throw error;
    }
  };
}
