import { describe, expect, it } from 'vitest';
import { BudgetSpent, callBudget, type BudgetClock } from './callBudget.js';

function fakeClock(): BudgetClock & { slept: number[] } {
  let now = 1000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

const plan = { maxCalls: 3, gapMs: 500, timeLimitMs: 60_000 };

describe('a call budget', () => {
  it('spaces its calls by the gap and refuses the call past its share', async () => {
    const clock = fakeClock();
    const budget = callBudget(plan, clock);
    for (let i = 0; i < 3; i++) {
      await budget.take();
      budget.onEvent({ type: 'response', status: 200 } as never);
    }
    expect(clock.slept).toEqual([500, 500]);
    await expect(budget.take()).rejects.toBeInstanceOf(BudgetSpent);
  });

  it('takes up the pace where an earlier budget of the Location left it', async () => {
    const clock = fakeClock();
    const first = callBudget(plan, clock);
    await first.take();
    const second = callBudget(plan, clock, first.nextCallAt());
    await second.take();
    expect(clock.slept).toEqual([500]);
    expect(second.nextCallAt()).toBe(clock.now() + 500);
  });
});
