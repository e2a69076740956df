import { describe, expect, it } from 'vitest';
import {
  deliveryFate,
  NO_WEBHOOK_FAULTS,
  seededRandom,
  webhookFaultsOf,
  type WebhookFaults,
} from './deliveryFaults.js';

/** A random source that answers `values` in turn. */
const scripted = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('webhookFaultsOf', () => {
  it.each([
    [{}, NO_WEBHOOK_FAULTS],
    [
      { dropRate: 0.2, seed: 7 },
      { ...NO_WEBHOOK_FAULTS, dropRate: 0.2, seed: 7 },
    ],
    // A delay alone holds back every delivery, by exactly that long.
    [{ delayMs: 500 }, { ...NO_WEBHOOK_FAULTS, delayRate: 1, delayMs: 500, maxDelayMs: 500 }],
    [
      { delayRate: 0.5, delayMs: 100, maxDelayMs: 900 },
      { ...NO_WEBHOOK_FAULTS, delayRate: 0.5, delayMs: 100, maxDelayMs: 900 },
    ],
    // A maximum below the minimum is read as the minimum.
    [
      { delayMs: 300, maxDelayMs: 100 },
      { ...NO_WEBHOOK_FAULTS, delayRate: 1, delayMs: 300, maxDelayMs: 300 },
    ],
  ] as [Record<string, unknown>, WebhookFaults][])('reads %j', (input, expected) => {
    expect(webhookFaultsOf(input)).toEqual({ faults: expected });
  });

  it.each([
    [{ dropRate: 1.5 }, 'dropRate must be 0..1'],
    [{ delayRate: -0.1 }, 'delayRate must be 0..1'],
    [{ delayMs: 2.5 }, 'delayMs must be a whole number of ms from 0 to 3600000'],
    [{ maxDelayMs: 4_000_000 }, 'maxDelayMs must be a whole number of ms from 0 to 3600000'],
    [{ seed: 'x' }, 'seed must be a whole number or null'],
    [{ drop: 0.2 }, 'drop is not a setting (dropRate, delayRate, delayMs, maxDelayMs, seed)'],
  ])('refuses %j', (input, problem) => {
    expect(webhookFaultsOf(input)).toEqual({ problems: [problem] });
  });
});

describe('deliveryFate', () => {
  const faults: WebhookFaults = {
    dropRate: 0.2,
    delayRate: 0.5,
    delayMs: 1000,
    maxDelayMs: 3000,
    seed: null,
  };

  it.each([
    ['a drop draw under dropRate', [0.1, 0.9], { dropped: true }],
    ['a drop draw at dropRate', [0.2, 0.9], { dropped: false, delayMs: 0 }],
    ['a delay draw at the start of delayRate', [0.5, 0], { dropped: false, delayMs: 1000 }],
    ['a delay draw halfway through delayRate', [0.5, 0.25], { dropped: false, delayMs: 2000 }],
    ['a delay draw past delayRate', [0.5, 0.5], { dropped: false, delayMs: 0 }],
  ])('%s', (_name, draws, fate) => {
    expect(deliveryFate(faults, scripted(...draws))).toEqual(fate);
  });

  it('sends everything at once without settings', () => {
    expect(deliveryFate(NO_WEBHOOK_FAULTS, Math.random)).toEqual({ dropped: false, delayMs: 0 });
  });

  it('drops about dropRate of many deliveries, the same ones for the same seed', () => {
    const fates = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 1000 }, () => deliveryFate(faults, random).dropped);
    };
    const dropped = fates(42).filter(Boolean).length;
    expect(dropped).toBeGreaterThan(150);
    expect(dropped).toBeLessThan(250);
    expect(fates(42)).toEqual(fates(42));
    expect(fates(43)).not.toEqual(fates(42));
  });
});

describe('seededRandom', () => {
  it('gives numbers in [0, 1), the same sequence for the same seed', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const values = Array.from({ length: 100 }, () => a());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Array.from({ length: 100 }, () => b())).toEqual(values);
  });
});
