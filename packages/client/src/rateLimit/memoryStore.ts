import { CountSeries } from './countSeries.js';
import { cappedDailyLimit } from './observation.js';
import type {
  AcquireResult,
  BudgetReport,
  RateLimitStore,
  RateLimitWindow,
  ReportedAcquireResult,
} from './types.js';
import { assertWindows } from './windows.js';

export interface MemoryRateLimitStoreOptions {
  /**
   * Windows up to this long are counted exactly, one timestamp per instant with requests; longer
   * ones (the daily window) are counted in buckets. Default one minute.
   */
  exactUpToMs?: number;
  /** Bucket width for the longer windows. Default one minute. */
  bucketMs?: number;
}

/** A memory store, with a look at how much it holds. */
export interface MemoryRateLimitStore extends RateLimitStore {
  tryAcquireReporting: NonNullable<RateLimitStore['tryAcquireReporting']>;
  /** Keys held and entries held over all keys (timestamps plus buckets). */
  stats(): { keys: number; entries: number };
}

interface KeyState {
  /** Timestamps of requests (merged per instant), kept for `exactUpToMs`. */
  exact: CountSeries;
  /** Request counts per bucket number (`floor(t / bucketMs)`), kept for `retainMs`. */
  buckets: CountSeries;
  blockedUntil: number;
  /** The latest `now` seen for the key; an earlier `now` is taken as this one. */
  latest: number;
}

const DAY_MS = 86_400_000;

/**
 * A {@link RateLimitStore} for one process. Windows up to a minute (HighLevel's 100 per 10 s) are
 * exact sliding windows: a request is granted at `t` only if fewer than `limit` grants lie in
 * `(t - intervalMs, t]`, and a refusal says exactly when the oldest grant in the way leaves.
 * Longer windows (200,000 per day) are counted in one-minute buckets instead of one timestamp per
 * request: a bucket counts in full as long as any part of it lies in the window, so the count may
 * run over by up to one bucket but is never under, and the daily limit is never exceeded.
 *
 * @example
 * const store = memoryRateLimitStore();
 * await store.tryAcquire('loc_1', Date.now(), HIGHLEVEL_WINDOWS); // { granted: true }
 */
