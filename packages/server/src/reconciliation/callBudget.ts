/**
 * A run's HighLevel calls held to its budget (`core/budget.ts`): each call waits its turn (one
 * every `gapMs`), and once the run has made `maxCalls` calls or used its time, the next one is
 * refused with `BudgetSpent`. Calls are counted from the client's events, so retries count too.
 */
import type { ClientEvent } from '@ghl-bridge/client';
import type { RunBudget } from './core/budget.js';

/** The run's calls or time are used up; the next run goes on from the checkpoint. */
export class BudgetSpent extends Error {
  constructor(readonly reason: 'budget' | 'time') {
    super(reason === 'budget' ? 'the run used its share of calls' : 'the run used its time');
    this.name = 'BudgetSpent';
  }
}

export interface CallBudget {
  /** Waits for the next call's turn; throws `BudgetSpent` when there is none. */
  take(): Promise<void>;
  /** Give the client's events here: every attempt is counted. */
  onEvent(event: ClientEvent): void;
  readonly counts: { calls: number; throttled: number; failed: number };
  /** When the next call's turn comes, in the clock's ms: where a following budget takes over. */
  nextCallAt(): number;
}

export interface BudgetClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: BudgetClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * @example
 * const budget = callBudget(runBudget({ share, intervalMs, burst }), systemClock);
 * const client = highLevelFor(deps, connections, budget.onEvent);
 * await budget.take();
 * await client.raw('GET', '/calendars/', { query: { locationId }, priority: 'bulk' });
 */
export function callBudget(
  budget: RunBudget,
  clock: BudgetClock = systemClock,
  /** The first call's turn, when an earlier budget of the same Location set it. */
  firstCallAt?: number,
): CallBudget {
  const startedAt = clock.now();
  const counts = { calls: 0, throttled: 0, failed: 0 };
  let nextAt = Math.max(startedAt, firstCallAt ?? startedAt);
  return {
    counts,
    nextCallAt: () => nextAt,
    onEvent(event) {
      if (event.type !== 'response' && event.type !== 'error') return;
      counts.calls += 1;
      if (event.type === 'error') counts.failed += 1;
      if (event.status === 429) counts.throttled += 1;
    },
    async take() {
      if (counts.calls >= budget.maxCalls) throw new BudgetSpent('budget');
      const wait = nextAt - clock.now();
      if (wait > 0) await clock.sleep(wait);
      if (clock.now() - startedAt >= budget.timeLimitMs) throw new BudgetSpent('time');
      nextAt = clock.now() + budget.gapMs;
    },
  };
}
