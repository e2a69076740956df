import type { RateLimitObservation } from './rateLimit/types.js';

function num(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * HighLevel's budget headers, sent on every response:
 * https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Faqs.md
 */
export function rateLimitObservation(headers: Headers): RateLimitObservation | undefined {
  const observation: RateLimitObservation = {
    remaining: num(headers, 'x-ratelimit-remaining'),
    max: num(headers, 'x-ratelimit-max'),
    intervalMs: num(headers, 'x-ratelimit-interval-milliseconds'),
    dailyRemaining: num(headers, 'x-ratelimit-daily-remaining'),
    dailyLimit: num(headers, 'x-ratelimit-limit-daily'),
  };
  return Object.values(observation).some((v) => v !== undefined) ? observation : undefined;
}

/** `Retry-After` in ms: delta-seconds or an HTTP date. HighLevel does not document sending it. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
