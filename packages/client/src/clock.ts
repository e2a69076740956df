/**
 * Time as the client sees it. Injected so that rate limits, backoff, token expiry and timeouts
 * can be tested with a manual clock instead of real waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The error an aborted wait rejects with: the signal's own reason when it is an Error. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error
    ? reason
    : new DOMException('This operation was aborted', 'AbortError');
}

/** The real clock: `Date.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

/** A clock that moves only when told to, for tests. */
export interface ManualClock extends Clock {
  /** Moves time forward, waking every sleeper whose time has come, in time order. */
  advance(ms: number): Promise<void>;
  /** Advances until no sleeper is left (or `limitMs` passes); for draining a queue in tests. */
  runAll(limitMs?: number): Promise<void>;
  /** Sleepers still waiting. */
  pending(): number;
}

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * A manual clock starting at `start` (ms since the epoch).
 *
 * @example
 * const clock = manualClock(Date.parse('2026-01-01T00:00:00Z'));
 * const done = clock.sleep(1000);
 * await clock.advance(1000); // `done` resolves
 */
export function manualClock(start = 0): ManualClock {
  let now = start;
  let seq = 0;
  let sleepers: Sleeper[] = [];
  // Let promise chains that react to a wake-up run (and maybe sleep again) before moving on.
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    await new Promise<void>((r) => setImmediate(r));
  };
  const clock: ManualClock = {
    now: () => now,
    sleep(ms, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(abortReason(signal));
        const sleeper: Sleeper = { at: now + Math.max(0, ms), seq: seq++, resolve };
        sleepers.push(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            sleepers = sleepers.filter((s) => s !== sleeper);
            reject(abortReason(signal));
          },
          { once: true },
        );
      });
    },
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (;;) {
        const next = sleepers
          .filter((s) => s.at <= target)
          .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (!next) break;
        now = Math.max(now, next.at);
        sleepers = sleepers.filter((s) => s !== next);
        next.resolve();
        await settle();
      }
      now = target;
      await settle();
    },
    async runAll(limitMs = 24 * 3600_000) {
      const end = now + limitMs;
      await settle();
      while (sleepers.length > 0 && now < end) {
        const next = Math.min(...sleepers.map((s) => s.at));
        await clock.advance(Math.max(0, Math.min(next, end) - now));
      }
    },
    pending: () => sleepers.length,
  };
  return clock;
}
