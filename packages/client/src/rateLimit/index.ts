/**
 * Per-Location rate limiting for HighLevel's 100 requests per 10 s and 200,000 per day.
 *
 * @example
 * import { createRateLimiter, memoryRateLimitStore } from './rateLimit/index.js';
 * const limiter = createRateLimiter({ store: memoryRateLimitStore() });
 * await limiter.acquire('loc_1', { priority: 'interactive' });
 */
export { createRateLimiter } from './limiter.js';
export {
  memoryRateLimitStore,
  type MemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
} from './memoryStore.js';
export {
  HIGHLEVEL_WINDOWS,
  DEFAULT_WINDOWS,
  type AcquireResult,
  type BudgetReport,
  type Priority,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitObservation,
  type RateLimitStore,
  type RateLimitWindow,
  type ReportedAcquireResult,
} from './types.js';
