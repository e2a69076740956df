import { abortReason, systemClock } from '../clock.js';
import { memoryRateLimitStore } from './memoryStore.js';
import {
  countedByHighLevel,
  dailyCapFrom,
  dailyRemainingToCap,
  rememberLimits,
  unseenRequests,
  windowsUnder,
  type ObservedBudget,
} from './observation.js';
import {
  DEFAULT_WINDOWS,
  type BudgetReport,
  type Priority,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitObservation,
  type RateLimitWindow,
  type ReportedAcquireResult,
} from './types.js';
import { WaitQueue } from './waitQueue.js';
import { assertWindows, windowRoles } from './windows.js';

/** Node fires a timer longer than this at once (a 32-bit delay), so longer waits are split. */
const MAX_TIMER_MS = 2_147_483_647;

interface Waiter {
  grant(): void;
  fail(error: unknown): void;
}

/** The waiters of one key and the pump serving them; exists only while someone waits. */
interface Line {
  queue: WaitQueue<Waiter>;
  /** Ends the pump's sleep early, when the last waiter gives up or the budget changes. */
  wake: AbortController | undefined;
  /** Times the pump has slept for the budget; a waiter granted with no sleep since it queued did not wait for the limit. */
  sleeps: number;
}

/**
 * A rate limiter that keeps each key (a Location) within HighLevel's limits: by default 100
 * requests in any 10 s and 200,000 in any day, "for each Marketplace app (i.e., client) per
 * resource (i.e., Location or Company)"
 * (https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/Faqs.md).
 * Each key has one queue, served by priority then in arrival order, and one pump that asks the
 * store for a slot and, when refused, sleeps exactly as long as the store says.
 *
 * @example
 * const limiter = createRateLimiter();
 * const { waitedMs } = await limiter.acquire('loc_1', { priority: 'interactive', signal });
 * // …send the request, then pass on what its X-RateLimit-* headers said:
 * await limiter.observe('loc_1', { remaining: 42, max: 100, intervalMs: 10_000 });
 * // …or, when HighLevel answered 429:
 * await limiter.penalize('loc_1', 10_000);
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const configured = options.windows ?? DEFAULT_WINDOWS;
  assertWindows(configured);
  const roles = windowRoles(configured);
  const store = options.store ?? memoryRateLimitStore();
  const clock = options.clock ?? systemClock;
  const lines = new Map<string, Line>();
  /** Keys whose budget HighLevel has narrowed, with the windows that follow from it. */
  const narrowed = new Map<
    string,
    { budget: ObservedBudget; windows: readonly RateLimitWindow[] }
  >();
  /**
   * Per key, what the latest response said and the store has not taken in yet: it goes with the
   * key's next decision (one round trip for both). The latest report stands for the earlier
   * ones: HighLevel's count when it answered covers the requests they counted.
   */
  const reports = new Map<string, BudgetReport>();
  /**
   * For a store without `tryAcquireReporting`: observations of one key are applied one at a time,
   * so no difference is recorded twice.
   */
  const observing = new Map<string, Promise<void>>();

  const windowsFor = (key: string) => narrowed.get(key)?.windows ?? configured;
  const budgetOf = (key: string): ObservedBudget => narrowed.get(key)?.budget ?? {};

  /** Enforces `budget` for `key` from now on; wakes a sleeping pump when that widens its windows. */
  function setBudget(key: string, budget: ObservedBudget): void {
    const before = windowsFor(key);
    const windows = windowsUnder(configured, budget);
    if (windows === configured) narrowed.delete(key);
    else narrowed.set(key, { budget, windows });
    // A wider budget may let a sleeping pump go sooner than it planned.
    if (!sameWindows(before, windows)) lines.get(key)?.wake?.abort();
  }

  /** One decision for `key`, taking in its pending report when the store can. */
  async function decide(key: string): Promise<ReportedAcquireResult> {
    const report = reports.get(key);
    if (!report || !store.tryAcquireReporting) {
      return store.tryAcquire(key, clock.now(), windowsFor(key));
    }
    const budget = budgetOf(key);
    // A new daily cap is the store's to work out: the windows it gets carry none.
    const windows =
      report.dailyRemaining === undefined
        ? windowsFor(key)
        : windowsUnder(configured, { ...budget, dailyCap: undefined });
    const result = await store.tryAcquireReporting(key, clock.now(), windows, report);
    if (reports.get(key) === report) reports.delete(key);
    if (report.dailyRemaining !== undefined && result.usedDaily !== undefined) {
      setBudget(key, { ...budgetOf(key), dailyCap: result.usedDaily + report.dailyRemaining });
    }
    return result;
  }

  async function pump(key: string, line: Line): Promise<void> {
    while (line.queue.size > 0) {
      let result: ReportedAcquireResult;
      try {
        result = await decide(key);
      } catch (error) {
        // The store failed (a database store may): the waiter first in line hears of it, the
        // others keep their turn.
        line.queue.shift()?.fail(error);
        continue;
      }
      if (result.granted) {
        // Whoever is first now; if every waiter gave up meanwhile, the slot goes unused.
        line.queue.shift()?.grant();
        continue;
      }
      if (line.queue.size === 0) break;
      line.wake = new AbortController();
      line.sleeps++;
      await clock.sleep(Math.min(result.retryInMs, MAX_TIMER_MS), line.wake.signal).catch(() => {
        // Woken early: the loop looks at the queue and the store again.
      });
      line.wake = undefined;
    }
    lines.delete(key);
  }

  function acquire(
    key: string,
    { priority = 'normal', signal }: { priority?: Priority; signal?: AbortSignal } = {},
  ): Promise<{ waitedMs: number }> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const enqueuedAt = clock.now();
      const running = lines.get(key);
      const line: Line = running ?? { queue: new WaitQueue(), wake: undefined, sleeps: 0 };
      // The store's own round trip (a database query) is not a wait for the rate limit.
      const sleepsAtEnqueue = line.sleeps;
      const budgetSpentAtEnqueue = line.wake !== undefined; // the pump is sleeping for the budget
      const onAbort = () => {
        if (!line.queue.remove(ticket)) return;
        reject(abortReason(signal!));
        if (line.queue.size === 0) line.wake?.abort();
      };
      // Throws on an unknown priority, before anything is registered.
      const ticket = line.queue.push(
        {
          grant() {
            signal?.removeEventListener('abort', onAbort);
            resolve({
              waitedMs:
                budgetSpentAtEnqueue || line.sleeps > sleepsAtEnqueue
                  ? clock.now() - enqueuedAt
                  : 0,
            });
          },
          fail(error) {
            signal?.removeEventListener('abort', onAbort);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        },
        priority,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      if (!running) {
        lines.set(key, line);
        void pump(key, line);
      }
    });
  }

  /**
   * Takes in a response's headers: the limits at once (no I/O), the counts as a report for the
   * store's next decision for the key.
   */
  function observeReporting(key: string, observation: RateLimitObservation): void {
    let budget = rememberLimits(budgetOf(key), observation);
    const burst = windowsUnder(configured, budget)[roles.burst]!;
    const daily = roles.daily === undefined ? undefined : dailyRemainingToCap(observation, burst);
    if (daily === 'plenty') budget = { ...budget, dailyCap: undefined };
    setBudget(key, budget);
    const counted = countedByHighLevel(observation, burst);
    const dailyRemaining = typeof daily === 'number' ? daily : undefined;
    if ((counted === undefined || counted <= 0) && dailyRemaining === undefined) {
      reports.delete(key);
      return;
    }
    reports.set(key, {
      at: clock.now(),
      burst: roles.burst,
      ...(counted !== undefined && counted > 0 ? { counted } : {}),
      ...(dailyRemaining !== undefined ? { daily: roles.daily!, dailyRemaining } : {}),
    });
    // A day nearly spent may have been reset: a pump sleeping on its cap asks the store again.
    if (dailyRemaining !== undefined) lines.get(key)?.wake?.abort();
  }

  /** Takes in a response's headers by reading the store's counts (a store without reports). */
  async function observeByReading(key: string, observation: RateLimitObservation): Promise<void> {
    const now = clock.now();
    let budget = rememberLimits(budgetOf(key), observation);
    const burst = windowsUnder(configured, budget)[roles.burst]!;
    const unseen = unseenRequests(observation, burst, await store.used(key, now, burst.intervalMs));
    if (unseen > 0) await store.recordExternal(key, now, unseen);
    const daily = roles.daily === undefined ? undefined : dailyRemainingToCap(observation, burst);
    if (daily === 'plenty') budget = { ...budget, dailyCap: undefined };
    else if (daily !== undefined) {
      const usedDaily = await store.used(key, now, configured[roles.daily!]!.intervalMs);
      budget = { ...budget, dailyCap: dailyCapFrom(observation, usedDaily) ?? budget.dailyCap };
    }
    setBudget(key, budget);
  }

  return {
    acquire,
    observe(key, observation) {
      if (store.tryAcquireReporting) {
        observeReporting(key, observation);
        return Promise.resolve();
      }
      const applied = (observing.get(key) ?? Promise.resolve()).then(() =>
        observeByReading(key, observation),
      );
      const settled = applied.then(
        () => undefined,
        () => undefined,
      );
      observing.set(key, settled);
      void settled.then(() => {
        if (observing.get(key) === settled) observing.delete(key);
      });
      return applied;
    },
    async penalize(key, retryAfterMs) {
      if (!(retryAfterMs > 0)) return;
      await store.blockUntil(key, clock.now() + retryAfterMs);
    },
  };
}

function sameWindows(a: readonly RateLimitWindow[], b: readonly RateLimitWindow[]): boolean {
  return a.every((w, i) => w.limit === b[i]?.limit && w.intervalMs === b[i]?.intervalMs);
}