export function memoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): MemoryRateLimitStore {
  const exactUpToMs = options.exactUpToMs ?? 60_000;
  const bucketMs = options.bucketMs ?? 60_000;
  const states = new Map<string, KeyState>();
  // Buckets outlive the longest window seen (at least a day), so a longer window shown later
  // still finds the history it needs.
  let retainMs = Math.max(DAY_MS, exactUpToMs);
  let lastSweep = -Infinity;

  const isExact = (intervalMs: number) => intervalMs <= exactUpToMs;

  function prune(state: KeyState, now: number): boolean {
    state.exact.dropUpTo(now - exactUpToMs);
    state.buckets.dropUpTo((now - retainMs) / bucketMs - 1);
    return state.buckets.size === 0 && state.blockedUntil <= now;
  }

  /** Forgets keys nobody asks about any more, at most once per exact window. */
  function sweep(now: number): void {
    if (now - lastSweep < exactUpToMs) return;
    lastSweep = now;
    for (const [key, state] of states) {
      if (prune(state, Math.max(now, state.latest))) states.delete(key);
    }
  }

  function stateOf(key: string, now?: number): KeyState {
    if (now !== undefined) sweep(now);
    let state = states.get(key);
    if (!state) {
      state = {
        exact: new CountSeries(),
        buckets: new CountSeries(),
        blockedUntil: 0,
        latest: now ?? -Infinity,
      };
      states.set(key, state);
    }
    return state;
  }

  /**
   * The time to count at: `now`, or the latest time already seen for the key if that is later
   * (clocks of several callers may disagree a little; the later one decides), after pruning.
   */
  function advance(state: KeyState, now: number): number {
    state.latest = Math.max(now, state.latest);
    prune(state, state.latest);
    return state.latest;
  }

  /** Where a window ending at `at` starts, in the series that counts it (exclusive). */
  function windowStart(at: number, intervalMs: number): number {
    return isExact(intervalMs) ? at - intervalMs : (at - intervalMs) / bucketMs - 1;
  }

  function count(state: KeyState, at: number, intervalMs: number): number {
    const series = isExact(intervalMs) ? state.exact : state.buckets;
    return series.countAfter(windowStart(at, intervalMs));
  }

  /** Milliseconds until `window` has room again at `at`, or 0 if it has room now. */
  function wait(state: KeyState, at: number, { limit, intervalMs }: RateLimitWindow): number {
    const used = count(state, at, intervalMs);
    if (used < limit) return 0;
    const series = isExact(intervalMs) ? state.exact : state.buckets;
    // Room appears when `used - limit + 1` of the counted requests have left the window.
    const position = series.positionShedding(windowStart(at, intervalMs), used - limit + 1)!;
    const leavesAt = isExact(intervalMs)
      ? position + intervalMs
      : (position + 1) * bucketMs + intervalMs;
    return leavesAt - at;
  }

  function record(state: KeyState, at: number, requests: number): void {
    state.exact.add(at, requests);
    state.buckets.add(Math.floor(at / bucketMs), requests);
  }

  function acquireNow(
    key: string,
    now: number,
    windows: readonly RateLimitWindow[],
  ): AcquireResult {
    assertWindows(windows);
    for (const { intervalMs } of windows) {
      if (!isExact(intervalMs)) retainMs = Math.max(retainMs, intervalMs);
    }
    const state = stateOf(key, now);
    const at = advance(state, now);
    let retryInMs = state.blockedUntil - at;
    for (const window of windows) retryInMs = Math.max(retryInMs, wait(state, at, window));
    if (retryInMs > 0) return { granted: false, retryInMs };
    record(state, at, 1);
    return { granted: true };
  }

  /**
   * Takes in what a response said (see `BudgetReport`), then decides. Requests HighLevel counted
   * that our burst window ending at `report.at` lacks are recorded at `report.at` (or later: a
   * series only grows at its end); the daily count as of the report is the window's count now
   * less the requests granted since.
   */
  function acquireReporting(
    key: string,
    now: number,
    windows: readonly RateLimitWindow[],
    report: BudgetReport,
  ): ReportedAcquireResult {
    assertWindows(windows);
    const state = stateOf(key, now);
    const at = advance(state, now);
    const burst = windows[report.burst];
    if (report.counted !== undefined && burst && report.at > at - burst.intervalMs) {
      const ours =
        state.exact.countAfter(report.at - burst.intervalMs) - state.exact.countAfter(report.at);
      const unseen = Math.ceil(report.counted - ours);
      if (unseen > 0) record(state, report.at, unseen);
    }
    const daily = report.daily === undefined ? undefined : windows[report.daily];
    if (!daily || report.dailyRemaining === undefined) return acquireNow(key, now, windows);
    const cap = report.dailyRemaining;
    const usedDaily = Math.max(
      0,
      count(state, at, daily.intervalMs) - state.exact.countAfter(report.at),
    );
    const capped = windows.map((w, i) =>
      i === report.daily ? { ...w, limit: cappedDailyLimit(w.limit, usedDaily + cap) } : w,
    );
    return { ...acquireNow(key, now, capped), usedDaily };
  }

  return {
    tryAcquire: (key, now, windows) => later(() => acquireNow(key, now, windows)),
    tryAcquireReporting: (key, now, windows, report) =>
      later(() => acquireReporting(key, now, windows, report)),
    recordExternal: (key, now, requests) =>
      later(() => {
        if (requests > 0) {
          const state = stateOf(key, now);
          record(state, advance(state, now), Math.ceil(requests));
        }
      }),
    blockUntil: (key, until) =>
      later(() => {
        // No `now` here: the block is stored as is and does not move the key's clock.
        const state = stateOf(key);
        state.blockedUntil = Math.max(state.blockedUntil, until);
      }),
    used: (key, now, intervalMs) =>
      later(() => {
        sweep(now);
        const state = states.get(key);
        return state ? count(state, advance(state, now), intervalMs) : 0;
      }),
    stats() {
      let entries = 0;
      for (const s of states.values()) entries += s.exact.size + s.buckets.size;
      return { keys: states.size, entries };
    },
  };
}

/** Runs `work` now; its result or its exception comes back as a promise, as the interface asks. */
function later<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}
